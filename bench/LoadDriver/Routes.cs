using System.Text.RegularExpressions;

namespace OpsConsole.Bench;

/// <summary>
/// The routes the latency measure loads (issue 14: every list with its heaviest filter, each detail page,
/// the metrics board, /artifacts with its unreadable filter, the gate ladder) and the two ceilings. Issue 18's pages
/// are among them: "/" is the dashboard with its trend (share per run day and site, since yesterday), the sample
/// device's page carries its 30-day strip, "/shift" the digest of the default window and "/?wall=1" the wall.
/// Detail pages are found by following the first matching link of their list, so they exist in any tree.
/// </summary>
internal static partial class Routes
{
    /// <summary>Lists with their heaviest filter (a status filter has to work out every device's newest report).</summary>
    private static readonly string[] Lists =
    [
        "/", "/devices?page=1", "/devices?status=divergent", "/compliance-reports?status=divergent",
        "/compliance-reports?latest=true&status=divergent", "/artifacts", "/artifacts?unreadable=true",
        "/incidents?status=open", "/batch-results?mode=real", "/executions", "/approval-queue",
        "/service-engagement", "/stop-conditions", "/metrics-board", "/controlled-operation",
        "/controlled-operation/cycle-002", "/shift", "/?wall=1", "/stop-conditions?wall=1",
    ];

    /// <summary>(list page, link prefix of its detail pages).</summary>
    private static readonly (string List, string Prefix)[] Details =
    [
        ("/compliance-reports?status=divergent", "/compliance-reports/"),
        ("/incidents", "/incidents/"),
        ("/batch-results", "/batch-results/"),
        ("/executions", "/executions/"),
        ("/approval-queue", "/approval-timeline/"),
        ("/service-engagement", "/service-engagement/"),
        ("/controlled-operation/cycle-002", "/controlled-operation/cycle-002/"),
    ];

    /// <summary>Every route to measure, with the sample device's page; ceilings last.</summary>
    public static async Task<List<string>> AllAsync(HttpClient http, string device)
    {
        var routes = new List<string>(Lists) { $"/devices/{Uri.EscapeDataString(device)}" };
        foreach (var (list, prefix) in Details)
        {
            if (await FirstLinkAsync(http, list, prefix) is { } detail)
            {
                routes.Add(detail);
            }
            else
            {
                Console.WriteLine($"no {prefix}… link on {list}: detail page not measured");
            }
        }

        routes.AddRange(["/health/live", "/css/site.css"]);
        return routes;
    }

    private static async Task<string?> FirstLinkAsync(HttpClient http, string list, string prefix)
    {
        using var response = await http.GetAsync(list);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var html = await response.Content.ReadAsStringAsync();
        return Href().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .FirstOrDefault(h => h.StartsWith(prefix, StringComparison.Ordinal) && h.Length > prefix.Length
                && !h.Contains('#', StringComparison.Ordinal) && !h.Contains("?page=", StringComparison.Ordinal)
                && !h.EndsWith("/evidence-pack", StringComparison.Ordinal));
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
