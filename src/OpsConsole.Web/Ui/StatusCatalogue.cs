namespace OpsConsole.Web.Ui;

/// <summary>The tone of a status: decides its colour (CSS class) everywhere.</summary>
public enum StatusTone
{
    Ok,
    Info,
    Warn,
    Bad,
    Neutral,
    Unknown,
}

/// <summary>How a status looks: its label resource key, tone and icon.</summary>
public sealed record StatusStyle(string LabelKey, StatusTone Tone, string Icon)
{
    /// <summary>The CSS class of the chip (one per tone, defined once in site.css).</summary>
    public string CssClass => "chip chip-" + Tone.ToString().ToLowerInvariant();
}

/// <summary>
/// The one catalogue mapping every status word of the artifact contract to a label, a colour and
/// an icon. Pages never choose colours or words for a status themselves.
/// </summary>
public static class StatusCatalogue
{
    private const string IconOk = "✓";
    private const string IconBad = "✕";
    private const string IconWarn = "▲";
    private const string IconInfo = "●";
    private const string IconNeutral = "○";
    private const string IconUnknown = "?";

    private static readonly Dictionary<string, StatusTone> Tones = new(StringComparer.Ordinal)
    {
        // compliance
        ["compliant"] = StatusTone.Ok,
        ["divergent"] = StatusTone.Warn,
        ["error"] = StatusTone.Bad,
        // approvals
        ["proposed"] = StatusTone.Neutral,
        ["pending"] = StatusTone.Info,
        ["approved"] = StatusTone.Ok,
        ["rejected"] = StatusTone.Bad,
        ["applied"] = StatusTone.Ok,
        ["expired"] = StatusTone.Neutral,
        ["inconsistent"] = StatusTone.Bad,
        // batches
        ["succeeded"] = StatusTone.Ok,
        ["failed"] = StatusTone.Bad,
        ["blocked"] = StatusTone.Bad,
        ["dry-run"] = StatusTone.Info,
        ["real"] = StatusTone.Warn,
        ["simulation"] = StatusTone.Info,
        ["read-only"] = StatusTone.Neutral,
        ["would-create"] = StatusTone.Info,
        ["would-update"] = StatusTone.Info,
        ["created"] = StatusTone.Ok,
        ["updated"] = StatusTone.Ok,
        ["skipped"] = StatusTone.Neutral,
        ["exists"] = StatusTone.Bad,
        ["complete"] = StatusTone.Ok,
        ["incomplete"] = StatusTone.Bad,
        // incidents and severities
        ["open"] = StatusTone.Bad,
        ["mitigated"] = StatusTone.Warn,
        ["resolved"] = StatusTone.Ok,
        ["critical"] = StatusTone.Bad,
        ["high"] = StatusTone.Bad,
        ["medium"] = StatusTone.Warn,
        ["low"] = StatusTone.Info,
        // gates and checks
        ["passed"] = StatusTone.Ok,
        ["not-started"] = StatusTone.Neutral,
        ["unknown"] = StatusTone.Unknown,
        ["violation"] = StatusTone.Bad,
        ["pass"] = StatusTone.Ok,
        ["fail"] = StatusTone.Bad,
        ["warn"] = StatusTone.Warn,
        ["skip"] = StatusTone.Neutral,
        // engagement validation
        ["ok"] = StatusTone.Ok,
        ["missing"] = StatusTone.Warn,
        ["invalid"] = StatusTone.Bad,
        ["overdue"] = StatusTone.Bad,
        ["finalized"] = StatusTone.Ok,
        // stop conditions, freshness, files
        ["clear"] = StatusTone.Ok,
        ["triggered"] = StatusTone.Bad,
        ["unreadable"] = StatusTone.Unknown,
        ["readable"] = StatusTone.Ok,
        ["stale"] = StatusTone.Warn,
        ["fresh"] = StatusTone.Ok,
        // compliance run review (a run nobody reviewed is a warning, not an error)
        ["reviewed"] = StatusTone.Ok,
        ["not-reviewed"] = StatusTone.Warn,
        // shift digest: removals an archive bundle holds (history moved, not lost)
        ["archived"] = StatusTone.Neutral,
        // cycles (cycle@1 status as the file states it)
        ["in-progress"] = StatusTone.Info,
        ["active"] = StatusTone.Info,
        // audit outcomes ("ok" and "failed" above)
        ["refused"] = StatusTone.Warn,
        // approval decisions audit view (a decision taken; the state it led to has its own chip)
        ["decided"] = StatusTone.Info,
        // execution log lines (the outcomes passed/failed/blocked/unknown are above)
        ["log-error"] = StatusTone.Bad,
        ["log-warn"] = StatusTone.Warn,
    };

    /// <summary>Every status word the catalogue knows (a test checks each has a label in both languages).</summary>
    public static IEnumerable<string> Known => Tones.Keys;

    /// <summary>
    /// The style of <paramref name="status"/>. Unknown words (a newer tool's status) fall back to the
    /// "unknown" tone with the raw word as label — never to a green tone.
    /// </summary>
    public static StatusStyle For(string? status)
    {
        var key = string.IsNullOrWhiteSpace(status) ? "unknown" : status.Trim().ToLowerInvariant();
        if (!Tones.TryGetValue(key, out var tone))
        {
            return new StatusStyle(key, StatusTone.Unknown, IconUnknown);
        }

        return new StatusStyle("status." + key, tone, tone switch
        {
            StatusTone.Ok => IconOk,
            StatusTone.Bad => IconBad,
            StatusTone.Warn => IconWarn,
            StatusTone.Info => IconInfo,
            StatusTone.Neutral => IconNeutral,
            _ => IconUnknown,
        });
    }
}
