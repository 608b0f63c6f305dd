using OpsConsole.Core.Archive;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Archive;

/// <summary>
/// Fixtures/dashboards with history archived before the app starts: the runs of 2026-11-19 (one report, of SW-A-02, holding a
/// secret-looking token) and 2026-11-20 (three reports), the applied approval APR-2026-0203 (bundle approvals-2026-11), and
/// a damaged bundle for 2026-11-18 (its sidecar does not match).
/// </summary>
public sealed class ArchiveFactory : DashboardsFactory
{
    public const string SecretValue = "9f8e7d6c5b4a3210ffee";

    public ArchiveFactory() : base(Prepare)
    {
    }

    private static void Prepare(string root)
    {
        var report = File.ReadAllText(Path.Join(root, "compliance/2026-11-20/SW-A-02.json"))
            .Replace("2026-11-20", "2026-11-19", StringComparison.Ordinal);
        var withSecret = report.Insert(report.IndexOf('{', StringComparison.Ordinal) + 1, $"\n  \"x_note\": \"NETBOX_WRITE_TOKEN={SecretValue}\",");
        Directory.CreateDirectory(Path.Join(root, "compliance/2026-11-19"));
        File.WriteAllText(Path.Join(root, "compliance/2026-11-19/SW-A-02.json"), withSecret);

        var canonical = SafePath.Canonicalize(root);
        var mover = new ArchiveMover(canonical);
        mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(canonical, new DateOnly(2026, 11, 21))));
        using var store = new ArtifactStore(canonical);
        mover.Run(mover.Plan(ArchiveLayout.Approvals, ArchiveCandidates.ApprovalsOlderThan(store, "applied", 0, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero))));

        File.Copy(Path.Join(root, "archive/compliance/2026-11-20.zip"), Path.Join(root, "archive/compliance/2026-11-18.zip"));
        File.WriteAllText(Path.Join(root, "archive/compliance/2026-11-18.zip.sha256"), new string('0', 64));
    }
}
