using OpsConsole.Core.Executions;

namespace OpsConsole.Core.Tests.Executions;

public sealed class ExecutionOutcomesTests
{
    [Theory]
    [InlineData("passed", false, "passed")]
    [InlineData("passed", true, "failed")]
    [InlineData("failed", false, "failed")]
    [InlineData("blocked", false, "blocked")]
    [InlineData("green", false, "unknown")]
    [InlineData(null, false, "unknown")]
    public void Only_a_report_saying_passed_with_no_failed_check_is_passed(string? status, bool anyCheckFailed, string expected)
    {
        Assert.Equal(expected, ExecutionOutcomes.FromReport(status, anyCheckFailed));
    }

    [Theory]
    [InlineData(true, 2, "blocked")]
    [InlineData(false, 1, "failed")]
    [InlineData(false, 0, "unknown")]
    public void A_log_alone_is_never_passed(bool blockedLine, int errors, string expected)
    {
        Assert.Equal(expected, ExecutionOutcomes.FromLog(blockedLine, errors));
    }
}
