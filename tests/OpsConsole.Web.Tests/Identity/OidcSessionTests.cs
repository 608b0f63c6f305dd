using System.Net;
using OpsConsole.Web.Tests.Engagement;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Identity;

/// <summary>Oidc mode without a provider: session cookies are made with the app's own cookie protector.</summary>
public sealed class OidcSessionTests
{
    [Fact]
    public async Task An_anonymous_page_read_is_sent_to_the_provider_with_pkce()
    {
        using var factory = new IdentityFactory { Mode = "Oidc" };
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/devices");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(IdentityFactory.Authority + "/protocol/openid-connect/auth?", location);
        Assert.Contains("response_type=code", location);
        Assert.Contains("code_challenge_method=S256", location);
        Assert.Contains("client_id=opsconsole", location);
    }

    [Fact]
    public async Task A_valid_session_reads_pages_and_the_header_offers_sign_out()
    {
        using var factory = new IdentityFactory { Mode = "Oidc" };
        var client = await factory.SignedInClientAsync(TestUser.Operator);

        var html = await Page.HtmlAsync(client, "/?culture=en");

        Assert.Contains("Signed in as olga.operadora Role: NOC operator", Page.Text(html));
        Assert.Contains("action=\"/account/sign-out\"", html);
        Assert.Contains("__RequestVerificationToken", html[html.IndexOf("/account/sign-out", StringComparison.Ordinal)..]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_forged_or_expired_session_cookie_gets_a_localized_401_on_post_an_audit_event_and_no_write(bool expired)
    {
        using var factory = new IdentityFactory { Mode = "Oidc" };
        var client = expired
            ? await factory.SignedInClientAsync(TestUser.TransportLead, expired: true, culture: "pt-BR")
            : await factory.CookieClientAsync("opsconsole.session", "CfDJ8forged-value", "pt-BR");

        var response = await client.PostAsync($"/service-engagement/{EngagementFactory.Device}?handler=save",
            new FormUrlEncodedContent([new("item_id", "tenant"), new("value", "acme"), new("responded_by", "ana")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sua sessão expirou ou não foi emitida por este console", Page.Text(await response.Content.ReadAsStringAsync()));
        Assert.False(File.Exists(factory.ResponsesFile));
        Assert.Contains(factory.Audit("identity.refused"), e => e.Detail == "session cookie is forged, expired or from another key");
    }

    [Fact]
    public async Task A_forged_cookie_on_a_page_read_is_audited_and_sent_to_sign_in_again()
    {
        using var factory = new IdentityFactory { Mode = "Oidc" };
        var client = await factory.CookieClientAsync("opsconsole.session", "not-a-ticket");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentityFactory.Authority, response.Headers.Location!.ToString());
        Assert.Single(factory.Audit("identity.refused"));
    }

    [Fact]
    public async Task A_session_without_a_groups_claim_gets_the_no_access_page()
    {
        using var factory = new IdentityFactory { Mode = "Oidc" };
        var client = await factory.SignedInClientAsync(TestUser.NoGroups);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You are signed in as sem.grupos, but none of your groups (none) has a role", Page.Text(await response.Content.ReadAsStringAsync()));
        Assert.Contains(factory.Audit("identity.refused"), e => e.Actor == "sem.grupos");
    }

    [Fact]
    public async Task A_lead_with_a_valid_session_saves_as_themselves_and_sign_out_ends_the_session()
    {
        using var factory = new IdentityFactory { Mode = "Oidc" };
        var session = await IdentityFactory.SessionAsync(await factory.SignedInClientAsync(TestUser.TransportLead));

        var saved = await session.SaveAsync("tenant", "acme", respondedBy: "someone else");
        var html = await session.Client.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(html[html.IndexOf("/account/sign-out", StringComparison.Ordinal)..],
            "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var signOut = await session.Client.PostAsync("/account/sign-out", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("ana.lider", Assert.Single(factory.Rows()).RespondedBy);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(IdentityFactory.Authority + "/protocol/openid-connect/logout", signOut.Headers.Location!.ToString());
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("opsconsole.session=;", StringComparison.Ordinal));
        Assert.Contains(factory.Audit("identity.signout"), e => e.Actor == "ana.lider");
    }

    [Fact]
    public async Task The_csp_lets_the_sign_out_form_reach_the_provider_and_nothing_else()
    {
        using var factory = new IdentityFactory { Mode = "Oidc" };
        var client = await factory.SignedInClientAsync(TestUser.Operator);

        var response = await client.GetAsync("/");

        Assert.EndsWith("form-action 'self' https://sso.example.test", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
