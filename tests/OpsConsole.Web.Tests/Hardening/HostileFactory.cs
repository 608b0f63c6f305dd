using System.Diagnostics;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Hardening;

/// <summary>
/// The basic tree plus Fixtures/hostile (broken, wrongly typed, future and duplicated documents, a
/// hostile Markdown file) plus what cannot or should not be committed, generated here: a 10 MiB file
/// over the cap, a depth-bomb JSON, device names with Unicode and spaces, a symlink leading outside
/// the root and a FIFO.
/// </summary>
public sealed class HostileFactory : ConsoleFactory
{
    public const string OversizedPath = "batches/results/BATCH-0901-run1.json";
    public const string DepthBombPath = "batches/results/BATCH-0902-run1.json";
    public const string UnicodeReportPath = "compliance/2026-11-21/Dév ice.json";
    public const string SpacedReportPath = "compliance/2026-11-21/EDGE BEL 02.json";
    public const string UnicodeEngagementPath = "engagement/Dév ice/package.json";
    public const string OutsideLinkPath = "incidents/INC-0903.json";
    public const string FifoPath = "incidents/INC-0904.json";

    public HostileFactory() : base("hostile", Prepare)
    {
    }

    /// <summary>Text of a file next to (outside) the root that a symlink inside points at.</summary>
    public static string OutsideSecret { get; } = "outside-the-root-" + Guid.NewGuid().ToString("N");

    private static void Prepare(string root)
    {
        CopyMissing(Path.Combine(AppContext.BaseDirectory, "Fixtures", "basic"), root);

        // 10 MiB, valid JSON, over the 5 MiB cap: generated, never committed.
        using (var big = File.CreateText(Path.Combine(root, OversizedPath)))
        {
            big.Write("{\"schema\":\"opsconsole/batch-result@1\",\"batch_id\":\"BATCH-0901\",\"padding\":\"");
            big.Write(new string('x', 10 * 1024 * 1024));
            big.Write("\"}");
        }

        File.WriteAllText(Path.Combine(root, DepthBombPath), new string('[', 100_000) + new string(']', 100_000));
        var report = File.ReadAllText(Path.Combine(root, "compliance/2026-11-21/EDGE-BEL-01.json"));
        File.WriteAllText(Path.Combine(root, UnicodeReportPath), report.Replace("EDGE-BEL-01", "Dév ice", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, SpacedReportPath), report.Replace("EDGE-BEL-01", "EDGE BEL 02", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(root, "engagement", "Dév ice"));
        File.Copy(Path.Combine(root, "engagement/4WNET-MNS-KTG-RX/package.json"), Path.Combine(root, UnicodeEngagementPath));

        var outside = Path.Combine(Path.GetDirectoryName(root)!, "outside.json");
        File.WriteAllText(outside, "{\"schema\":\"opsconsole/incident@1\",\"incident_id\":\"INC-0903\",\"title\":\"" + OutsideSecret + "\"}");
        File.CreateSymbolicLink(Path.Combine(root, OutsideLinkPath), outside);

        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(root, FifoPath)]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static void CopyMissing(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                File.Copy(file, target);
            }
        }
    }
}
