using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Index;

/// <summary>
/// The change journal: the first full pass is its baseline (no flood of "added"); after it every added,
/// changed and removed file is one row with the status before and after, dated by the pass.
/// </summary>
public sealed class ChangeJournalTests : IDisposable
{
    private static readonly DateTimeOffset PassTime = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private readonly IndexFixture _index = new();

    public ChangeJournalTests() => _index.Indexer.Clock = new FixedClock(PassTime);

    private TempRoot Temp => _index.Temp;

    private List<ChangeJournalRecord> Journal()
    {
        using var db = _index.Db();
        return db.ChangeJournal.AsNoTracking().OrderBy(j => j.Id).ToList();
    }

    private async Task BaselineAsync()
    {
        Temp.Write("devices.json", SampleDocuments.Inventory);
        Temp.Write("compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport);
        Temp.Write("approvals/pending/approval-APR-2026-0110.json", SampleDocuments.Approval);
        Temp.Write("incidents/INC-1.json", SampleDocuments.Incident);
        Temp.Write("operations/cycle-002/start-gate.json", SampleDocuments.Gate);
        await _index.Indexer.FullPassAsync();
    }

    [Fact]
    public async Task TheFirstFullPassIsRecordedAsTheBaselineNotAsAddedFiles()
    {
        await BaselineAsync();

        var row = Assert.Single(Journal());
        Assert.Equal((ChangeKinds.Baseline, PassTime.UtcTicks), (row.Change, row.AtTicks));
    }

    [Fact]
    public async Task ARemovalOfMoreFilesThanOneChunkRecordsEachFileOnceWithItsStatusBefore()
    {
        await BaselineAsync();
        var paths = Enumerable.Range(0, 1_234).Select(n => $"compliance/2026-05-02/dev-{n}.json").ToList();
        foreach (var path in paths)
        {
            Temp.Write(path, SampleDocuments.ComplianceReport);
        }

        await _index.Indexer.FullPassAsync();
        Directory.Delete(Temp.PathOf("compliance/2026-05-02"), recursive: true);
        await _index.Indexer.FullPassAsync();

        var removed = Journal().Where(r => r.Change == ChangeKinds.Removed).ToList();
        Assert.Equal(paths.Order(StringComparer.Ordinal), removed.Select(r => r.Path!).Order(StringComparer.Ordinal));
        Assert.All(removed, r => Assert.NotNull(r.StatusBefore));
    }

    [Fact]
    public async Task AnUnchangedSecondPassRecordsNothing()
    {
        await BaselineAsync();
        await _index.Indexer.FullPassAsync();

        Assert.Single(Journal());
    }

    [Fact]
    public async Task AnAddedIncidentIsRecordedWithItsStatusAfterAndTitle()
    {
        await BaselineAsync();
        Temp.Write("incidents/INC-2.json", SampleDocuments.With(SampleDocuments.Incident, d =>
        {
            d["incident_id"] = "INC-2";
            d["status"] = "open";
            d["severity"] = "critical";
        }));

        await _index.Indexer.FullPassAsync();

        var row = Journal()[^1];
        Assert.Equal((ChangeKinds.Added, "Incident", "INC-2", null, "open", "critical", "link down", PassTime.UtcTicks),
            (row.Change, row.Kind, row.Key, row.StatusBefore, row.StatusAfter, row.Category, row.Title, row.AtTicks));
    }

    [Fact]
    public async Task AnApprovalMovedToAnotherStateRecordsBeforeAfterAndWhoMovedIt()
    {
        await BaselineAsync();
        File.Delete(Temp.PathOf("approvals/pending/approval-APR-2026-0110.json"));
        Temp.Write("approvals/approved/approval-APR-2026-0110.json", SampleDocuments.With(SampleDocuments.Approval, d =>
        {
            d["state"] = "approved";
            d["history"]!.AsArray().Add(new JsonObject { ["at"] = "2026-05-02T06:00:00Z", ["from"] = "pending", ["to"] = "approved", ["actor"] = "carlos", ["reason"] = "ok" });
        }));

        await _index.Indexer.FullPassAsync();

        var rows = Journal().Skip(1).ToList();
        var added = Assert.Single(rows, r => r.Change == ChangeKinds.Added);
        Assert.Equal(("APR-2026-0110", "pending", "approved", "carlos"), (added.Key, added.StatusBefore, added.StatusAfter, added.Actor));
        var removed = Assert.Single(rows, r => r.Change == ChangeKinds.Removed);
        Assert.Equal(("approvals/pending/approval-APR-2026-0110.json", "pending", null), (removed.Path, removed.StatusBefore, removed.StatusAfter));
    }

    [Fact]
    public async Task AGateWhoseStatusChangedRecordsBeforeAndAfter()
    {
        await BaselineAsync();
        _index.Rewrite("operations/cycle-002/start-gate.json", SampleDocuments.With(SampleDocuments.Gate, d => d["status"] = "blocked"));

        await _index.Indexer.RefreshAsync(["operations/cycle-002/start-gate.json"]);

        var row = Journal()[^1];
        Assert.Equal((ChangeKinds.Changed, "Gate", "start-gate", "cycle-002", "passed", "blocked"),
            (row.Change, row.Kind, row.Key, row.GroupKey, row.StatusBefore, row.StatusAfter));
    }

    [Fact]
    public async Task AFileThatBecameUnreadableRecordsUnreadableWithTheReason()
    {
        await BaselineAsync();
        _index.Rewrite("incidents/INC-1.json", "{ not json");

        await _index.Indexer.FullPassAsync();

        var row = Journal()[^1];
        Assert.Equal((ChangeKinds.Changed, "resolved", "unreadable"), (row.Change, row.StatusBefore, row.StatusAfter));
        Assert.False(string.IsNullOrEmpty(row.Problem));
    }

    [Fact]
    public async Task ANewDaysReportIsComparedWithTheDevicesPreviousReport()
    {
        await BaselineAsync();
        Temp.Write("compliance/2026-05-02/dev-1.json", SampleDocuments.With(SampleDocuments.ComplianceReport, d =>
        {
            d["report_id"] = "RPT-2";
            d["generated_at"] = "2026-05-02T06:00:00Z";
            d["status"] = "divergent";
            d["divergences"] = new JsonArray(new JsonObject { ["field"] = "tenant", ["expected"] = "a", ["actual"] = "b", ["severity"] = "high" });
            d["summary"] = new JsonObject { ["checks"] = 3, ["passed"] = 2, ["failed"] = 1 };
        }));

        await _index.Indexer.FullPassAsync();

        var row = Journal()[^1];
        Assert.Equal((ChangeKinds.Added, "dev-1", "compliant", "divergent", 0, 1),
            (row.Change, row.Device, row.StatusBefore, row.StatusAfter, row.CountBefore, row.CountAfter));
    }

    private static string Divergent(string reportId, string day, params string[] fields) => SampleDocuments.With(SampleDocuments.ComplianceReport, d =>
    {
        d["report_id"] = reportId;
        d["generated_at"] = day + "T06:00:00Z";
        d["status"] = "divergent";
        d["divergences"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["field"] = f, ["expected"] = "a", ["actual"] = "b", ["severity"] = "high" })]);
        d["summary"] = new JsonObject { ["checks"] = 3, ["passed"] = 3 - fields.Length, ["failed"] = fields.Length };
    });

    [Fact]
    public async Task ANewDaysReportRecordsWhichFieldsDivergeNewly()
    {
        await BaselineAsync();
        Temp.Write("compliance/2026-05-02/dev-1.json", Divergent("RPT-2", "2026-05-02", "tenant", "role"));

        await _index.Indexer.FullPassAsync();

        var row = Journal()[^1];
        Assert.Equal(("compliant", "divergent", "role\ntenant"), (row.StatusBefore, row.StatusAfter, row.NewDivergentFields));
    }

    [Fact]
    public async Task ANewDaysReportWithTheSameCountOnAnotherFieldIsJournaledWithOnlyTheNewField()
    {
        await BaselineAsync();
        Temp.Write("compliance/2026-05-02/dev-1.json", Divergent("RPT-2", "2026-05-02", "tenant"));
        await _index.Indexer.FullPassAsync();
        Temp.Write("compliance/2026-05-03/dev-1.json", Divergent("RPT-3", "2026-05-03", "role"));

        await _index.Indexer.FullPassAsync();

        var row = Journal()[^1];
        Assert.Equal(("compliance/2026-05-03/dev-1.json", "divergent", "divergent", 1, 1, "role"),
            (row.Path, row.StatusBefore, row.StatusAfter, row.CountBefore, row.CountAfter, row.NewDivergentFields));
    }

    [Fact]
    public async Task AReportReadAgainOnlyToFillInItsFieldsIsNoChange()
    {
        await BaselineAsync();
        Temp.Write("compliance/2026-05-02/dev-1.json", Divergent("RPT-2", "2026-05-02", "tenant"));
        await _index.Indexer.FullPassAsync();
        var rows = Journal().Count;
        using (var db = _index.Db())
        {
            // As the migration that added the column leaves a row: no fields yet, and marked to be read again.
            db.Artifacts.Where(a => a.Kind == "ComplianceReport")
                .ExecuteUpdate(s => s.SetProperty(a => a.DivergentFields, (string?)null).SetProperty(a => a.MtimeTicks, 0L));
        }

        await _index.Indexer.FullPassAsync();

        Assert.Equal(rows, Journal().Count);
        using var check = _index.Db();
        Assert.Equal("tenant", check.Artifacts.Single(a => a.Path == "compliance/2026-05-02/dev-1.json").DivergentFields);
    }

    [Fact]
    public async Task ANewDaysReportThatSaysWhatThePreviousSaidIsNotJournaled()
    {
        await BaselineAsync();
        Temp.Write("compliance/2026-05-02/dev-1.json", SampleDocuments.With(SampleDocuments.ComplianceReport, d =>
        {
            d["report_id"] = "RPT-2";
            d["generated_at"] = "2026-05-02T06:00:00Z";
        }));

        await _index.Indexer.FullPassAsync();

        Assert.Single(Journal());
    }

    [Fact]
    public async Task ATouchedFileWithTheSameContentIsNoChange()
    {
        await BaselineAsync();
        _index.Rewrite("incidents/INC-1.json", SampleDocuments.Incident + " ");

        await _index.Indexer.FullPassAsync();

        Assert.Single(Journal());
    }

    [Fact]
    public async Task StopConditionsAreRecordedOnlyWhenTheirSetChanges()
    {
        await BaselineAsync();
        using var db = _index.Db();
        var clear = Evaluation(("4", StopStates.Clear));
        var raised = Evaluation(("4", StopStates.Triggered));

        Assert.True(StopConditionJournal.Record(db, clear, PassTime));
        Assert.False(StopConditionJournal.Record(db, clear, PassTime.AddHours(1)));
        Assert.True(StopConditionJournal.Record(db, raised, PassTime.AddHours(2)));

        var rows = Journal().Where(j => j.Change == ChangeKinds.StopConditions).ToList();
        Assert.Equal([(null, ""), ("", "4:triggered")], rows.Select(r => (r.StatusBefore, r.StatusAfter)));
    }

    private static StopEvaluation Evaluation((string Number, string State) condition) => new()
    {
        IndexVersion = 1,
        EvaluatedAt = PassTime,
        Conditions = [new StopConditionResult { Number = int.Parse(condition.Number, System.Globalization.CultureInfo.InvariantCulture), Title = "t", Action = "a", State = condition.State }],
    };

    public void Dispose() => _index.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
