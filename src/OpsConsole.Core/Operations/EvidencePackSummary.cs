using System.Globalization;
using System.Text;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Operations;

/// <summary>
/// Writes <c>SUMMARY.md</c>: the overall ladder status, each gate's status, violations, unknown gates,
/// withheld and missing files and the stop conditions, with the export time and its UTC offset, in the
/// language of the request. Artifact text is redacted and made safe for a Markdown table cell.
/// </summary>
internal static class EvidencePackSummary
{
    public static byte[] Write(EvidencePackRequest request, LadderEvaluation e, IReadOnlyList<EvidencePackFile> files, string zipName)
    {
        var t = new EvidencePackText(request.Culture);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("# " + t.Format("title", Cell(e.Cycle is { } c && !string.IsNullOrWhiteSpace(c.Title) ? $"{c.Title} ({e.CycleId})" : e.CycleId)));
        Line();
        Line(t.Format(request.AsOfGiven ? "asof.given" : "asof.index", EvidencePackDocuments.Time(request.AsOf)));
        Line();
        Line(t.Format("intro", Cell(e.CycleId), zipName));
        Line();
        Line(t.Format("overall", t.Status(e.OverallStatus)));
        Line();
        Line(e.CurrentGate is { } g ? t.Format("current", Cell(g.GateId), t.Status(g.EffectiveStatus)) : t["current.none"]);
        if (e.Problem is { } problem)
        {
            Line();
            Line(t.Format("cycle.problem", Reason(t, problem)));
        }

        if (e.FreezeGate is { } freeze)
        {
            Line();
            Line(t.Format("freeze", Cell(freeze.GateId)));
        }

        Gates(md, t, e);
        List(md, t, "violations.heading", e.ViolationGates.SelectMany(s => s.Violations.Select(v => $"{Cell(s.GateId)}: {Reason(t, v)}")));
        List(md, t, "unknown.heading", e.UnknownGates.Select(s => $"{Cell(s.GateId)}: {(s.Reasons.Count > 0 ? Reason(t, s.Reasons[0]) : Cell(s.Problem))}"));
        if (e.TimestampRegressions.Count > 0)
        {
            List(md, t, "regressions.heading", e.TimestampRegressions.Select(r => $"{Cell(r.GateId)}: {Reason(t, r.Reason)}"));
        }

        Files(md, t, files);
        Stops(md, t, request.StopConditions);
        return new UTF8Encoding(false).GetBytes(md.ToString());
    }

    private static void Gates(StringBuilder md, EvidencePackText t, LadderEvaluation e)
    {
        md.Append("\n## ").Append(t["gates.heading"]).Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"| {t["col.index"]} | {t["col.gate"]} | {t["col.stage"]} | {t["col.status"]} | {t["col.fileSays"]} | {t["col.why"]} |\n");
        md.Append("|---:|---|---|---|---|---|\n");
        foreach (var s in e.Steps)
        {
            var why = string.Join("; ", s.Violations.Concat(s.Reasons).Select(r => Reason(t, r)));
            md.Append(CultureInfo.InvariantCulture, $"| {s.Index + 1} | {Cell(s.GateId)} — {Cell(s.Title)} | {Cell(s.Stage)} | **{t.Status(s.EffectiveStatus)}** | {t.Status(s.RawStatus)} | {why} |\n");
        }
    }

    private static void List(StringBuilder md, EvidencePackText t, string headingKey, IEnumerable<string> items)
    {
        md.Append("\n## ").Append(t[headingKey]).Append("\n\n");
        var any = false;
        foreach (var item in items)
        {
            md.Append("- ").Append(item).Append('\n');
            any = true;
        }

        if (!any)
        {
            md.Append(t["none"]).Append('\n');
        }
    }

    private static void Files(StringBuilder md, EvidencePackText t, IReadOnlyList<EvidencePackFile> files)
    {
        md.Append("\n## ").Append(t["files.heading"]).Append("\n\n");
        var included = files.Count(f => f.Entry is not null);
        var withheld = files.Count(f => f.State == EvidenceFileStates.Withheld);
        md.Append(t.Format("files.count", included, files.Count, withheld)).Append("\n\n");
        var listed = files.Where(f => f.State != EvidenceFileStates.Included)
            .OrderBy(f => EvidenceFileStates.All.ToList().IndexOf(f.State)).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        if (listed.Count == 0)
        {
            md.Append(t["files.all"]).Append('\n');
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"| {t["col.file"]} | {t["col.role"]} | {t["col.state"]} | {t["col.reason"]} | {t["col.citedBy"]} |\n");
        md.Append("|---|---|---|---|---|\n");
        foreach (var f in listed)
        {
            var reason = f.ReasonCode is null ? "" : t.Format("reason." + f.ReasonCode, Cell(f.Detail));
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(f.Path)} | {t["role." + f.Role]} | **{t["state." + f.State]}** | {reason} | {Cell(string.Join(", ", f.CitedBy))} |\n");
        }
    }

    private static void Stops(StringBuilder md, EvidencePackText t, StopEvaluation stops)
    {
        md.Append("\n## ").Append(t["stop.heading"]).Append("\n\n");
        md.Append(t.Format("stop.overall", t.Status(stops.State))).Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"| {t["col.number"]} | {t["col.condition"]} | {t["col.state"]} | {t["col.artifacts"]} |\n");
        md.Append("|---:|---|---|---|\n");
        foreach (var c in stops.Conditions)
        {
            var detail = c.Triggers.Select(x => $"{Cell(x.Path)}: {Cell(x.Reason)}")
                .Concat(c.UnreadableInputs.Select(x => $"{Cell(x.Path)} ({t["stop.unreadable"]}): {Cell(x.Reason)}"));
            md.Append(CultureInfo.InvariantCulture, $"| {c.Number} | {t[$"stop.{c.Number}.title"]} | **{t.Status(c.State)}** | {string.Join("<br>", detail)} |\n");
        }
    }

    private static string Reason(EvidencePackText t, LadderReason reason) => t.Reason(reason, Cell);

    // Redacted, on one line, with the characters that would break a table cell or open markup escaped.
    private static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = SecretRedactor.Redact(text);
        var sb = new StringBuilder(clean.Length);
        foreach (var ch in clean)
        {
            _ = ch switch
            {
                '\r' or '\n' or '\t' => sb.Append(' '),
                '|' or '`' or '<' or '>' or '*' or '[' or ']' or '\\' => sb.Append('\\').Append(ch),
                _ when char.IsControl(ch) => sb.Append(' '),
                _ => sb.Append(ch),
            };
        }

        return sb.ToString();
    }
}
