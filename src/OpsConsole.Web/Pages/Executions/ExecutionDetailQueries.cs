using System.Globalization;
using System.Text;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Executions;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Executions;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Pages.Operations;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Executions;

/// <summary>A console page related to an execution file.</summary>
/// <param name="Href">Its address.</param>
/// <param name="Label">What it is (an id, a path), shown as the link text.</param>
/// <param name="KindKey">Resource key of its kind (gate, batch, device…).</param>
public sealed record RelatedLink(string Href, string Label, string KindKey);

/// <summary>Whether a file may be shown, and the masked findings when it may not.</summary>
public sealed record QuarantineState(bool Quarantined, IReadOnlyList<string> Findings);

/// <summary>
/// What an execution page needs beyond the index record: the quarantine state, the pages related to the file
/// (gates citing it, its cycle, batches and their devices, the report naming a log or the log a report names),
/// and the parsed report. Logs themselves are read by <see cref="ExecutionLogReader"/>.
/// </summary>
public sealed class ExecutionDetailQueries(ArtifactStore store, QuarantinedFiles quarantine, ExecutionReferences references)
{
    /// <summary>Quarantined when the index holds a secret finding, or the streaming pass (logs) or a fresh scan (reports) finds one now.</summary>
    public QuarantineState QuarantineOf(string path, LogLineIndex? log)
    {
        var indexed = quarantine.Findings(path).Select(f => f.Reason).ToList();
        var fresh = log?.Secrets ?? (store.ReadBytes(path) is { Length: > 0 } bytes
            ? SecretScanner.Scan(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')) : []);
        var findings = indexed.Count > 0 ? indexed
            : [.. fresh.Select(h => string.Create(CultureInfo.InvariantCulture, $"line {h.Line}: {h.Pattern} ({h.Masked})"))];
        var quarantined = indexed.Count > 0 || fresh.Count > 0 || quarantine.IsQuarantined(path);
        return new QuarantineState(quarantined, [.. findings.Select(f => SecretRedactor.Redact(f))]);
    }

    /// <summary>The report document and its problem (null document when unreadable; the size cap applies).</summary>
    public (ExecutionReport? Report, string? Problem) Report(string path)
    {
        var loaded = store.Load(path);
        return loaded is null ? (null, "the file is no longer in the artifact root") : (loaded.As<ExecutionReport>(), loaded.Problem);
    }

    /// <summary>Pages related to the file, gates first (what refers to it comes from <see cref="ExecutionReferences"/>).</summary>
    public async Task<IReadOnlyList<RelatedLink>> RelatedAsync(ExecutionRow row)
    {
        var found = await references.OfAsync(row);
        var links = new List<RelatedLink>();
        links.AddRange(found.Gates.Select(g => new RelatedLink(OperationRoutes.Gate(g.CycleId!, g.GateId!), $"{g.CycleId} · {g.GateId}", "executions.related.gate")));
        links.AddRange(found.Cycles.Select(c => new RelatedLink(OperationRoutes.Cycle(c), c, "executions.related.cycle")));
        links.AddRange(found.Batches.Select(b => new RelatedLink("/batch-results/" + Uri.EscapeDataString(b), b, "executions.related.batch")));
        foreach (var d in found.Devices)
        {
            if (d.InInventory)
            {
                links.Add(new RelatedLink("/devices/" + Uri.EscapeDataString(d.Name), d.Name, "executions.related.device"));
            }

            if (d.Engaged)
            {
                links.Add(new RelatedLink("/service-engagement/" + Uri.EscapeDataString(d.Name), d.Name, "executions.related.engagement"));
            }
        }

        // The report that names this log, or the log this report names.
        links.AddRange(found.Companions.Where(ExecutionLinks.IsExecutionPath).Order(StringComparer.Ordinal)
            .Select(p => new RelatedLink(ExecutionLinks.PageOf(p), p, p.EndsWith(".log", StringComparison.Ordinal) ? "executions.related.log" : "executions.related.report")));
        return links;
    }
}
