using OpsConsole.Core.Archive;
using OpsConsole.Core.Index;
using OpsConsole.Core.Shift;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Archive;
using OpsConsole.Core.Tests.Index;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Shift;

/// <summary>
/// The digest after a real archive run and index pass: the reports an archive bundle holds are one summary line per day
/// with their count; a removal that is not archiving (no bundle, or an unreadable one) stays one line per file.
/// </summary>
public sealed class ArchivedDigestTests : IDisposable
{
    private const int Devices = 4;
    private static readonly string[] ArchivedDays = ["2026-01-01", "2026-01-02", "2026-01-03"];
    private readonly IndexFixture _index = new();
    private readonly DateTimeOffset _since = DateTimeOffset.UtcNow.AddMinutes(-1);

    private TempRoot Temp => _index.Temp;

    private async Task BaselineAsync(params string[] days)
    {
        Temp.Write("devices.json", SampleDocuments.Inventory);
        foreach (var day in days)
        {
            for (var n = 0; n < Devices; n++)
            {
                Temp.Write($"compliance/{day}/dev-{n}.json", ArchiveTree.Report($"dev-{n}", day, deviceId: 100 + n));
            }
        }

        await _index.Indexer.FullPassAsync();
    }

    private void ArchiveBefore(DateOnly before)
    {
        var mover = new ArchiveMover(Temp.CanonicalRoot);
        var outcome = mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(Temp.CanonicalRoot, before)));
        Assert.Empty(outcome.Left);
    }

    private async Task<ShiftDigest> DigestAsync()
    {
        await _index.Indexer.FullPassAsync();
        return await new ShiftDigestQuery(_index.Db).BuildAsync(_since, DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Three_archived_days_are_three_summary_lines_with_their_counts_and_a_hand_deletion_stays_its_own_line()
    {
        await BaselineAsync([.. ArchivedDays, "2026-02-01"]);
        ArchiveBefore(new DateOnly(2026, 1, 4));
        File.Delete(Temp.PathOf("compliance/2026-02-01/dev-0.json"));

        var digest = await DigestAsync();

        var lines = digest.In(ShiftSection.Compliance).ToList();
        Assert.Equal(4, lines.Count);
        var summaries = lines.Where(l => l.Change == ShiftDigestQuery.Archived).ToList();
        Assert.Equal(
            ArchivedDays.Select(d => ($"compliance-{d}", d, "archived", (int?)Devices)),
            summaries.Select(l => (l.Key!, l.GroupKey!, l.StatusAfter!, l.CountAfter)).Order());
        var removed = Assert.Single(lines, l => l.Change == ChangeKinds.Removed);
        Assert.Equal("compliance/2026-02-01/dev-0.json", removed.Path);
        // The bundles (and their sidecars) are said by the summary lines, not listed again as new files.
        Assert.DoesNotContain(digest.Changes, c => c.Path.StartsWith("archive/compliance/", StringComparison.Ordinal) && c.Change != ShiftDigestQuery.Archived);
    }

    [Fact]
    public async Task Removals_of_a_day_whose_bundle_is_unreadable_or_missing_stay_one_line_per_file()
    {
        await BaselineAsync("2026-01-01", "2026-01-02", "2026-01-03");
        ArchiveBefore(new DateOnly(2026, 1, 2));
        var bundle = Temp.PathOf("archive/compliance/2026-01-01.zip");
        var bytes = await File.ReadAllBytesAsync(bundle);
        await File.WriteAllBytesAsync(bundle, bytes[..(bytes.Length / 2)]);
        Directory.Delete(Temp.PathOf("compliance/2026-01-02"), recursive: true);

        var digest = await DigestAsync();

        var lines = digest.In(ShiftSection.Compliance).ToList();
        Assert.DoesNotContain(lines, l => l.StatusAfter == "archived");
        foreach (var day in new[] { "2026-01-01", "2026-01-02" })
        {
            Assert.Equal(
                Enumerable.Range(0, Devices).Select(n => $"compliance/{day}/dev-{n}.json"),
                lines.Where(l => l.Change == ChangeKinds.Removed && l.Path.StartsWith($"compliance/{day}/", StringComparison.Ordinal)).Select(l => l.Path).Order());
        }

        // The unreadable bundle is said on its day's summary line, with the reason, never as "archived".
        var broken = Assert.Single(lines, l => l.Change == ShiftDigestQuery.Archived);
        Assert.Equal(("compliance-2026-01-01", "unreadable", (int?)Devices), (broken.Key!, broken.StatusAfter!, broken.CountAfter));
        Assert.StartsWith("checksum mismatch", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_removals_of_a_day_than_its_bundle_holds_stay_one_line_per_file()
    {
        await BaselineAsync("2026-01-01");
        Temp.Write("compliance/2026-01-02/dev-0.json", ArchiveTree.Report("dev-0", "2026-01-02", deviceId: 100));
        await _index.Indexer.FullPassAsync();
        ArchiveBefore(new DateOnly(2026, 1, 2));
        // A file copied back by hand into the archived day, then deleted again: the bundle holds 4, the window removed 5.
        Temp.Write("compliance/2026-01-01/dev-9.json", ArchiveTree.Report("dev-9", "2026-01-01", deviceId: 109));
        await _index.Indexer.FullPassAsync();
        File.Delete(Temp.PathOf("compliance/2026-01-01/dev-9.json"));

        var digest = await DigestAsync();

        var lines = digest.In(ShiftSection.Compliance).ToList();
        Assert.DoesNotContain(lines, l => l.Change == ShiftDigestQuery.Archived);
        Assert.Equal(Devices + 1, lines.Count(l => l.Change == ChangeKinds.Removed));
    }

    /// <summary>Two applied approvals (decided in May and June) archived, and a pending one deleted by hand.</summary>
    private async Task ArchiveApprovalsAsync()
    {
        await BaselineAsync();
        Temp.Write("approvals/applied/approval-APR-2026-0110.json", AppliedApproval("APR-2026-0110", "2026-05-02T09:00:00Z"));
        Temp.Write("approvals/applied/approval-APR-2026-0111.json", AppliedApproval("APR-2026-0111", "2026-06-03T09:00:00Z"));
        Temp.Write("approvals/pending/approval-APR-2026-0112.json", SampleDocuments.Approval.Replace("APR-2026-0110", "APR-2026-0112", StringComparison.Ordinal));
        await _index.Indexer.FullPassAsync();
        using (var store = new ArtifactStore(Temp.CanonicalRoot))
        {
            var mover = new ArchiveMover(Temp.CanonicalRoot);
            mover.Run(mover.Plan(ArchiveLayout.Approvals, ArchiveCandidates.ApprovalsOlderThan(store, "applied", 30, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero))));
        }

        File.Delete(Temp.PathOf("approvals/pending/approval-APR-2026-0112.json"));
    }

    [Fact]
    public async Task Archived_approvals_are_one_summary_line_per_month_and_a_removed_pending_approval_stays_its_own_line()
    {
        await ArchiveApprovalsAsync();

        var digest = await DigestAsync();

        var lines = digest.In(ShiftSection.Approvals).ToList();
        Assert.Equal(
            [("approvals-2026-05", "archived", (int?)1), ("approvals-2026-06", "archived", 1)],
            lines.Where(l => l.Change == ShiftDigestQuery.Archived).Select(l => (l.Key!, l.StatusAfter!, l.CountAfter)).Order());
        var removed = Assert.Single(lines, l => l.Change == ChangeKinds.Removed);
        Assert.Equal("approvals/pending/approval-APR-2026-0112.json", removed.Path);
    }

    [Fact]
    public async Task Approval_removals_whose_only_bundle_left_is_unreadable_stay_one_line_per_file()
    {
        await ArchiveApprovalsAsync();
        var bundle = Temp.PathOf("archive/approvals/2026-06.zip");
        var bytes = await File.ReadAllBytesAsync(bundle);
        await File.WriteAllBytesAsync(bundle, bytes[..(bytes.Length / 2)]);

        var digest = await DigestAsync();

        var lines = digest.In(ShiftSection.Approvals).ToList();
        Assert.DoesNotContain(lines, l => l.StatusAfter == "archived");
        var broken = Assert.Single(lines, l => l.Change == ShiftDigestQuery.Archived);
        Assert.Equal(("approvals-2026-06", "unreadable"), (broken.Key!, broken.StatusAfter!));
        Assert.Equal(
            ["approvals/applied/approval-APR-2026-0110.json", "approvals/applied/approval-APR-2026-0111.json", "approvals/pending/approval-APR-2026-0112.json"],
            lines.Where(l => l.Change == ChangeKinds.Removed).Select(l => l.Path).Order());
    }

    private static string AppliedApproval(string id, string appliedAt) =>
        SampleDocuments.Approval.Replace("APR-2026-0110", id, StringComparison.Ordinal).Replace("\"state\": \"pending\"", "\"state\": \"applied\"", StringComparison.Ordinal)
            .Replace("""{ "at": "2026-05-01T07:00:00Z", "from": "proposed", "to": "pending", "actor": "ana", "reason": "ready" } ]""",
                $$"""
                { "at": "2026-05-01T07:00:00Z", "from": "proposed", "to": "pending", "actor": "ana", "reason": "ready" },
                { "at": "{{appliedAt}}", "from": "pending", "to": "approved", "actor": "bruno", "reason": "ok" },
                { "at": "{{appliedAt}}", "from": "approved", "to": "applied", "actor": "ana", "reason": "done" } ]
                """, StringComparison.Ordinal);

    public void Dispose() => _index.Dispose();
}
