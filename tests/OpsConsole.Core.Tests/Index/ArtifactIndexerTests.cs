using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Index;

public sealed partial class ArtifactIndexerTests : IDisposable
{
    private const string ReportPath = "compliance/2026-05-01/dev-1.json";
    private const string ApprovalPath = "approvals/pending/approval-APR-2026-0110.json";
    private const string GatePath = "operations/cycle-002/start-gate.json";
    private const string Secret = "abcd1234efgh5678";

    private readonly IndexFixture _index = new();

    private TempRoot Temp => _index.Temp;

    private void WriteTree()
    {
        Temp.Write("devices.json", SampleDocuments.Inventory);
        Temp.Write(ReportPath, SampleDocuments.ComplianceReport);
        Temp.Write(ApprovalPath, SampleDocuments.Approval);
        Temp.Write("batches/plans/B-1.json", SampleDocuments.BatchPlan);
        Temp.Write("incidents/INC-1.json", SampleDocuments.Incident);
        Temp.Write("operations/cycle-002/cycle.json", SampleDocuments.Cycle);
        Temp.Write(GatePath, SampleDocuments.Gate);
        Temp.Write("handoff/x.md", "# Handoff\n");
    }

    private List<ArtifactRecord> Artifacts()
    {
        using var db = _index.Db();
        return db.Artifacts.AsNoTracking().OrderBy(a => a.Path).ToList();
    }

    private ArtifactRecord Artifact(string path) => Assert.Single(Artifacts(), a => a.Path == path);

    private List<FindingRecord> Findings()
    {
        using var db = _index.Db();
        return db.Findings.AsNoTracking().OrderBy(f => f.Path).ToList();
    }

