using System.Net;

namespace OpsConsole.Web.Tests.Hardening;

/// <summary>
/// Every route parameter and query parameter fed a corpus of hostile values: the answer is 200 (ignored or
/// clamped), 400 or 404, never 500, never a file from outside the root, never the value unencoded in HTML.
/// </summary>
public sealed class UrlFuzzTests(HostileFactory factory) : IClassFixture<HostileFactory>
{
    private const string Marker = "fuzz7e1";

    /// <summary>Values as they appear in the URL: raw, URL-encoded, double-encoded and overlong forms.</summary>
    public static readonly IReadOnlyList<string> Corpus =
    [
        "../../outside.json", "..%2f..%2foutside.json", "%2e%2e%2f%2e%2e%2foutside.json", "%252e%252e%252foutside.json",
        "%c0%ae%c0%ae%c0%afoutside.json", "..%5c..%5coutside.json", "%2fetc%2fpasswd", "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        new string('A', 10_000), "x%00y", "%00", "x%0d%0aSet-Cookie:%20" + Marker + "=1", "D%C3%A9v%20ice", "%EF%BC%8E%EF%BC%8E%EF%BC%8F",
        "'%20OR%20'1'%3D'1", "1%3BDROP%20TABLE%20artifacts--", "%3Cscript%3Ealert('" + Marker + "')%3C%2Fscript%3E",
        "%22%3E%3Cimg%20src%3Dx%20onerror%3D" + Marker + "%3E", "-1", "0", "99999999999999999999", "%", "%%32%65", "%ff%fe",
    ];

    public static TheoryData<string> Templates => new()
    {
        "/devices/{0}", "/compliance-reports/{0}", "/incidents/{0}", "/batch-results/{0}", "/approval-timeline/{0}",
        "/controlled-operation/{0}", "/controlled-operation/cycle-002/{0}", "/controlled-operation/{0}/week1",
        "/controlled-operation/cycle-002/gates/{0}", "/controlled-operation/cycle-002/week1/{0}", "/handoff/{0}",
        "/controlled-operation/{0}/evidence-pack", "/controlled-operation/cycle-002/evidence-pack?culture={0}",
        "/service-engagement/{0}", "/service-engagement/{0}/validation", "/service-engagement/{0}/items/tenant",
        "/service-engagement/4WNET-MNS-KTG-RX/items/{0}", "/download?path={0}", "/compliance-reports/file?path={0}", "/error/{0}",
        "/artifacts?kind={0}", "/artifacts?q={0}&unreadable={0}", "/artifacts?page={0}&size={0}", "/artifacts?format={0}",
        "/devices?q={0}&site={0}&role={0}&status={0}", "/devices?page={0}&size={0}&format={0}", "/devices/EDGE-BEL-01?page={0}&size={0}&format={0}",
        "/compliance-reports?from={0}&to={0}", "/compliance-reports?device={0}&status={0}&latest={0}", "/compliance-reports?sort={0}&page={0}&size={0}&format={0}",
        "/incidents?severity={0}&status={0}&device={0}", "/incidents?page={0}&size={0}&format={0}",
        "/batch-results?batch={0}&mode={0}&outcome={0}", "/batch-results?page={0}&size={0}&format={0}",
        "/executions/{0}", "/executions?kind={0}&outcome={0}&batch={0}&device={0}&cycle={0}&q={0}", "/executions?page={0}&size={0}&format={0}",
        "/executions/week1-real-run.log?q={0}&page={0}&size={0}", "/executions/week1-real-run.log?from={0}",
        "/approval-queue?state={0}&q={0}&sort={0}&check={0}", "/approval-queue?page={0}&size={0}&format={0}",
        "/service-engagement?team={0}&status={0}&page={0}&size={0}&format={0}", "/service-engagement/4WNET-MNS-KTG-RX?handler={0}",
        "/controlled-operation?page={0}&size={0}&format={0}", "/audit?type={0}&actor={0}&from={0}&to={0}", "/audit?page={0}&size={0}&format={0}",
        "/?culture={0}", "/handoff?culture={0}", "/metrics-board?culture={0}", "/stop-conditions?culture={0}",
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Hostile_values_get_200_400_or_404_and_are_never_reflected_unencoded(string template)
    {
        var client = await factory.CreateReadyClientAsync();
        var failures = new List<string>();

        foreach (var value in Corpus)
        {
            var url = template.Replace("{0}", value, StringComparison.Ordinal);
            if (value.Contains("%00", StringComparison.Ordinal) && url.IndexOf("%00", StringComparison.Ordinal) < (url.IndexOf('?') is var q and >= 0 ? q : url.Length))
            {
                // A NUL in the path never reaches the app: Kestrel answers 400, the test server refuses to send it.
                await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(url));
                continue;
            }

            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var html = response.Content.Headers.ContentType?.MediaType == "text/html";
            var problem =
                response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound) ? $"status {(int)response.StatusCode}"
                : body.Contains(HostileFactory.OutsideSecret, StringComparison.Ordinal) || body.Contains("root:x:0:0", StringComparison.Ordinal) ? "served a file outside the root"
                : html && (body.Contains("<script>alert('" + Marker, StringComparison.Ordinal) || body.Contains("<img src=x onerror=" + Marker, StringComparison.Ordinal)) ? "reflected unencoded"
                : response.Headers.Concat(response.Content.Headers).Any(h => h.Key.Contains(Marker, StringComparison.OrdinalIgnoreCase) || h.Value.Any(v => v.Contains(Marker, StringComparison.Ordinal))) ? "header injection"
                : null;
            if (problem is not null)
            {
                failures.Add($"{problem}: {(url.Length > 200 ? url[..200] + "…" : url)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
