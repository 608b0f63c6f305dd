using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Devices;
using OpsConsole.Core.Read.Incidents;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Read;

/// <summary>The helpers every list and detail page shares: ids, status filters, newest report per device, detail loading, export cap.</summary>
public sealed class ReadHelperTests : IDisposable
{
    private readonly ReadIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("RPT-1", true)]
    [InlineData("APR-2026-0110", true)]
    [InlineData("run_1.a", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("../etc", false)]
    [InlineData("-leading-dash", false)]
    [InlineData("a/b", false)]
    public void An_id_is_accepted_only_in_its_safe_shape(string? id, bool valid) => Assert.Equal(valid, ArtifactIds.IsValid(id));

    [Fact]
    public void The_export_cap_is_the_same_for_every_list_and_larger_than_a_screen_page()
    {
        Assert.Equal(PageRequest.MaxSize, PageRequest.For(1, 50_000, export: false).Size);
        Assert.Equal(PageRequest.MaxExportSize, PageRequest.For(1, 50_000, export: true).Size);
        Assert.Equal(5_000, PageRequest.For(1, 5_000, export: true).Size);
    }

    [Fact]
    public async Task The_latest_report_of_a_device_is_its_newest_and_the_unreadable_filter_finds_broken_files()
    {
        await _index
            .Write("compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport)
            .Write("compliance/2026-05-02/dev-1.json", SampleDocuments.With(SampleDocuments.ComplianceReport, d =>
            {
                d["report_id"] = "RPT-2";
                d["generated_at"] = "2026-05-02T06:00:00Z";
                d["status"] = "error";
            }))
            .Write("compliance/2026-05-02/dev-2.json", "{ broken")
            .IndexAsync();
        var memo = new IndexVersionMemo(new IndexState());
        var reads = new ComplianceReportReads(_index.Factory, _index.Store, new LatestReports(_index.Factory, memo), memo);

        var latest = await reads.ListAsync(new ComplianceFilter(null, null, null, null, LatestOnly: true, Ascending: false), PageRequest.From(1, 20));
        var unreadable = await reads.ListAsync(new ComplianceFilter(null, null, null, ReadStatus.Unreadable, false, false), PageRequest.From(1, 20));
        var errorOnly = await reads.ListAsync(new ComplianceFilter(null, null, null, "error", false, false), PageRequest.From(1, 20));

        Assert.Equal(["RPT-2", null], latest.Items.OrderBy(r => r.Device).Select(r => r.ReportId));
        Assert.Equal("dev-2", Assert.Single(unreadable.Items).Device);
        Assert.Equal("RPT-2", Assert.Single(errorOnly.Items).ReportId);
    }

    [Fact]
    public async Task A_detail_carries_the_document_or_the_reason_it_cannot_be_read()
    {
        await _index.Write("incidents/INC-1.json", SampleDocuments.Incident).Write("incidents/INC-2.json", "{ broken").IndexAsync();
        var reads = new IncidentReads(_index.Factory, _index.Store);

        var readable = await reads.ByIdAsync("INC-1");
        var broken = await reads.ByIdAsync("INC-2");
        var malformed = await reads.ByIdAsync("../INC-1");

        Assert.Equal("link down", readable!.Document!.Title);
        Assert.Null(readable.Problem);
        Assert.Null(broken!.Document);
        Assert.NotNull(broken.Problem);
        Assert.Null(malformed);
    }

    [Fact]
    public async Task A_detail_whose_file_has_left_the_root_says_so()
    {
        await _index.Write("incidents/INC-1.json", SampleDocuments.Incident).IndexAsync();
        File.Delete(Path.Combine(_index.Store.Root, "incidents", "INC-1.json"));

        var detail = await new IncidentReads(_index.Factory, _index.Store).ByIdAsync("INC-1");

        Assert.Equal(DetailLoading.Gone, detail!.Problem);
    }

    [Fact]
    public async Task Open_incidents_are_listed_most_severe_first()
    {
        await _index
            .Write("incidents/INC-LOW.json", SampleDocuments.With(SampleDocuments.Incident, d => { d["incident_id"] = "INC-LOW"; d["status"] = "open"; }))
            .Write("incidents/INC-CRIT.json", SampleDocuments.With(SampleDocuments.Incident, d => { d["incident_id"] = "INC-CRIT"; d["status"] = "open"; d["severity"] = "critical"; }))
            .Write("incidents/INC-DONE.json", SampleDocuments.With(SampleDocuments.Incident, d => { d["incident_id"] = "INC-DONE"; d["severity"] = "critical"; }))
            .IndexAsync();

        var open = await new IncidentReads(_index.Factory, _index.Store).OpenAsync(null, 10);

        Assert.Equal(["INC-CRIT", "INC-LOW"], open.Select(i => i.IncidentId));
    }

    [Fact]
    public void A_device_without_a_report_has_the_status_none()
    {
        Assert.Equal(ReadStatus.None, DeviceRow.StatusOf(null));
        Assert.Equal([.. ArtifactVocabulary.ComplianceStatuses, ReadStatus.Unreadable, ReadStatus.None], DeviceReads.Statuses);
    }

    [Fact]
    public async Task The_newest_run_is_the_newest_readable_one()
    {
        await _index
            .Write("batches/results/B-1-r1.json", SampleDocuments.BatchResult)
            .Write("batches/results/B-1-r2.json", SampleDocuments.With(SampleDocuments.BatchResult, d => { d["run_id"] = "r2"; d["started_at"] = "2026-05-03T06:00:00Z"; }))
            .Write("batches/results/B-1-r3.json", "{ broken")
            .IndexAsync();
        await using var db = _index.Db();

        var newest = await db.NewestRunAsync();

        Assert.Equal("r2", newest!.Key);
    }
}
