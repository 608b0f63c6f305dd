using System.Globalization;

namespace OpsConsole.Web.Infrastructure.Demo;

/// <summary>
/// The marker a generated live-demo tree carries: a dot-file (the indexer skips dot-files) holding the demo's last
/// day. Its presence is what labels every page "demo data" and what allows the live demo to regenerate the folder.
/// </summary>
internal static class DemoStamp
{
    public const string FileName = ".opsconsole-demo";

    /// <summary>The last day recorded in <paramref name="root"/>'s stamp, or null when there is no readable stamp.</summary>
    public static DateOnly? Read(string root)
    {
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Trim();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            // An unreadable stamp still marks the folder as ours (so it may be regenerated), with no day.
            : DateOnly.MinValue;
    }

    public static void Write(string root, DateOnly endDate) =>
        File.WriteAllText(Path.Combine(root, FileName), endDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n");
}
