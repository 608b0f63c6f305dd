namespace OpsConsole.Web.Tests.Hardening;

/// <summary>Every page of the console, list and detail, with real ids of the basic fixture.</summary>
public static class ConsoleRoutes
{
    /// <summary>One address per page (and its exports), ids taken from Fixtures/basic.</summary>
    public static readonly IReadOnlyList<string> Basic =
    [
        "/", "/?wall=1", "/shift", "/shift?since=2026-11-01T00:00:00Z",
        "/devices", "/devices/4WNET-MNS-KTG-RX", "/devices/EDGE-BEL-01", "/devices/OLT-KTG-07",
        "/compliance-reports", "/compliance-reports/CR-2026-11-21-EDGE-BEL-01", "/compliance-reports/CR-2026-11-20-4WNET-MNS-KTG-RX",
        "/compliance-reports/file?path=compliance/2026-11-21/OLT-KTG-07.json",
        "/incidents", "/incidents/INC-0042",
        "/batch-results", "/batch-results/BATCH-0111",
        "/executions", "/executions?kind=log&outcome=unknown", "/executions/week1-real-run.log", "/executions/week1-real-run.log?q=start&size=1",
        "/approval-queue", "/approval-timeline/APR-2026-0110", "/approval-timeline/APR-2026-0111",
        "/service-engagement", "/service-engagement/4WNET-MNS-KTG-RX", "/service-engagement/4WNET-MNS-KTG-RX/items/tenant",
        "/service-engagement/4WNET-MNS-KTG-RX/items/criticality", "/service-engagement/4WNET-MNS-KTG-RX/validation",
        "/controlled-operation", "/controlled-operation/cycle-002", "/controlled-operation/cycle-002/week1",
        "/controlled-operation/cycle-002/gates/start-gate",
        "/stop-conditions", "/stop-conditions?wall=1", "/handoff", "/handoff/noc-handoff", "/metrics-board", "/audit", "/artifacts", "/artifacts?unreadable=true",
        "/metrics-board?page=2&size=1", "/metrics-board/decisions", "/metrics-board/decisions?only=refused", "/metrics-board/decisions?only=while-stop&month=2026-11&actor=a",
        "/archive", "/archive?kind=compliance", "/archive/compliance-2026-11-19",
        "/archive/compliance-2026-11-19/entry?path=compliance%2F2026-11-19%2FEDGE-BEL-01.json",
    ];

    /// <summary>Exports and non-HTML answers (headers are checked on them too).</summary>
    public static readonly IReadOnlyList<string> NonHtml =
    [
        "/shift?format=md", "/shift?format=csv", "/shift?format=json",
        "/devices?format=csv", "/compliance-reports?format=json", "/incidents?format=csv", "/batch-results?format=json", "/executions?format=csv", "/executions?format=json",
        "/approval-queue?format=csv", "/service-engagement?format=json", "/controlled-operation?format=csv", "/audit?format=csv",
        "/artifacts?format=json", "/service-engagement/4WNET-MNS-KTG-RX?handler=template", "/download?path=devices.json",
        "/controlled-operation/cycle-002/evidence-pack",
        "/metrics-board?format=csv", "/metrics-board?format=json", "/metrics-board/decisions?format=csv", "/metrics-board/decisions?format=json",
        "/health", "/health/live", "/health/ready", "/css/site.css", "/no-such-page", "/devices/NO-SUCH-DEVICE",
    ];

    /// <summary>One list page and one detail page per feature (root-unavailable checks).</summary>
    public static readonly IReadOnlyList<string> ListAndDetailPerFeature =
    [
        "/", "/devices", "/devices/EDGE-BEL-01", "/compliance-reports", "/compliance-reports/CR-2026-11-21-EDGE-BEL-01",
        "/incidents", "/incidents/INC-0042", "/batch-results", "/batch-results/BATCH-0111", "/executions", "/executions/week1-real-run.log", "/approval-queue",
        "/approval-timeline/APR-2026-0110", "/service-engagement", "/service-engagement/4WNET-MNS-KTG-RX",
        "/controlled-operation", "/controlled-operation/cycle-002", "/stop-conditions", "/handoff", "/handoff/noc-handoff",
        "/metrics-board", "/metrics-board/decisions", "/audit", "/artifacts", "/archive",
    ];

    public static TheoryData<string> BasicData() => [.. Basic];
}