    [Fact]
    public async Task FirstPassCataloguesEveryFileWithKindSizeAndHash()
    {
        WriteTree();

        var pass = await _index.Indexer.FullPassAsync();

        Assert.Equal(8, pass.Seen);
        Assert.Equal(8, pass.Added);
        Assert.Equal(0, pass.Unreadable);
        var report = Artifact(ReportPath);
        var bytes = File.ReadAllBytes(Temp.PathOf(ReportPath));
        Assert.Equal(nameof(ArtifactKind.ComplianceReport), report.Kind);
        Assert.Equal(bytes.Length, report.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), report.Sha256);
        Assert.True(report.Readable);
        Assert.Null(report.Problem);
        Assert.Equal(nameof(ArtifactKind.HandoffDocument), Artifact("handoff/x.md").Kind);
    }

    [Fact]
    public async Task FirstPassRecordsTheFacetsListsFilterOn()
    {
        WriteTree();

        await _index.Indexer.FullPassAsync();

        var report = Artifact(ReportPath);
        Assert.Equal("dev-1", report.Device);
        Assert.Equal(101, report.DeviceId);
        Assert.Equal("compliant", report.Status);
        Assert.Equal("2026-05-01", report.Day);
        Assert.Equal("RPT-1", report.Key);
        var approval = Artifact(ApprovalPath);
        Assert.Equal("pending", approval.Status);
        Assert.Equal("APR-2026-0110", approval.Key);
        var gate = Artifact(GatePath);
        Assert.Equal("cycle-002", gate.GroupKey);
        Assert.Equal("passed", gate.Status);
        Assert.Equal("cycle-002", Artifact("operations/cycle-002/cycle.json").GroupKey);
    }

    [Fact]
    public async Task SecondPassWithoutChangesUpdatesNothing()
    {
        WriteTree();
        await _index.Indexer.FullPassAsync();

        var pass = await _index.Indexer.FullPassAsync();

        Assert.Equal(8, pass.Seen);
        Assert.Equal(0, pass.Added);
        Assert.Equal(0, pass.Updated);
        Assert.Equal(0, pass.Removed);
        Assert.False(pass.Changed);
    }

    [Fact]
    public async Task ChangingOneFileUpdatesExactlyThatFile()
    {
        WriteTree();
        await _index.Indexer.FullPassAsync();

        _index.Rewrite(ReportPath, SampleDocuments.ComplianceReport.Replace("\"compliant\"", "\"error\"", StringComparison.Ordinal));
        var pass = await _index.Indexer.FullPassAsync();

        Assert.Equal(1, pass.Updated);
        Assert.Equal(0, pass.Added);
        Assert.Equal("error", Artifact(ReportPath).Status);
        Assert.Equal(8, Artifacts().Count);
    }

    [Fact]
    public async Task DeletedFileIsRemovedWithItsFindings()
    {
        Temp.Write("handoff/leak.md", $"NETBOX_WRITE_TOKEN={Secret}\n");
        WriteTree();
        await _index.Indexer.FullPassAsync();
        Assert.Single(Findings(), f => f.Path == "handoff/leak.md");

        File.Delete(Temp.PathOf("handoff/leak.md"));
        var pass = await _index.Indexer.FullPassAsync();

        Assert.Equal(1, pass.Removed);
        Assert.DoesNotContain(Artifacts(), a => a.Path == "handoff/leak.md");
        Assert.DoesNotContain(Findings(), f => f.Path == "handoff/leak.md");
    }

    [Fact]
    public async Task RefreshOfANewPathAddsIt()
    {
        WriteTree();
        await _index.Indexer.FullPassAsync();

        Temp.Write("incidents/INC-2.json", SampleDocuments.Incident.Replace("INC-1", "INC-2", StringComparison.Ordinal));
        var pass = await _index.Indexer.RefreshAsync(["incidents/INC-2.json"]);

        Assert.Equal(1, pass.Added);
        Assert.Equal("INC-2", Artifact("incidents/INC-2.json").Key);
    }

    [Fact]
    public async Task RefreshOfADeletedPathRemovesIt()
    {
        WriteTree();
        await _index.Indexer.FullPassAsync();

        File.Delete(Temp.PathOf("incidents/INC-1.json"));
        var pass = await _index.Indexer.RefreshAsync(["incidents/INC-1.json"]);

        Assert.Equal(1, pass.Removed);
        Assert.DoesNotContain(Artifacts(), a => a.Path == "incidents/INC-1.json");
    }

    [Fact]
    public async Task UnreadableFileIsCataloguedWithItsProblem()
    {
        Temp.Write(ReportPath, "{ \"schema\": \"opsconsole/compliance-report@2\" }");
        Temp.Write("incidents/INC-1.json", "");

        var pass = await _index.Indexer.FullPassAsync();

        Assert.Equal(2, pass.Unreadable);
        var report = Artifact(ReportPath);
        Assert.False(report.Readable);
        Assert.StartsWith("unsupported version", report.Problem, StringComparison.Ordinal);
        Assert.Equal("dev-1", report.Device);
        Assert.Equal("2026-05-01", report.Day);
        Assert.Contains("empty", Artifact("incidents/INC-1.json").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretCreatesAConditionOneFindingThatNeverHoldsTheSecret()
    {
        Temp.Write("executions/apply.log", $"starting\nexport NETBOX_WRITE_TOKEN=\"{Secret}\"\ndone\n");

        await _index.Indexer.FullPassAsync();

        var finding = Assert.Single(Findings());
        Assert.Equal(1, finding.Condition);
        Assert.Equal("executions/apply.log", finding.Path);
        Assert.Contains("line 2", finding.Detail, StringComparison.Ordinal);
        Assert.Contains(Secret[..4] + "•", finding.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, finding.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..5], finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContradictoryReportCreatesAConditionTwoFinding()
    {
        Temp.Write(ReportPath, SampleDocuments.ComplianceReport.Replace("\"passed\": 3", "\"passed\": 1", StringComparison.Ordinal));

        await _index.Indexer.FullPassAsync();

        var finding = Assert.Single(Findings());
        Assert.Equal(2, finding.Condition);
        Assert.Equal(ReportPath, finding.Path);
        Assert.Equal("dev-1", finding.Device);
        Assert.Contains("does not add up", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixingAContradictionClearsItsFinding()
    {
        Temp.Write(ReportPath, SampleDocuments.ComplianceReport.Replace("\"passed\": 3", "\"passed\": 1", StringComparison.Ordinal));
        await _index.Indexer.FullPassAsync();

        _index.Rewrite(ReportPath, SampleDocuments.ComplianceReport);
        await _index.Indexer.FullPassAsync();

        Assert.Empty(Findings());
    }

    [Fact]
    public async Task InventoryFillsTheDevicesTable()
    {
        Temp.Write("devices.json", SampleDocuments.Inventory);

        await _index.Indexer.FullPassAsync();

        using var db = _index.Db();
        var devices = db.Devices.AsNoTracking().OrderBy(d => d.Name).ToList();
        Assert.Equal(["dev-1", "dev-2"], devices.Select(d => d.Name));
        Assert.Equal([101L, 102L], devices.Select(d => d.NetboxId));
        Assert.Equal("site-b", devices[1].Site);
        Assert.Equal("ops", devices[1].Tenant);
    }

    [Fact]
    public async Task FilesUnderDotFoldersAndDotFilesAreNotIndexed()
    {
        Temp.Write(".git/config", "[core]");
        Temp.Write(".cache/compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport);
        Temp.Write("handoff/.draft.md", $"NETBOX_WRITE_TOKEN={Secret}");
        Temp.Write("handoff/x.md", "# x");

        var pass = await _index.Indexer.FullPassAsync();
        await _index.Indexer.RefreshAsync([".git/config", "handoff/.draft.md"]);

        Assert.Equal(1, pass.Seen);
        Assert.Equal(["handoff/x.md"], Artifacts().Select(a => a.Path));
        Assert.Empty(Findings());
    }

    [Fact]
    public async Task RestartedIndexerOverTheSameDatabaseRereadsNothingUnchanged()
    {
        WriteTree();
        await _index.Indexer.FullPassAsync();

        var restarted = _index.NewIndexer();
        restarted.EnsureDatabase();
        var pass = await restarted.FullPassAsync();

        Assert.Equal(8, pass.Seen);
        Assert.Equal(0, pass.Added);
        Assert.Equal(0, pass.Updated);
        Assert.Equal(0, pass.Removed);
    }

    public void Dispose() => _index.Dispose();
}
