using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Tests.Index;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Review;

/// <summary>The index learns the reviewed mark (<c>compliance/&lt;date&gt;.review.json</c>): readable, unreadable, journaled.</summary>
public sealed class ReviewMarkIndexTests : IDisposable
{
    private const string Mark = """
        { "schema": "opsconsole/compliance-review@1", "date": "2026-05-01", "reviewed_by": "ana.souza",
          "reviewed_at": "2026-05-01T13:30:00Z", "note": "ok", "reports": 1, "divergent": 0, "unreadable": 0 }
        """;

    private readonly IndexFixture _index = new();

    [Theory]
    [InlineData("compliance/2026-05-01.review.json", ArtifactKind.ComplianceReview)]
    [InlineData("compliance/2026-13-01.review.json", ArtifactKind.Other)]
    [InlineData("compliance/notes.review.json", ArtifactKind.Other)]
    [InlineData("compliance/2026-05-01/dev-1.json", ArtifactKind.ComplianceReport)]
    public void A_mark_is_classified_by_its_place_beside_the_day_folder(string path, ArtifactKind kind) =>
        Assert.Equal(kind, ArtifactKinds.Classify(path));

    [Fact]
    public async Task A_readable_mark_is_the_run_reviewed_by_whom_and_when()
    {
        _index.Temp.Write("compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport);
        _index.Temp.Write("compliance/2026-05-01.review.json", Mark);

        await _index.Indexer.FullPassAsync();

        await using var db = _index.Db();
        var review = await RunReviewReads.ForDayAsync(db, "2026-05-01");
        Assert.Equal(new RunReview("2026-05-01", ComplianceReviewStates.Reviewed, "ana.souza", new DateTimeOffset(2026, 5, 1, 13, 30, 0, TimeSpan.Zero), null), review);
    }

    [Fact]
    public async Task A_run_without_a_mark_is_not_reviewed()
    {
        _index.Temp.Write("compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport);

        await _index.Indexer.FullPassAsync();

        await using var db = _index.Db();
        Assert.Equal(ComplianceReviewStates.NotReviewed, (await RunReviewReads.ForDayAsync(db, "2026-05-01")).State);
    }

    [Theory]
    [InlineData("{ \"schema\": \"opsconsole/compliance-review@1\", \"date\": ", "not valid JSON")]
    [InlineData("{ \"schema\": \"opsconsole/compliance-review@1\", \"date\": \"2026-05-01\", \"reviewed_at\": \"2026-05-01T13:30:00Z\" }", "reviewed_by is required")]
    [InlineData("{ \"schema\": \"opsconsole/compliance-review@2\", \"date\": \"2026-05-01\" }", "unsupported version")]
    public async Task A_malformed_mark_is_unreadable_with_its_reason_and_the_review_unknown(string content, string reason)
    {
        _index.Temp.Write("compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport);
        _index.Temp.Write("compliance/2026-05-01.review.json", content);

        await _index.Indexer.FullPassAsync();

        await using var db = _index.Db();
        var row = await db.Artifacts.AsNoTracking().SingleAsync(a => a.Path == "compliance/2026-05-01.review.json");
        Assert.Equal((nameof(ArtifactKind.ComplianceReview), false), (row.Kind, row.Readable));
        Assert.Contains(reason, row.Problem);
        var review = await RunReviewReads.ForDayAsync(db, "2026-05-01");
        Assert.Equal(ComplianceReviewStates.Unknown, review.State);
        Assert.Contains(reason, review.Problem);
    }

    [Fact]
    public async Task A_mark_stating_another_day_than_its_file_name_makes_the_review_unknown()
    {
        _index.Temp.Write("compliance/2026-05-02/dev-1.json", SampleDocuments.ComplianceReport);
        _index.Temp.Write("compliance/2026-05-02.review.json", Mark);

        await _index.Indexer.FullPassAsync();

        await using var db = _index.Db();
        var review = await RunReviewReads.ForDayAsync(db, "2026-05-02");
        Assert.Equal(ComplianceReviewStates.Unknown, review.State);
        Assert.Contains("states the date 2026-05-01, not 2026-05-02", review.Problem);
    }

    [Fact]
    public async Task A_new_mark_is_journaled_with_its_reviewer()
    {
        _index.Temp.Write("compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport);
        await _index.Indexer.FullPassAsync();
        _index.Temp.Write("compliance/2026-05-01.review.json", Mark);

        await _index.Indexer.FullPassAsync();

        await using var db = _index.Db();
        var row = await db.ChangeJournal.AsNoTracking().OrderBy(j => j.Id).LastAsync();
        Assert.Equal((ChangeKinds.Added, nameof(ArtifactKind.ComplianceReview), "2026-05-01", "reviewed", "ana.souza"),
            (row.Change, row.Kind, row.Key, row.StatusAfter, row.Actor));
    }

    public void Dispose() => _index.Dispose();
}
