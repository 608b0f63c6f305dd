using System.Text.Json;

namespace OpsConsole.Bench;

/// <summary>What the benchmark needs to know about the artifact tree.</summary>
internal sealed record Tree(string Root, int Files, int Devices, int Days, string LatestDay, IReadOnlyList<string> LatestReports)
{
    public static Tree Describe(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        var files = Directory.EnumerateFiles(root, "*", options)
            .Count(f => !Path.GetRelativePath(root, f).Split('/').Any(p => p.StartsWith('.')));
        using var inventory = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "devices.json")));
        var devices = inventory.RootElement.GetProperty("devices").GetArrayLength();
        var days = Directory.GetDirectories(Path.Combine(root, "compliance")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var latest = days[^1]!;
        var reports = Directory.GetFiles(Path.Combine(root, "compliance", latest), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        return new Tree(root, files, devices, days.Count, latest, reports!);
    }

    /// <summary>A device with a report on the latest day, spread over the list; its NetBox id from that report.</summary>
    public (string Name, long Id) Sample(int i)
    {
        var name = LatestReports[(LatestReports.Count / 2 + (i * 7919)) % LatestReports.Count];
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "compliance", LatestDay, name + ".json")));
        return (name, doc.RootElement.GetProperty("device").GetProperty("id").GetInt64());
    }
}
