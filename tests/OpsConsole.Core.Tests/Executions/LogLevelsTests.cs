using OpsConsole.Core.Executions;

namespace OpsConsole.Core.Tests.Executions;

public sealed class LogLevelsTests
{
    [Theory]
    [InlineData("2026-11-21 09:41:03.185 -03:00 ERROR [preflight] NETBOX_WRITE_TOKEN not present", LogLevel.Error)]
    [InlineData("2026-11-21 09:41:05.259 -03:00 WARN  [BATCH-2026-0107] real run real-01 blocked", LogLevel.Warn)]
    [InlineData("[WARNING] disk almost full", LogLevel.Warn)]
    [InlineData("level=FATAL msg=boom", LogLevel.Error)]
    [InlineData("2026-11-10T10:00:00Z CRITICAL core dumped", LogLevel.Error)]
    [InlineData("2026-11-21 09:40:51.037 -03:00 INFO  [verify] ERROR count 0", LogLevel.None)]
    [InlineData("2026-11-10T10:00:00-03:00 start", LogLevel.None)]
    [InlineData("an error happened (lower case is prose)", LogLevel.None)]
    [InlineData("ERRORS are not the level word", LogLevel.None)]
    public void The_first_level_word_of_the_prefix_decides(string line, LogLevel expected)
    {
        Assert.Equal(expected, LogLevels.Of(line));
        Assert.Equal(expected, LogLevels.Of(System.Text.Encoding.UTF8.GetBytes(line)));
    }

    [Fact]
    public void A_level_word_far_into_the_message_does_not_mark_the_line()
    {
        Assert.Equal(LogLevel.None, LogLevels.Of(new string('x', 80) + " ERROR late"));
    }
}
