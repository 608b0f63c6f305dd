using System.CommandLine;
using System.Globalization;
using OpsConsole.Core.Audit;

namespace OpsConsole.Cli.Commands;

/// <summary>
/// <c>opsconsole audit verify|list</c>: checks the audit trail's hash chain (exit 0 intact, 1 broken,
/// 2 error) and lists recent events. Both only read the store.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Read the audit trail: verify its hash chain, list events.");
        command.Add(Verify());
        command.Add(List());
        return command;
    }

    private static Command Verify()
    {
        var verify = new Command("verify", "Check every event's hash and link (exit 0 intact, 1 broken, 2 error); names the first broken event.");
        verify.SetAction(parse =>
        {
            var store = ExistingStore(parse);
            var result = store.Verify();
            parse.InvocationConfiguration.Output.WriteLine(result.Describe());
            return result.Intact ? 0 : CliRunner.Failure;
        });
        return verify;
    }

    private static Command List()
    {
        var limit = new Option<int>("--limit") { Description = "How many of the newest events to print.", DefaultValueFactory = _ => 50 };
        var type = new Option<string?>("--type") { Description = "Only events of this type (e.g. approval.approve, download)." };
        var list = new Command("list", "Print the newest events, newest first: id, time (UTC), type, actor, target, source, outcome, detail.")
        {
            limit,
            type,
        };
        list.SetAction(parse =>
        {
            var store = ExistingStore(parse);
            var page = store.Find(new AuditQuery(parse.GetValue(type), null, null, null, 0, Math.Max(1, parse.GetValue(limit))));
            var output = parse.InvocationConfiguration.Output;
            foreach (var e in page.Items)
            {
                var at = new DateTimeOffset(e.AtTicks, TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                output.WriteLine($"{e.Id}\t{at}\t{e.Type}\t{e.Actor}\t{e.Target ?? "-"}\t{e.Source}\t{e.Outcome}\t{e.Detail ?? ""}");
            }

            output.WriteLine($"{page.Items.Count} of {page.Total} events");
            return 0;
        });
        return list;
    }

    /// <summary>
    /// The configured store: the shared PostgreSQL trail, or the SQLite file at the configured path (a missing
    /// file is an error, never "intact, 0 events").
    /// </summary>
    private static IAuditStore ExistingStore(ParseResult parse)
    {
        var database = CliContext.ResolveDatabaseOptions(parse);
        if (database.IsPostgres)
        {
            return new PostgresAuditStore(database.ConnectionString!);
        }

        var path = CliContext.ResolveAuditPath(parse);
        return File.Exists(path)
            ? new SqliteAuditStore(path)
            : throw new FileNotFoundException($"no audit store at {path} (set --audit-db or OpsConsole__AuditPath)");
    }
}
