using System.Net;
using OpsConsole.Web.Tests.Engagement;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Hardening;

/// <summary>The strict headers on every route, and the flags of every cookie the console sets.</summary>
public sealed class HeaderTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    public static TheoryData<string> AllRoutes() => [.. ConsoleRoutes.Basic.Concat(ConsoleRoutes.NonHtml)];

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Every_route_carries_csp_nosniff_frame_ancestors_and_referrer_policy_and_no_server_header(string route)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync(route);

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    [Fact]
    public async Task The_culture_and_antiforgery_cookies_are_httponly_and_samesite()
    {
        var client = await factory.CreateReadyClientAsync();

        var culture = await client.GetAsync("/devices?culture=pt-BR");
        var form = await client.GetAsync("/service-engagement/4WNET-MNS-KTG-RX/items/tenant");

        AssertFlags(culture, ".AspNetCore.Culture", "lax");
        AssertFlags(form, "opsconsole.af", "strict");
    }

    [Fact]
    public async Task The_tempdata_cookie_set_after_a_save_is_httponly_and_samesite()
    {
        using var engagement = new EngagementFactory();
        var session = await EngagementSession.StartAsync(engagement);

        var saved = await session.SaveAsync("tenant", "acme");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        AssertFlags(saved, ".AspNetCore.Mvc.CookieTempDataProvider", null);
    }

    private static void AssertFlags(HttpResponseMessage response, string name, string? sameSite)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; httponly", cookie);
        Assert.Contains(sameSite is null ? "; samesite=" : "; samesite=" + sameSite, cookie);
        Assert.DoesNotContain("samesite=none", cookie);
    }
}
