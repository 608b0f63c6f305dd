using OpsConsole.Core.Handoff;

namespace OpsConsole.Web.Pages.Handoff;

/// <summary>The console pages a handoff document may link to.</summary>
public static class HandoffLinks
{
    /// <summary>Top-level routes this console serves; a document's named route is linked only when its first segment is one of them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConsoleRoutes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/devices"] = "nav.devices",
        ["/service-engagement"] = "nav.engagement",
        ["/approval-queue"] = "nav.approvals",
        ["/batch-results"] = "nav.batches",
        ["/compliance-reports"] = "nav.compliance",
        ["/incidents"] = "nav.incidents",
        ["/controlled-operation"] = "nav.operations",
        ["/handoff"] = "nav.handoff",
        ["/artifacts"] = "nav.artifacts",
        ["/stop-conditions"] = "nav.stop",
        ["/metrics-board"] = "nav.metrics",
        ["/audit"] = "nav.audit",
    };

    /// <summary>Console routes (top level) that <paramref name="doc"/> names, in order.</summary>
    public static IReadOnlyList<string> LinkableRoutes(HandoffDocument doc) =>
        [.. doc.NamedRoutes.Select(r => "/" + r.TrimStart('/').Split('/')[0]).Where(ConsoleRoutes.ContainsKey).Distinct(StringComparer.Ordinal)];
}
