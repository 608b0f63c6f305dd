using OpsConsole.Web.Infrastructure.Identity;

namespace OpsConsole.Web.Tests.Identity;

public sealed class IdentityOptionsTests
{
    public static TheoryData<string, string, string, string> BadSettings => new()
    {
        { "Oidc", "OpsConsole:Identity:Oidc:Authority", "", "OpsConsole:Identity:Oidc:Authority is missing" },
        { "Oidc", "OpsConsole:Identity:Oidc:ClientId", "", "OpsConsole:Identity:Oidc:ClientId is missing" },
        { "Oidc", "OpsConsole:Identity:Oidc:Authority", "http://sso.example.test/realms/noc", "must use https" },
        { "ProxyHeaders", "OpsConsole:Identity:TrustedProxies:0", "10.0.0.0/99", "is not a CIDR" },
        { "ProxyHeaders", "OpsConsole:Identity:Roles:admin:0", "root", "the roles are: operator, approver" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_identity_setting_stops_start_up(string mode, string key, string value, string message)
    {
        using var factory = new IdentityFactory { Mode = mode, Settings = new() { [key] = value } };

        var failure = await Record.ExceptionAsync(() => factory.CreateReadyClientAsync());

        Assert.NotNull(failure);
        Assert.Contains(message, Validate(mode, key, value)); // the line Program.cs logs as "OpsConsole failed to start: …"
    }

    [Fact]
    public void Without_a_mapped_group_nobody_could_use_the_console_so_start_up_refuses()
    {
        var options = new ConsoleIdentityOptions { Mode = IdentityMode.ProxyHeaders, TrustedProxies = ["127.0.0.1/32"] };

        var result = new ConsoleIdentityValidation().Validate(null, options);

        Assert.Contains("map no group", result.FailureMessage);
    }

    [Fact]
    public void LocalOnly_needs_no_identity_setting()
    {
        Assert.True(new ConsoleIdentityValidation().Validate(null, new ConsoleIdentityOptions()).Succeeded);
    }

    [Fact]
    public async Task Plain_http_metadata_is_accepted_only_for_a_loopback_test_provider()
    {
        using var factory = new IdentityFactory
        {
            Mode = "Oidc",
            Settings = new() { ["OpsConsole:Identity:Oidc:Authority"] = "http://127.0.0.1:5999/", ["OpsConsole:Identity:Oidc:RequireHttpsMetadata"] = "false" },
        };

        var client = await factory.CreateReadyClientAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var remote = new ConsoleIdentityOptions
        {
            Mode = IdentityMode.Oidc,
            Roles = new() { ["operator"] = ["noc"] },
            Oidc = new OidcSettings { Authority = "http://10.1.1.1/", ClientId = "opsconsole", RequireHttpsMetadata = false },
        };
        Assert.Contains("must use https", new ConsoleIdentityValidation().Validate(null, remote).FailureMessage);
    }

    /// <summary>The validator's message for the factory's settings with one changed.</summary>
    private static string Validate(string mode, string key, string value)
    {
        var options = new ConsoleIdentityOptions
        {
            Mode = Enum.Parse<IdentityMode>(mode),
            TrustedProxies = ["10.0.0.0/24"],
            Roles = new() { ["operator"] = ["noc"] },
            Oidc = new OidcSettings { Authority = IdentityFactory.Authority, ClientId = "opsconsole" },
        };
        switch (key)
        {
            case "OpsConsole:Identity:Oidc:Authority": options.Oidc.Authority = value; break;
            case "OpsConsole:Identity:Oidc:ClientId": options.Oidc.ClientId = value; break;
            case "OpsConsole:Identity:TrustedProxies:0": options.TrustedProxies = [value]; break;
            default: options.Roles["admin"] = [value]; break;
        }

        return new ConsoleIdentityValidation().Validate(null, options).FailureMessage ?? "";
    }
}
