using System.Text.Json.Nodes;
using OpsConsole.Core.Read.Engagement;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Read.Engagement;

/// <summary>The engagement list: each packaged device with its team, due date, validation status and overdue flag.</summary>
public sealed class EngagementReadsTests : IDisposable
{
    private readonly ReadIndex _index = new();

    public void Dispose() => _index.Dispose();

    private async Task<EngagementReads> IndexedAsync(DateTimeOffset now)
    {
        await _index
            .Write("engagement/dev-1/package.json", SampleDocuments.EngagementPackage)
            .Write("engagement/dev-1/validation.json", SampleDocuments.EngagementValidation)
            .Write("engagement/dev-2/package.json", SampleDocuments.With(SampleDocuments.EngagementPackage, d =>
            {
                d["device"] = new JsonObject { ["id"] = 102, ["name"] = "dev-2" };
                d["team"] = "ops";
                d["due_at"] = "2026-05-20T00:00:00Z";
            }))
            .Write("executions/week1-dev-2.json", SampleDocuments.ExecutionReport)
            .Write("executions/week1-other.json", SampleDocuments.ExecutionReport)
            .Write("executions/week2-dev-2.json", SampleDocuments.ExecutionReport)
            .IndexAsync();
        return new EngagementReads(_index.Factory, new FixedClock(now));
    }

    [Fact]
    public async Task The_list_shows_each_packaged_device_with_its_validation_status_soonest_due_first()
    {
        var reads = await IndexedAsync(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero));

        var (rows, teams) = await reads.ListAsync(null, null);

        Assert.Equal(["net", "ops"], teams);
        Assert.Equal(
        [
            new EngagementListRow("dev-1", "net", new DateTimeOffset(2026, 5, 9, 0, 0, 0, TimeSpan.Zero), null, "passed", false, true, null),
            new EngagementListRow("dev-2", "ops", new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero), null, "not-started", false, false, null),
        ], rows);
    }

    [Theory]
    [InlineData("ops", null, "dev-2")]
    [InlineData(null, "passed", "dev-1")]
    [InlineData(null, "overdue", "dev-1")]
    [InlineData(null, "not-started", "dev-2")]
    public async Task The_team_and_status_filters_keep_the_matching_devices(string? team, string? status, string device)
    {
        var reads = await IndexedAsync(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero));

        var (rows, _) = await reads.ListAsync(team, status);

        Assert.Equal([device], rows.Select(r => r.Device));
    }

    [Fact]
    public async Task Week1_executions_of_a_device_are_those_naming_it_else_every_week1_file()
    {
        var reads = await IndexedAsync(DateTimeOffset.UnixEpoch);

        var named = await reads.Week1ExecutionsAsync("dev-2");
        var fallback = await reads.Week1ExecutionsAsync("dev-1");

        Assert.Equal(["executions/week1-dev-2.json"], named.Select(e => e.Path));
        Assert.Equal(["executions/week1-dev-2.json", "executions/week1-other.json"], fallback.Select(e => e.Path));
        Assert.All(fallback, e => Assert.False(e.IsLog));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
