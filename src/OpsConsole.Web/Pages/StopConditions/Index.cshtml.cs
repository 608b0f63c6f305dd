using Microsoft.AspNetCore.Mvc.RazorPages;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Infrastructure;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.StopConditions;

/// <summary>The seven stop conditions with state, evidence and runbook action.</summary>
public sealed class IndexModel(StopConditionEvaluator evaluator, IndexState state, QuarantinedFiles quarantine, ArtifactStore store) : PageModel
{
    /// <summary>Null until the first index build is done.</summary>
    public StopEvaluation? Evaluation { get; private set; }

    public void OnGet()
    {
        if (state.Ready)
        {
            Evaluation = evaluator.Evaluate();
        }
    }

    /// <summary>True when a trigger's file is quarantined (its content is never served).</summary>
    public bool IsQuarantined(string path) => Evaluation is not null && quarantine.IsQuarantined(path);

    /// <summary>
    /// The /download link for <paramref name="path"/>, or null when it is quarantined, not a downloadable kind
    /// over the size cap or not scanned for secrets (the download would refuse it: no link that leads to a 404).
    /// </summary>
    public string? DownloadHref(string path) =>
        IsQuarantined(path) || DownloadPolicy.ContentTypeFor(path) is null || store.Load(path) is not { ScannedForSecrets: true, Secrets.Count: 0 } f || f.Length > store.MaxBytes
            ? null : "/download?path=" + Uri.EscapeDataString(path);
}
