using OpsConsole.Core.Operations;

namespace OpsConsole.Core.Tests.Operations;

public sealed class GateStatusesTests
{
    [Fact]
    public void Statuses_rank_passed_over_pending_over_blocked_over_failed_over_unknown_and_violation()
    {
        Assert.True(GateStatuses.Rank("passed") > GateStatuses.Rank("pending"));
        Assert.Equal(GateStatuses.Rank("pending"), GateStatuses.Rank("not-started"));
        Assert.True(GateStatuses.Rank("not-started") > GateStatuses.Rank("blocked"));
        Assert.True(GateStatuses.Rank("blocked") > GateStatuses.Rank("failed"));
        Assert.True(GateStatuses.Rank("failed") > GateStatuses.Rank("unknown"));
        Assert.Equal(GateStatuses.Rank("unknown"), GateStatuses.Rank("violation"));
        Assert.Equal(0, GateStatuses.Rank("approved-by-someone"));
    }

    [Theory]
    [InlineData(new[] { "passed", "passed" }, "passed")]
    [InlineData(new[] { "not-started", "not-started" }, "not-started")]
    [InlineData(new[] { "passed", "not-started" }, "pending")]
    [InlineData(new[] { "passed", "blocked", "pending" }, "blocked")]
    [InlineData(new[] { "failed", "blocked" }, "failed")]
    [InlineData(new[] { "unknown", "failed", "violation" }, "violation")]
    [InlineData(new[] { "unknown", "passed" }, "unknown")]
    [InlineData(new string[0], "unknown")]
    public void The_worst_of_a_set_of_statuses_is_what_the_set_shows(string[] statuses, string expected) =>
        Assert.Equal(expected, GateStatuses.Worst(statuses));
}
