using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Executions;
using OpsConsole.Core.Index;
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
public sealed class ExecutionDetailQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store, QuarantinedFiles quarantine, ExecutionReads executions)
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

    /// <summary>Pages related to the file, gates first.</summary>
    public async Task<IReadOnlyList<RelatedLink>> RelatedAsync(ExecutionRow row)
    {
        var path = row.Path;
        var subjects = row.SubjectList;
        await using var db = await dbFactory.CreateDbContextAsync();
        var links = new List<RelatedLink>();

        // Gates: those whose evidence names this file, and the gate its name gives (cycle-002-<gate>.log).
        var gates = await db.Artifacts.AsNoTracking().Where(a => a.Kind == nameof(ArtifactKind.Gate) && a.Readable)
            .Select(a => new { a.Path, a.Key, a.GroupKey }).Take(5000).ToListAsync();
        foreach (var g in gates.Where(g => g.Key is not null && g.GroupKey is not null && OperationRoutes.IsValidId(g.Key) && OperationRoutes.IsValidId(g.GroupKey)))
        {
            var named = subjects.Gates.Contains(g.Key!) && subjects.Cycles.Contains(g.GroupKey!);
            if (named || store.LoadDocument<Gate>(g.Path)?.Evidence.Contains(path, StringComparer.Ordinal) == true)
            {
                links.Add(new RelatedLink(OperationRoutes.Gate(g.GroupKey!, g.Key!), $"{g.GroupKey} · {g.Key}", "executions.related.gate"));
            }
        }

        var cycles = await db.Artifacts.AsNoTracking().Where(a => a.Kind == nameof(ArtifactKind.Cycle) && subjects.Cycles.Contains(a.Key!))
            .Select(a => a.Key!).ToListAsync();
        links.AddRange(cycles.Where(OperationRoutes.IsValidId).Order(StringComparer.Ordinal)
            .Select(c => new RelatedLink(OperationRoutes.Cycle(c), c, "executions.related.cycle")));

        // Batches that exist (a plan or a run), and the devices their plans name.
        var batchRows = await db.Artifacts.AsNoTracking()
            .Where(a => (a.Kind == nameof(ArtifactKind.BatchPlan) && subjects.Batches.Contains(a.Key!))
                || (a.Kind == nameof(ArtifactKind.BatchResult) && subjects.Batches.Contains(a.GroupKey!)))
            .Select(a => new { a.Kind, a.Key, a.GroupKey, a.Device }).ToListAsync();
        var batches = subjects.Batches.Where(b => batchRows.Any(r => r.Key == b || r.GroupKey == b)).ToList();
        links.AddRange(batches.Select(b => new RelatedLink("/batch-results/" + Uri.EscapeDataString(b), b, "executions.related.batch")));

        var devices = subjects.Devices.Concat(batchRows.Where(r => r.Kind == nameof(ArtifactKind.BatchPlan) && r.Device is not null).Select(r => r.Device!))
            .Where(DeviceNames.IsValid).Distinct(StringComparer.Ordinal).ToList();
        var packages = devices.Select(d => $"engagement/{d}/package.json").ToList();
        var engaged = (await db.Artifacts.AsNoTracking().Where(a => packages.Contains(a.Path)).Select(a => a.Path).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var inventory = (await db.Devices.AsNoTracking().Where(x => devices.Contains(x.Name)).Select(x => x.Name).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        foreach (var d in devices)
        {
            if (inventory.Contains(d))
            {
                links.Add(new RelatedLink("/devices/" + Uri.EscapeDataString(d), d, "executions.related.device"));
            }

            if (engaged.Contains($"engagement/{d}/package.json"))
            {
                links.Add(new RelatedLink("/service-engagement/" + Uri.EscapeDataString(d), d, "executions.related.engagement"));
            }
        }

        // The report that names this log, or the log this report names.
        var companions = await executions.CompanionPathsAsync(path, subjects.Log);
        links.AddRange(companions.Where(ExecutionLinks.IsExecutionPath).Order(StringComparer.Ordinal)
            .Select(p => new RelatedLink(ExecutionLinks.PageOf(p), p, p.EndsWith(".log", StringComparison.Ordinal) ? "executions.related.log" : "executions.related.report")));
        return links;
    }
}
