using System.CommandLine;
using OpsConsole.Core.Compliance;
using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Storage;

namespace OpsConsole.Cli.Commands;

/// <summary>
/// <c>opsconsole compliance review DATE --actor NAME [--note TEXT] [--force]</c>: writes the reviewed mark of a
/// run (<c>compliance/&lt;DATE&gt;.review.json</c>) with what the run held, audits the attempt either way, and
/// refreshes the index so the dashboard and the shift digest show it.
/// </summary>
internal static class ComplianceReviewCommand
{
    public static Command Create()
    {
        var date = new Argument<string>("DATE") { Description = "The run's day, yyyy-MM-dd (its folder compliance/DATE/)." };
        var actor = new Option<string>("--actor") { Description = "Who reviewed the run (recorded in the mark and the audit trail).", Required = true };
        var note = new Option<string?>("--note") { Description = "An optional note (refused when it looks like a secret)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing mark of that day (the earlier review stays in the audit trail)." };
        var command = new Command("review", "Mark the compliance run of DATE reviewed. Refused for a day without a run, a note that looks like a secret, or a day already reviewed (unless --force).")
        {
            date, actor, note, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            using var services = CliContext.Open(parse);
            var day = parse.GetRequiredValue(date).Trim();
            var who = parse.GetRequiredValue(actor);
            var auditActor = string.IsNullOrWhiteSpace(who) ? "(none)" : who.Trim();

            // The counts a review records come from an index brought up to date first (a full pass re-reads only what changed).
            await services.Indexer.FullPassAsync(ct);
            RunSnapshot run;
            using (var db = services.CreateDb())
            {
                run = await RunReviewReads.SnapshotAsync(db, day);
            }

            ReviewOutcome outcome;
            try
            {
                outcome = new ComplianceReviewWriter(services.Store)
                    .Write(new ReviewRequest(day, who, parse.GetValue(note), parse.GetValue(force), DateTimeOffset.UtcNow), run);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                services.Audit.Record(AuditType, auditActor, day, CliContext.Source, "failed", $"{ex.GetType().Name}; os user {CliContext.Actor}");
                throw;
            }

            if (!outcome.IsWritten)
            {
                services.Audit.Record(AuditType, auditActor, day, CliContext.Source, "refused",
                    $"{string.Join("; ", outcome.Refusals)}; os user {CliContext.Actor}");
                await error.WriteLineAsync($"refused: compliance review {day}");
                foreach (var refusal in outcome.Refusals)
                {
                    await error.WriteLineAsync($"  {refusal}");
                }

                return CliRunner.Failure;
            }

            var mark = outcome.Mark!;
            // The note is checked for secrets before it is written; redacting it again here keeps this line safe whatever the scanner misses.
            var noteText = mark.Note is { } n ? $"; note: {SecretRedactor.Redact(n)}" : "";
            var replaced = outcome.Replaced is { } r ? $"; replaced the review by {r}" : "";
            services.Audit.Record(AuditType, mark.ReviewedBy, day, CliContext.Source, "ok",
                $"{outcome.Path}; reports {mark.Reports}, divergent {mark.Divergent}, unreadable {mark.Unreadable}{replaced}{noteText}; os user {CliContext.Actor}");
            await services.Indexer.RefreshAsync([outcome.Path], ct);
            await output.WriteLineAsync($"{day}: reviewed by {mark.ReviewedBy} at {ComplianceReviewWriter.Stamp(mark.ReviewedAt)} "
                + $"({mark.Reports} reports, {mark.Divergent} divergent, {mark.Unreadable} unreadable) ({outcome.Path}){replaced}{noteText}");
            return 0;
        });
        return command;
    }

    /// <summary>The audit event type of a review attempt.</summary>
    public const string AuditType = "compliance.review";
}
