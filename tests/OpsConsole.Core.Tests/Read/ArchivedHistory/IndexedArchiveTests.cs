using OpsConsole.Core.Archive;
using OpsConsole.Core.Read.ArchivedHistory;
using OpsConsole.Core.Tests.Archive;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Read.ArchivedHistory;

/// <summary>
/// The archived history the pages show comes from the index (the bundles' manifest facts, stored when a bundle is
/// indexed) and must say what the bundles themselves say: the same counts as reading every manifest, a report still in
/// place counted once (as live), and a bundle that is damaged or gone no longer counted.
/// </summary>
public sealed class IndexedArchiveTests : IDisposable
{
    private readonly ReadIndex _index = new();

    public IndexedArchiveTests()
    {
        _index.Write("devices.json", FixtureTree.Inventory(("edge-01", 101), ("core-02", 202)));
        foreach (var day in new[] { "2026-01-01", "2026-01-02", "2026-01-03", "2026-02-01" })
        {
            _index.Write($"compliance/{day}/edge-01.json", ArchiveTree.Report("edge-01", day, day == "2026-01-02" ? "divergent" : "compliant"));
            _index.Write($"compliance/{day}/core-02.json", ArchiveTree.Report("core-02", day, deviceId: 202));
        }
    }

    private string Root => _index.Store.Root;

    private IndexedArchive Archive => new(_index.Factory, new ArchivedRecords(Root));

    [Fact]
    public async Task The_indexed_history_counts_what_the_manifests_hold_per_day_and_status()
    {
        ArchiveBefore(new DateOnly(2026, 2, 1));
        await _index.IndexAsync();

        var indexed = Archive.Current();
        var files = new ArchivedRecords(Root).Current();

        Assert.Equal(6, indexed.ReportCount);
        Assert.Equal(3, indexed.ReportsPerDay.Count);
        Assert.Equal(1, indexed.ReportsPerDay["2026-01-02"]["divergent"]);
        Assert.Equal(files.ReportsPerDay.OrderBy(d => d.Key).SelectMany(d => d.Value.OrderBy(s => s.Key).Select(s => (d.Key, s.Key, s.Value))),
            indexed.ReportsPerDay.OrderBy(d => d.Key).SelectMany(d => d.Value.OrderBy(s => s.Key).Select(s => (d.Key, s.Key, s.Value))));
        Assert.Equal(files.Bundles.Select(b => (b.Name, b.EntryCount, b.IsReadable)), indexed.Bundles.Select(b => (b.Name, b.EntryCount, b.IsReadable)));
        Assert.All(indexed.Bundles, b => Assert.NotNull(b.CreatedAt));
    }

    [Fact]
    public async Task A_device_history_lists_its_archived_reports_newest_first_with_their_bundle()
    {
        ArchiveBefore(new DateOnly(2026, 2, 1));
        await _index.IndexAsync();

        var history = Archive.DeviceHistory("edge-01", 2);

        Assert.Equal(3, history.Count);
        Assert.Equal(["2026-01-03", "2026-01-02"], history.Newest.Select(r => r.Day));
        Assert.Equal("compliance/2026-01-02/edge-01.json", history.Newest[1].Path);
        Assert.Equal("divergent", history.Newest[1].Status);
        Assert.Equal("compliance-2026-01-02", history.Newest[1].Bundle.Id);
        Assert.Equal(0, Archive.DeviceHistory("no-such-device", 10).Count);
    }

    [Fact]
    public async Task A_report_still_in_place_after_an_interrupted_run_is_counted_once_as_live()
    {
        var original = File.ReadAllBytes(Path.Join(Root, "compliance/2026-01-01/edge-01.json"));
        ArchiveBefore(new DateOnly(2026, 2, 1));
        // What a run killed between the bundle's rename and the removals leaves behind: the original beside its bundle.
        File.WriteAllBytes(Path.Join(Root, "compliance/2026-01-01/edge-01.json"), original);
        await _index.IndexAsync();

        var snapshot = Archive.Current();

        Assert.Equal(5, snapshot.ReportCount);
        Assert.Equal(1, snapshot.ReportsPerDay["2026-01-01"].Values.Sum());
        Assert.Equal(1, snapshot.Bundles.Single(b => b.Name.Period == "2026-01-01").InPlaceCount);
        Assert.Equal(new ArchivedRecords(Root).Current().ReportCount, snapshot.ReportCount);
        Assert.Equal(2, Archive.DeviceHistory("edge-01", 10).Count);
    }

    [Fact]
    public async Task A_damaged_bundle_is_unreadable_and_its_reports_are_no_longer_counted()
    {
        ArchiveBefore(new DateOnly(2026, 2, 1));
        await _index.IndexAsync();
        Assert.Equal(3, Archive.DeviceHistory("edge-01", 10).Count);

        // Only the sidecar changes: the bundle itself keeps its length and time.
        File.WriteAllText(Path.Join(Root, "archive/compliance/2026-01-03.zip.sha256"), new string('0', 64));
        await _index.IndexAsync();

        var snapshot = Archive.Current();
        var damaged = snapshot.Bundles.Single(b => b.Name.Period == "2026-01-03");
        Assert.False(damaged.IsReadable);
        Assert.Contains("sha256", damaged.Problem, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, snapshot.UnreadableCount);
        Assert.Equal(4, snapshot.ReportCount);
        Assert.Equal(2, Archive.DeviceHistory("edge-01", 10).Count);
    }

    [Fact]
    public async Task A_bundle_restored_and_removed_takes_its_history_with_it()
    {
        ArchiveBefore(new DateOnly(2026, 2, 1));
        await _index.IndexAsync();

        File.Delete(Path.Join(Root, "archive/compliance/2026-01-01.zip"));
        File.Delete(Path.Join(Root, "archive/compliance/2026-01-01.zip.sha256"));
        await _index.IndexAsync();

        Assert.Equal(4, Archive.Current().ReportCount);
        Assert.DoesNotContain(Archive.DeviceHistory("core-02", 10).Newest, r => r.Day == "2026-01-01");
        using var db = _index.Db();
        Assert.DoesNotContain(db.ArchivedReports, r => r.Day == "2026-01-01");
        Assert.DoesNotContain(db.ArchivedReportCounts, c => c.Day == "2026-01-01");
    }

    public void Dispose() => _index.Dispose();

    private void ArchiveBefore(DateOnly before)
    {
        var mover = new ArchiveMover(Root);
        mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(Root, before)));
    }
}
