using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Approvals;

/// <summary>
/// The app over Fixtures/approvals (one record per state, inconsistent records, an unreadable one),
/// with the clock fixed at <see cref="Now"/> so ages and the decision-time warning are stable.
/// </summary>
public sealed class ApprovalsFactory : ConsoleFactory
{
    /// <summary>The web app's "now": APR-2026-0201 has been pending 23 days, APR-2026-0202 five.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public ApprovalsFactory() : base("approvals")
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FixedClock(Now));
        });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>Small helpers to read what a page shows.</summary>
internal static class Html
{
    /// <summary>The table row (tr) that links to the timeline of <paramref name="id"/>; fails when absent.</summary>
    public static string RowOf(string html, string id)
    {
        var link = html.IndexOf($"href=\"/approval-timeline/{id}\"", StringComparison.Ordinal);
        Assert.True(link >= 0, $"no row for {id}");
        var start = html.LastIndexOf("<tr>", link, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", link, StringComparison.Ordinal);
        return html[start..end];
    }

    /// <summary>The approval ids the queue lists, in order.</summary>
    public static List<string> QueueIds(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<td><a href=\"/approval-timeline/([^\"]+)\">")
            .Select(m => m.Groups[1].Value).ToList();
}
