using System.Net;
using OpsConsole.Web.Tests.Engagement;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Identity;

public sealed class IdentityIsTheTruthTests
{
    [Fact]
    public async Task Responded_by_is_the_signed_in_user_whatever_the_form_says_and_the_form_no_longer_asks()
    {
        using var factory = new IdentityFactory();
        var session = await IdentityFactory.SessionAsync(await factory.ProxiedClientAsync(TestUser.TransportLead));
        var form = await session.LoadTokenAsync($"/service-engagement/{EngagementFactory.Device}/items/tenant");

        var saved = await session.SaveAsync("tenant", "acme", respondedBy: "Mallory");

        Assert.DoesNotContain("name=\"responded_by\"", form);
        Assert.Contains("Answering as ana.lider", Page.Text(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("ana.lider", Assert.Single(factory.Rows()).RespondedBy);
        Assert.Equal("ana.lider", Assert.Single(factory.Audit("engagement.save")).Actor);
    }

    [Fact]
    public async Task Validate_and_finalize_are_audited_under_the_signed_in_user()
    {
        using var factory = new IdentityFactory();
        var session = await IdentityFactory.SessionAsync(await factory.ProxiedClientAsync(TestUser.TransportLead));

        await session.PostAsync("validate");
        await session.PostAsync("finalize", true, ("finalized_by", "Mallory"));

        Assert.All(factory.Audit("engagement.validate"), e => Assert.Equal("ana.lider", e.Actor));
        Assert.All(factory.Audit("engagement.finalize"), e => Assert.Equal("ana.lider", e.Actor));
        Assert.NotEmpty(factory.Audit("engagement.validate"));
        Assert.NotEmpty(factory.Audit("engagement.finalize"));
    }

    [Fact]
    public async Task The_write_limit_counts_per_user_even_behind_one_proxy_address()
    {
        using var factory = new IdentityFactory { WritesPerMinute = 2 };
        var ana = await IdentityFactory.SessionAsync(await factory.ProxiedClientAsync(TestUser.TransportLead));
        var other = await IdentityFactory.SessionAsync(await factory.ProxiedClientAsync(new TestUser("rui.lider", "lideres-transporte")));

        var first = await ana.SaveAsync("tenant", "acme");
        var second = await ana.SaveAsync("tenant", "globex");
        var third = await ana.SaveAsync("tenant", "initech");
        var otherUser = await other.SaveAsync("tenant", "acme");

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, (HttpStatusCode)429, HttpStatusCode.Redirect],
            [first.StatusCode, second.StatusCode, third.StatusCode, otherUser.StatusCode]);
        Assert.Contains(factory.Audit("engagement.refused"), e => e.Actor == "ana.lider" && e.Detail == "rate limited");
    }

    [Fact]
    public async Task A_post_without_antiforgery_gets_a_localized_403_an_audit_event_and_no_write()
    {
        using var factory = new IdentityFactory();
        var session = await IdentityFactory.SessionAsync(await factory.ProxiedClientAsync(TestUser.TransportLead, "pt-BR"));

        var response = await session.SaveAsync("tenant", "acme", withToken: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("O formulário expirou", Page.Text(await response.Content.ReadAsStringAsync()));
        Assert.False(File.Exists(factory.ResponsesFile));
        Assert.Contains(factory.Audit("engagement.refused"), e => e.Actor == "ana.lider" && e.Detail == "antiforgery token missing or invalid");
    }

    [Fact]
    public async Task A_lead_of_another_team_gets_a_localized_403_page()
    {
        using var factory = new IdentityFactory();
        var session = await IdentityFactory.SessionAsync(await factory.ProxiedClientAsync(TestUser.OtherTeamLead, "pt-BR"));

        var response = await session.SaveAsync("tenant", "acme");
        var page = await session.Client.GetStringAsync($"/service-engagement/{EngagementFactory.Device}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Somente um líder da equipe Transport pode salvar", Page.Text(await response.Content.ReadAsStringAsync()));
        Assert.Contains("Somente um líder da equipe Transport pode salvar", Page.Text(page));
        Assert.False(File.Exists(factory.ResponsesFile));
    }

    [Fact]
    public async Task Downloads_are_audited_under_the_signed_in_user()
    {
        using var factory = new IdentityFactory();
        var client = await factory.ProxiedClientAsync(TestUser.Approver);

        var response = await client.GetAsync("/download?path=devices.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(factory.Audit("download"), e => e.Actor == "carlos.lima" && e.Outcome == "ok");
    }
}
