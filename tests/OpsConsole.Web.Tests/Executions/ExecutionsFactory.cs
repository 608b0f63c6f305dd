using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Executions;

/// <summary>
/// The app over Fixtures/executions: the demo's Week 1 log and final validation report, the Cycle-002
/// real-write attempt log (errors, warnings, blocked) cited by the real-write-attempt gate, a report cut short
/// (unreadable), a log holding a secret, batches BATCH-2026-0101…0103 and 0107 and the engagement of 4WNET-MNS-KTG-RX.
/// </summary>
public class ExecutionsFactory : ConsoleFactory
{
    public const string AttemptLog = "cycle-002-real-write-attempt.log";
    public const string Week1Log = "week1-real-run.log";
    public const string Week1Report = "week1-final-validation.json";
    public const string BrokenReport = "cut-short-validation.json";
    public const string LeakyLog = "leaky-run.log";
    public const string Secret = "Zq9xLEAKEDsecretValue0042";

    public ExecutionsFactory() : base("executions")
    {
    }

    protected ExecutionsFactory(Action<string> prepare) : base("executions", prepare)
    {
    }
}

/// <summary>The same tree plus a generated 50 MB log (<see cref="Name"/>) with one error line far into it.</summary>
public sealed class LargeLogFactory : ExecutionsFactory
{
    public const string Name = "huge-run.log";
    public const int Lines = 500_000;
    public const int ErrorLine = 431_337;

    public LargeLogFactory() : base(Write)
    {
    }

    private static void Write(string root)
    {
        using var writer = new StreamWriter(Path.Combine(root, "executions", Name), false, new System.Text.UTF8Encoding(false), 1 << 20);
        var padding = new string('.', 45);
        for (var n = 1; n <= Lines; n++)
        {
            writer.Write(n == ErrorLine ? "2026-11-20T10:00:00Z ERROR [bulk] the device refused the change " : "2026-11-20T10:00:00Z INFO  [bulk] object synced ");
            writer.Write(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write(' ');
            writer.Write(padding);
            writer.Write('\n');
        }
    }
}
