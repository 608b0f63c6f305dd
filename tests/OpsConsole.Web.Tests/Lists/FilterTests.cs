using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Lists;

public sealed class FilterTests(DashboardsFactory factory) : IClassFixture<DashboardsFactory>
{
    public static TheoryData<string, string, string[]> Filters => new()
    {
        { "/devices", "name", ["FW-B-04", "NEW-C-05", "OLT-B-03", "PE-C-06", "RT-A-01", "SW-A-02"] },
        { "/devices?site=SITEA", "name", ["RT-A-01", "SW-A-02"] },
        { "/devices?role=router", "name", ["NEW-C-05", "PE-C-06", "RT-A-01"] },
        { "/devices?q=OLT", "name", ["OLT-B-03"] },
        { "/devices?status=none", "name", ["NEW-C-05"] },
        { "/devices?status=unreadable", "name", ["FW-B-04"] },
        { "/devices?status=divergent&site=SITEA", "name", ["RT-A-01", "SW-A-02"] },
        { "/compliance-reports?from=2026-11-20&to=2026-11-20", "device", ["OLT-B-03", "RT-A-01", "SW-A-02"] },
        { "/compliance-reports?device=RT-A", "report_id", ["CR-2026-11-21-RT-A-01", "CR-2026-11-20-RT-A-01"] },
        { "/compliance-reports?device=RT-A&sort=date_asc", "report_id", ["CR-2026-11-20-RT-A-01", "CR-2026-11-21-RT-A-01"] },
        { "/compliance-reports?status=divergent", "report_id", ["CR-2026-11-21-SW-A-02", "CR-2026-11-21-RT-A-01", "CR-2026-11-20-SW-A-02"] },
        { "/compliance-reports?status=unreadable", "path", ["compliance/2026-11-21/FW-B-04.json"] },
        { "/compliance-reports?latest=true&status=compliant", "device", ["PE-C-06"] },
        { "/compliance-reports?latest=true&status=divergent", "report_id", ["CR-2026-11-21-SW-A-02", "CR-2026-11-21-RT-A-01"] },
        { "/compliance-reports?latest=true&status=unreadable", "path", ["compliance/2026-11-21/FW-B-04.json"] },
        { "/compliance-reports?latest=true&device=RT-A", "report_id", ["CR-2026-11-21-RT-A-01"] },
        { "/compliance-reports?from=not-a-date&status=error", "device", ["OLT-B-03"] },
        { "/incidents?severity=high", "incident_id", ["INC-0102", "INC-0105"] },
        { "/incidents?status=open", "incident_id", ["INC-0101", "INC-0102", "INC-0105"] },
        { "/incidents?status=resolved", "incident_id", ["INC-0103"] },
        { "/incidents?device=RT-A-01", "incident_id", ["INC-0101"] },
        { "/batch-results", "run_id", ["run2", "run1", "run1"] },
        { "/batch-results?mode=real", "run_id", ["run2"] },
        { "/batch-results?outcome=succeeded&batch=0203", "run_id", ["run1"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_in_the_address_select_the_matching_rows(string url, string column, string[] expected)
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = await Page.JsonRowsAsync(client, url);

        Assert.Equal(expected, rows.Select(r => r[column]).ToArray());
    }

    [Fact]
    public async Task A_filtered_view_is_a_shareable_link_that_keeps_the_filter_in_its_form()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/incidents?severity=high&status=open");

        Assert.Contains("<option value=\"high\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"open\" selected=\"selected\">", html);
        Assert.Equal(2, Page.BodyRows(html).Count);
    }

    [Fact]
    public async Task An_empty_result_says_what_is_missing_and_where_the_files_go()
    {
        var client = await factory.CreateReadyClientAsync();

        var incidents = Page.Text(await Page.HtmlAsync(client, "/incidents?severity=low&status=open"));
        var reports = Page.Text(await Page.HtmlAsync(client, "/compliance-reports?device=ZZZ&culture=pt-BR"));

        Assert.Contains("incidents/<incident-id>.json", incidents);
        Assert.Contains("compliance/<AAAA-MM-DD>/<dispositivo>.json", reports);
    }
}
