using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Review;

/// <summary>The dashboard (and its wall view) says whether the latest compliance run was reviewed, by whom and when.</summary>
public sealed class DashboardReviewedRunTests(ReviewedRunFactory factory) : IClassFixture<ReviewedRunFactory>
{
    [Fact]
    public async Task The_latest_run_shows_who_reviewed_it_and_when_in_english()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/");

        Assert.Contains("data-review=\"reviewed\"", html);
        Assert.Contains("<time datetime=\"2026-11-21T13:30:00", html);
        var text = Page.Text(html);
        Assert.Contains("Latest run reviewed Reviewed Run 2026-11-21 reviewed by ana.souza", text);
        Assert.Contains("13:30 (UTC+00:00)", text);
    }

    [Fact]
    public async Task The_latest_run_shows_who_reviewed_it_in_portuguese()
    {
        var client = await factory.CreateReadyClientAsync();

        var text = Page.Text(await Page.HtmlAsync(client, "/?culture=pt-BR"));

        Assert.Contains("Última execução revisada Revisada Execução 2026-11-21 revisada por ana.souza", text);
    }

    [Fact]
    public async Task The_wall_view_shows_the_review_too()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/?wall=1");

        Assert.Contains("class=\"wall\"", html);
        Assert.Contains("data-review=\"reviewed\"", html);
    }
}

/// <summary>A latest run without a mark is "not reviewed", a warning chip (a mark of an older run does not count).</summary>
public sealed class DashboardNotReviewedTests(OlderRunReviewedFactory factory) : IClassFixture<OlderRunReviewedFactory>
{
    [Fact]
    public async Task The_latest_run_without_a_mark_shows_a_not_reviewed_warning_in_english()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/");

        Assert.Contains("data-review=\"not-reviewed\"", html);
        Assert.Contains("class=\"chip chip-warn\" data-status=\"not-reviewed\"", html);
        Assert.Contains("Run 2026-11-21 has not been reviewed", Page.Text(html));
        Assert.DoesNotContain("reviewed by ana.souza", Page.Text(html));
    }

    [Fact]
    public async Task The_latest_run_without_a_mark_shows_not_reviewed_in_portuguese()
    {
        var client = await factory.CreateReadyClientAsync();

        var text = Page.Text(await Page.HtmlAsync(client, "/?culture=pt-BR"));

        Assert.Contains("Não revisada A execução 2026-11-21 não foi revisada", text);
    }
}

/// <summary>A mark that cannot be read makes the review "unknown" with the reason, never "reviewed" or "not reviewed".</summary>
public sealed class DashboardUnknownReviewTests(MalformedReviewFactory factory) : IClassFixture<MalformedReviewFactory>
{
    [Fact]
    public async Task A_malformed_mark_shows_unknown_with_the_reason_in_english()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await Page.HtmlAsync(client, "/");

        Assert.Contains("data-review=\"unknown\"", html);
        Assert.Contains("data-status=\"unknown\"", html);
        Assert.Contains("Run 2026-11-21: the review mark cannot be read: not valid JSON", Page.Text(html));
    }

    [Fact]
    public async Task A_malformed_mark_shows_unknown_in_portuguese()
    {
        var client = await factory.CreateReadyClientAsync();

        var text = Page.Text(await Page.HtmlAsync(client, "/?culture=pt-BR"));

        Assert.Contains("Execução 2026-11-21: a marca de revisão não pode ser lida", text);
    }

    [Fact]
    public async Task A_malformed_mark_is_listed_as_an_unreadable_artifact()
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = await Page.JsonRowsAsync(client, "/artifacts?unreadable=true");

        Assert.Contains(rows, r => r.ContainsValue("compliance/2026-11-21.review.json"));
    }
}
