using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpsConsole.Web.Tests.Infrastructure;

/// <summary>A clock the tests set; the dashboard reads "now" from it.</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The app over Fixtures/dashboards: 6 devices (NEW-C-05 without reports), two compliance runs
/// (2026-11-20, 2026-11-21) with one unreadable report (FW-B-04), 5 incidents, 3 approvals, 2 plans
/// (BATCH-0203 incomplete) and 3 batch runs (one real run blocked).
/// </summary>
public class DashboardsFactory : ConsoleFactory
{
    public DashboardsFactory() : base("dashboards")
    {
    }

    protected DashboardsFactory(Action<string> prepare) : base("dashboards", prepare)
    {
    }

    public SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

/// <summary>Small helpers to read what a page shows.</summary>
internal static partial class Page
{
    public static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The rows of a list's JSON export (exactly what the page shows for the same query).</summary>
    public static async Task<List<Dictionary<string, string?>>> JsonRowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "format=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Visible text of an HTML fragment (tags removed, entities decoded, spaces collapsed).</summary>
    public static string Text(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(ChipIcons().Replace(html, ""), " ")), " ").Trim();

    /// <summary>The table body rows of the page (each as visible text).</summary>
    public static List<string> BodyRows(string html)
    {
        var body = Regex.Match(html, "<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        return body.Success ? Regex.Matches(body.Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => Text(m.Groups[1].Value)).ToList() : [];
    }

    [GeneratedRegex("<span class=\"chip-icon\" aria-hidden=\"true\">[^<]*</span>")]
    private static partial Regex ChipIcons();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
