using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Cli;
using OpsConsole.Core.Index;
using OpsConsole.Web.Tests.Handoff;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Metrics;

/// <summary>
/// Fixtures/metrics with its approvals replaced by decisions over two months (shift zone São Paulo, target 7 days):
/// <list type="bullet">
/// <item>October: APR-0101 approved after 2 d, APR-0102 rejected after 10 d, APR-0103 approved after 8 d at
/// 2026-11-01T02:00Z, which is still 31 October in São Paulo: 3 decided, median 8 d, 2 over target.</item>
/// <item>November: APR-0104 approved after 4 d then applied, APR-0105 expired, APR-0106 rejected after 6 d (while
/// stop condition 4 held, by the journal): 4 decided, median 5 d, none over target.</item>
/// <item>APR-0107 pending, requested by ana.souza (for a refused self-approval attempt).</item>
/// </list>
/// </summary>
public sealed class MonthlyReviewFactory : ConsoleFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly string _cliDatabase = Path.Combine(Path.GetTempPath(), "opsconsole-tests", Guid.NewGuid().ToString("N"), "cli.db");

    public MonthlyReviewFactory() : base("metrics", WriteApprovals)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OpsConsole:Shift:TimeZone", "America/Sao_Paulo");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FixedClock(Now));
        });
    }

    /// <summary>The stop-condition sets of the journal: all clear from September, condition 4 from 10 to 12 November.</summary>
    public void SeedStopConditionJournal()
    {
        using var db = Services.GetRequiredService<IDbContextFactory<IndexDbContext>>().CreateDbContext();
        db.ChangeJournal.AddRange(
            Stops(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), null, ""),
            Stops(new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero), "", "4:triggered"),
            Stops(new DateTimeOffset(2026, 11, 12, 0, 0, 0, TimeSpan.Zero), "4:triggered", ""));
        db.SaveChanges();
    }

    /// <summary>Runs the real CLI on this app's root and audit trail (its own index).</summary>
    public async Task<(int Exit, string Output, string Error)> RunCliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliRunner.RunAsync(CliApp.BuildRoot(), [.. args, "--root", Root, "--db", _cliDatabase, "--audit-db", AuditPath], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Path.GetDirectoryName(_cliDatabase)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ChangeJournalRecord Stops(DateTimeOffset at, string? before, string after) => new()
    {
        AtTicks = at.UtcTicks,
        Change = ChangeKinds.StopConditions,
        Kind = ChangeKinds.StopConditionsKind,
        StatusBefore = before,
        StatusAfter = after,
    };

    private static void WriteApprovals(string root)
    {
        Directory.Delete(Path.Combine(root, "approvals"), recursive: true);
        Write(root, "0101", "approved", "DEV-A", 101, ("2026-10-01T12:00:00Z", "pending", "ana.souza"), ("2026-10-03T12:00:00Z", "approved", "carlos.lima"));
        Write(root, "0102", "rejected", "DEV-B", 102, ("2026-10-01T12:00:00Z", "pending", "ana.souza"), ("2026-10-11T12:00:00Z", "rejected", "bruno.reis"));
        Write(root, "0103", "approved", "DEV-A", 101, ("2026-10-24T02:00:00Z", "pending", "ana.souza"), ("2026-11-01T02:00:00Z", "approved", "carlos.lima"));
        Write(root, "0104", "applied", "DEV-B", 102, ("2026-11-02T12:00:00Z", "pending", "ana.souza"), ("2026-11-06T12:00:00Z", "approved", "carlos.lima"),
            ("2026-11-08T12:00:00Z", "applied", "ana.souza"));
        Write(root, "0105", "expired", "DEV-A", 101, ("2026-11-03T12:00:00Z", "pending", "ana.souza"), ("2026-11-13T12:00:00Z", "expired", "opsconsole"));
        Write(root, "0106", "rejected", "DEV-C", 103, ("2026-11-05T12:00:00Z", "pending", "ana.souza"), ("2026-11-11T12:00:00Z", "rejected", "bruno.reis"));
        Write(root, "0107", "pending", "DEV-A", 101, ("2026-11-20T12:00:00Z", "pending", "ana.souza"));
    }

    private static void Write(string root, string number, string state, string device, long deviceId, params (string At, string To, string Actor)[] steps)
    {
        var first = DateTimeOffset.Parse(steps[0].At, System.Globalization.CultureInfo.InvariantCulture).AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var history = new List<string> { Entry(first, null, "proposed", "ana.souza") };
        var from = "proposed";
        foreach (var (at, to, actor) in steps)
        {
            history.Add(Entry(at, from, to, actor));
            from = to;
        }

        var json = $$"""
            {
              "schema": "opsconsole/approval@1",
              "approval_id": "APR-2026-{{number}}",
              "device": { "id": {{deviceId}}, "name": "{{device}}" },
              "batch_id": "BATCH-{{number}}",
              "state": "{{state}}",
              "requested_by": "ana.souza",
              "requested_at": "{{first}}",
              "expires_at": "{{(state == "expired" ? "2026-11-13T00:00:00Z" : "2099-01-01T00:00:00Z")}}",
              "risk": { "level": "low", "notes": "n" },
              "changes": [ { "object": "dcim.device {{deviceId}}", "action": "update", "summary": "set tenant" } ],
              "history": [ {{string.Join(", ", history)}} ]
            }
            """;
        var path = Path.Combine(root, "approvals", state, $"approval-APR-2026-{number}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }

    private static string Entry(string at, string? from, string to, string actor) =>
        $$"""{ "at": "{{at}}", "from": {{(from is null ? "null" : $"\"{from}\"")}}, "to": "{{to}}", "actor": "{{actor}}", "reason": "{{to}} {{at}}" }""";
}
