using System.Globalization;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Engagement;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Compliance;

/// <summary>A request to mark the compliance run of <paramref name="Day"/> reviewed.</summary>
/// <param name="Day">The run's day (yyyy-MM-dd).</param>
/// <param name="Actor">Who reviewed it.</param>
/// <param name="Note">An optional note; refused when it looks like a secret.</param>
/// <param name="Force">True to replace an existing mark (the replaced review stays in the audit trail).</param>
/// <param name="At">When the review is recorded.</param>
public sealed record ReviewRequest(string Day, string Actor, string? Note, bool Force, DateTimeOffset At);

/// <summary>What the run held when it was reviewed (from the index, brought up to date first).</summary>
/// <param name="Reports">Report files of the day folder.</param>
/// <param name="Divergent">Readable reports with status divergent.</param>
/// <param name="Unreadable">Reports the console could not read.</param>
public sealed record RunSnapshot(int Reports, int Divergent, int Unreadable);

/// <summary>The outcome of a review: the mark written, or why it was refused.</summary>
/// <param name="Path">The mark's root-relative path.</param>
/// <param name="Mark">The mark written; null when refused.</param>
/// <param name="Replaced">The reviewer of the mark replaced with <c>--force</c>, if any.</param>
/// <param name="Refusals">Why nothing was written; empty when written.</param>
public sealed record ReviewOutcome(string Path, ComplianceReview? Mark, string? Replaced, IReadOnlyList<string> Refusals)
{
    /// <summary>True when the mark was written.</summary>
    public bool IsWritten => Mark is not null;
}

/// <summary>
/// Writes reviewed marks (<c>compliance/&lt;date&gt;.review.json</c>): checked first (a run must exist, an actor
/// must be named, a note must not look like a secret, an existing mark is only replaced with <c>force</c>),
/// then written atomically (a dot temp file renamed into place). Without <c>force</c> the rename refuses to
/// overwrite, so two reviewers racing on one day cannot both win.
/// </summary>
public sealed class ComplianceReviewWriter(ArtifactStore store)
{
    /// <summary>Checks and writes the mark of <paramref name="request"/>; <paramref name="run"/> is what the run holds now.</summary>
    /// <param name="request">The review.</param>
    /// <param name="run">The run as indexed now.</param>
    /// <param name="afterTempWritten">Test seam: runs after the temp file is on disk, before the rename.</param>
    public ReviewOutcome Write(ReviewRequest request, RunSnapshot run, Action<string>? afterTempWritten = null)
    {
        var day = request.Day.Trim();
        var path = ComplianceReviewPaths.For(day);
        var refusals = new List<string>();
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return new(path, null, null, [$"DATE \"{day}\" is not a day (yyyy-MM-dd)"]);
        }

        var actor = request.Actor.Trim();
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (actor.Length == 0)
        {
            refusals.Add("--actor is empty: name the person who reviewed the run");
        }

        if (note is not null && SecretScanner.Scan(note).Count > 0)
        {
            // Stored in the artifact root, the note would itself trigger stop condition 1; the text is never echoed.
            refusals.Add("--note looks like it contains a secret (token, bearer header or key); it would be stored in the artifact root");
        }

        if (run.Reports == 0)
        {
            refusals.Add($"no compliance run on {day}: compliance/{day}/ holds no report");
        }

        var full = store.Resolve(path) ?? throw new InvalidOperationException("review mark path outside the artifact root");
        string? replaced = null;
        if (File.Exists(full))
        {
            var existing = store.Load(path);
            replaced = existing?.As<ComplianceReview>()?.ReviewedBy ?? "(unreadable mark)";
            if (!request.Force)
            {
                refusals.Add(existing?.As<ComplianceReview>() is { } mark
                    ? $"{day} was already reviewed by {mark.ReviewedBy} at {Stamp(mark.ReviewedAt)}; --force replaces the mark (both reviews stay in the audit trail)"
                    : $"{path} exists but cannot be read ({existing?.Problem ?? "not readable"}); --force replaces it");
            }
        }

        if (refusals.Count > 0)
        {
            return new(path, null, null, refusals);
        }

        var review = new ComplianceReview
        {
            Schema = ComplianceReview.SchemaId,
            Date = day,
            ReviewedBy = actor,
            ReviewedAt = new DateTimeOffset(request.At.UtcTicks - (request.At.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            Note = note,
            Reports = run.Reports,
            Divergent = run.Divergent,
            Unreadable = run.Unreadable,
        };
        try
        {
            AtomicFile.Replace(full, ArtifactParser.Serialize(review), afterTempWritten, overwrite: request.Force);
        }
        catch (IOException) when (!request.Force && File.Exists(full))
        {
            return new(path, null, null, [$"{day} was reviewed by someone else a moment ago; --force replaces the mark"]);
        }

        return new(path, review, replaced, []);
    }

    /// <summary>A time as the CLI prints it (ISO 8601, UTC, to the second).</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
