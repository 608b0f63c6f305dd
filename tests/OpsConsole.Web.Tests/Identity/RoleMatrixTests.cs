using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Web.Tests.Engagement;
using OpsConsole.Web.Tests.Infrastructure;
using PageActionDescriptor = Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor;

namespace OpsConsole.Web.Tests.Identity;

/// <summary>Who may read what and who may write, over every page of the app (ProxyHeaders mode).</summary>
public sealed partial class RoleMatrixTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    /// <summary>Real pages of the fixture, each expected to answer 200 to any role.</summary>
    public static TheoryData<string> ReadableRoutes => new()
    {
        "/", "/devices", "/devices/4WNET-MNS-KTG-RX", "/compliance-reports", "/incidents", "/incidents/INC-0042", "/batch-results",
        "/approval-queue", "/service-engagement", "/service-engagement/4WNET-MNS-KTG-RX", "/service-engagement/4WNET-MNS-KTG-RX/items/tenant",
        "/service-engagement/4WNET-MNS-KTG-RX/validation", "/controlled-operation", "/stop-conditions", "/handoff", "/metrics-board", "/audit",
        "/artifacts", "/download?path=devices.json", "/archive",
    };

    public static TheoryData<string> ReaderRoles => new() { "operator", "approver", "lead", "other-lead" };

    [Theory]
    [MemberData(nameof(ReadableRoutes))]
    public async Task Every_role_reads_every_page(string route)
    {
        foreach (var user in new[] { TestUser.Operator, TestUser.Approver, TestUser.TransportLead, TestUser.OtherTeamLead })
        {
            var client = await factory.ProxiedClientAsync(user);

            var response = await client.GetAsync(route);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user.Name} GET {route}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_page_endpoint_refuses_anonymous_with_401_and_users_without_a_role_with_403()
    {
        var anonymous = await factory.ProxiedClientAsync(null);
        var noRole = await factory.ProxiedClientAsync(TestUser.NoRole);
        var routes = PageRoutes().ToList();
        Assert.True(routes.Count >= 20, "the page routes were not found");

        foreach (var route in routes)
        {
            Assert.Equal((route, HttpStatusCode.Unauthorized), (route, (await anonymous.GetAsync(route)).StatusCode));
            Assert.Equal((route, HttpStatusCode.Forbidden), (route, (await noRole.GetAsync(route)).StatusCode));
        }
    }

    [Fact]
    public async Task Only_the_error_and_sign_out_pages_are_open_to_anonymous_users()
    {
        await factory.WaitReadyAsync();
        var open = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["account/sign-out", "account/signed-out", "error/{code:int?}"], open);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_stays_open_to_anonymous_callers(string route)
    {
        var anonymous = await factory.ProxiedClientAsync(null);

        var response = await anonymous.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("approver")]
    [InlineData("other-lead")]
    public async Task Only_a_lead_of_the_packages_team_may_save_validate_or_finalize(string who)
    {
        var user = who switch { "operator" => TestUser.Operator, "approver" => TestUser.Approver, _ => TestUser.OtherTeamLead };
        var session = await IdentityFactory.SessionAsync(await factory.ProxiedClientAsync(user));
        var before = factory.Rows().Count;

        var save = await session.SaveAsync("tenant", "acme");
        var validate = await session.PostAsync("validate");
        var finalize = await session.PostAsync("finalize", true, ("finalized_by", "x"));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [save.StatusCode, validate.StatusCode, finalize.StatusCode]);
        Assert.Contains("Only a lead of team Transport", Page.Text(await save.Content.ReadAsStringAsync()));
        Assert.Equal(before, factory.Rows().Count);
        Assert.Contains(factory.Audit("engagement.refused"), e => e.Actor == user.Name && e.Detail == "not a lead of team Transport");
    }

    [Fact]
    public async Task The_teams_lead_saves_and_validates()
    {
        var session = await IdentityFactory.SessionAsync(await factory.ProxiedClientAsync(TestUser.TransportLead));

        var save = await session.SaveAsync("tenant", "acme");
        var validate = await session.PostAsync("validate");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, validate.StatusCode);
        Assert.Contains(factory.Rows(), r => r.ItemId == "tenant" && r.RespondedBy == TestUser.TransportLead.Name);
    }

    [Fact]
    public async Task An_anonymous_post_gets_401_and_writes_nothing()
    {
        var anonymous = await factory.ProxiedClientAsync(null);
        var before = factory.Rows().Count;

        var response = await anonymous.PostAsync($"/service-engagement/{EngagementFactory.Device}?handler=save",
            new FormUrlEncodedContent([new("item_id", "tenant"), new("value", "acme"), new("responded_by", "Ana")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, factory.Rows().Count);
        Assert.Contains(factory.Audit("identity.refused"), e => e.Detail == "not signed in" && e.Target!.StartsWith("POST ", StringComparison.Ordinal));
    }

    /// <summary>Every GET page route of the app, with sample values for its parameters.</summary>
    private IEnumerable<string> PageRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => "/" + Parameter().Replace(e.RoutePattern.RawText ?? "", "sample"))
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex Parameter();
}
