using System.Net;
using OpsConsole.Web.Tests.Engagement;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Identity;

public sealed class ProxyHeadersTests
{
    [Fact]
    public async Task Identity_headers_from_a_trusted_proxy_sign_the_user_in_and_the_header_shows_name_and_role()
    {
        using var factory = new IdentityFactory();
        var client = await factory.ProxiedClientAsync(TestUser.TransportLead);

        var en = Page.Text(await Page.HtmlAsync(client, "/?culture=en"));
        var pt = Page.Text(await Page.HtmlAsync(client, "/?culture=pt-BR"));

        Assert.Contains("Signed in as ana.lider Role: Team lead of Transport", en);
        Assert.Contains("Conectado como ana.lider Papel: Líder da equipe Transport", pt);
        Assert.DoesNotContain("Sign out", en); // the proxy owns the session in this mode
    }

    [Fact]
    public async Task Spoofed_identity_headers_from_an_untrusted_peer_are_ignored_refused_with_a_localized_401_and_audited()
    {
        using var factory = new IdentityFactory();
        var client = await factory.ProxiedClientAsync(TestUser.TransportLead, "pt-BR");
        factory.RemoteAddress = IPAddress.Parse("192.168.7.9");

        var read = await client.GetAsync("/");
        var write = await client.PostAsync($"/service-engagement/{EngagementFactory.Device}?handler=save",
            new FormUrlEncodedContent([new("item_id", "tenant"), new("value", "acme")]));

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        var page = await read.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"pt-BR\"", page);
        Assert.Contains("não passou pelo proxy de autenticação", Page.Text(page));
        Assert.DoesNotContain("ana.lider", Page.Text(page));
        Assert.False(File.Exists(factory.ResponsesFile));
        var events = factory.Audit("identity.refused");
        Assert.Equal(2, events.Count(e => e.Source == "web 192.168.7.9" && e.Actor == "(anonymous)" && e.Detail!.Contains("not a trusted proxy", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_peer_inside_the_trusted_cidr_is_believed_and_one_just_outside_is_not()
    {
        using var factory = new IdentityFactory();
        var client = await factory.ProxiedClientAsync(TestUser.Operator);

        factory.RemoteAddress = IPAddress.Parse("10.0.0.254");
        var inside = await client.GetAsync("/devices");
        factory.RemoteAddress = IPAddress.Parse("10.0.1.1");
        var outside = await client.GetAsync("/devices");
        factory.RemoteAddress = IPAddress.Parse("::ffff:10.0.0.7");
        var mapped = await client.GetAsync("/devices");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (inside.StatusCode, outside.StatusCode, mapped.StatusCode));
    }

    [Fact]
    public async Task A_user_without_a_role_sees_a_localized_no_access_page_naming_their_groups()
    {
        using var factory = new IdentityFactory();
        var en = await factory.ProxiedClientAsync(TestUser.NoRole, "en");
        var pt = await factory.ProxiedClientAsync(TestUser.NoGroups, "pt-BR");

        var refused = await en.GetAsync("/approval-queue");
        var refusedPt = await pt.GetAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("You are signed in as visitante, but none of your groups (marketing) has a role", Page.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, refusedPt.StatusCode);
        Assert.Contains("Você está conectado como sem.grupos, mas nenhum dos seus grupos (nenhum)", Page.Text(await refusedPt.Content.ReadAsStringAsync()));
        Assert.Contains(factory.Audit("identity.refused"), e => e.Actor == "visitante" && e.Detail!.Contains("marketing", StringComparison.Ordinal));
        Assert.Contains(factory.Audit("identity.refused"), e => e.Actor == "sem.grupos" && e.Detail == "no role: the identity carries no groups");
    }

    [Fact]
    public async Task A_user_header_with_control_characters_is_not_believed()
    {
        using var factory = new IdentityFactory();
        var client = await factory.CreateReadyClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("X-Forwarded-User", "ana.lider\u0007");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Groups", "lideres-transporte");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
