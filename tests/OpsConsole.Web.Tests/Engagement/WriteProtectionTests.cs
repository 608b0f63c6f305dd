using System.Net;

namespace OpsConsole.Web.Tests.Engagement;

public sealed class WriteProtectionTests
{
    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_with_400_and_nothing_is_written()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        var response = await session.SaveAsync("tenant", "acme", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(factory.ResponsesFile));
    }

    [Fact]
    public async Task A_token_without_its_cookie_is_refused_with_400()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        var stranger = await factory.CreateReadyClientAsync();

        var response = await stranger.PostAsync($"/service-engagement/{EngagementFactory.Device}?handler=save", new FormUrlEncodedContent(
            [new("item_id", "tenant"), new("value", "acme"), new("responded_by", "Ana"), new("__RequestVerificationToken", session.Token!)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(factory.ResponsesFile));
    }

    [Fact]
    public async Task A_post_from_another_machine_is_refused_with_403_audited_and_nothing_is_written()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        factory.RemoteAddress = IPAddress.Parse("10.1.2.3");

        var response = await session.SaveAsync("tenant", "acme");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(File.Exists(factory.ResponsesFile));
        var e = Assert.Single(factory.Audit("engagement.refused"));
        Assert.Equal(("refused", "web 10.1.2.3", EngagementFactory.Device), (e.Outcome, e.Source, e.Target));
    }

    [Fact]
    public async Task X_forwarded_for_does_not_make_a_remote_request_local()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        factory.RemoteAddress = IPAddress.Parse("10.1.2.3");
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.1");

        var validate = await session.PostAsync("validate");
        var finalize = await session.PostAsync("finalize", true, ("finalized_by", "Ana"));

        Assert.Equal(HttpStatusCode.Forbidden, validate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, finalize.StatusCode);
        Assert.False(File.Exists(factory.ValidationFile));
        Assert.False(File.Exists(factory.FinalizedFile));
    }

    [Fact]
    public async Task The_403_page_is_localized_and_reading_from_another_machine_still_works()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory, "pt-BR");
        factory.RemoteAddress = IPAddress.Parse("10.1.2.3");

        var refused = await session.SaveAsync("tenant", "acme");
        var page = await session.Client.GetAsync($"/service-engagement/{EngagementFactory.Device}");

        Assert.Contains("lang=\"pt-BR\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("só podem ser salvas a partir desta máquina", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Writes_over_the_rate_limit_get_429_with_the_localized_error_page()
    {
        using var factory = new EngagementFactory { WritesPerMinute = 2 };
        var session = await EngagementSession.StartAsync(factory, "pt-BR");

        var first = await session.SaveAsync("tenant", "acme");
        var second = await session.SaveAsync("tenant", "globex");
        var third = await session.SaveAsync("criticality", "low");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Contains("lang=\"pt-BR\"", await third.Content.ReadAsStringAsync());
        Assert.Equal(2, factory.Rows().Count);
        Assert.Contains(factory.Audit("engagement.refused"), e => e.Detail == "rate limited");
    }

    [Fact]
    public async Task Reading_pages_is_never_rate_limited()
    {
        using var factory = new EngagementFactory { WritesPerMinute = 1 };
        var client = await factory.CreateReadyClientAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/service-engagement/{EngagementFactory.Device}")).StatusCode);
        }
    }
}
