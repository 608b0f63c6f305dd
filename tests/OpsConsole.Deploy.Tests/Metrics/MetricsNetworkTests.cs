using System.Net;
using OpsConsole.Deploy.Tests.Support;

namespace OpsConsole.Deploy.Tests.Metrics;

/// <summary><c>/metrics</c> answers only the networks in <c>OpsConsole:Metrics:AllowedNetworks</c> (loopback by default).</summary>
public sealed class MetricsNetworkTests
{
    [Fact]
    public async Task By_default_loopback_may_scrape_and_any_other_address_gets_404()
    {
        using var factory = new DemoConsoleFactory();
        var client = await factory.CreateReadyClientAsync();

        var local = await client.GetAsync("/metrics");
        factory.RemoteAddress = IPAddress.Parse("203.0.113.5");
        var remote = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Contains("opsconsole_stop_condition_state", await local.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, remote.StatusCode);
        Assert.DoesNotContain("opsconsole_", await remote.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_configured_network_may_scrape_and_loopback_then_may_not()
    {
        using var factory = new DemoConsoleFactory(new Dictionary<string, string>
        {
            ["OpsConsole:Metrics:AllowedNetworks:0"] = "10.20.0.0/24",
            ["OpsConsole:Metrics:AllowedNetworks:1"] = "2001:db8::/64",
        });
        var client = await factory.CreateReadyClientAsync();

        var loopback = await client.GetAsync("/metrics");
        factory.RemoteAddress = IPAddress.Parse("10.20.0.7");
        var monitoring = await client.GetAsync("/metrics");
        factory.RemoteAddress = IPAddress.Parse("2001:db8::15");
        var monitoringV6 = await client.GetAsync("/metrics");
        factory.RemoteAddress = IPAddress.Parse("10.20.1.7");
        var neighbour = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, loopback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, monitoring.StatusCode);
        Assert.Equal(HttpStatusCode.OK, monitoringV6.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, neighbour.StatusCode);
    }

    [Fact]
    public async Task Through_a_trusted_proxy_the_forwarded_client_counts_not_the_proxy()
    {
        using var factory = new DemoConsoleFactory(new Dictionary<string, string> { ["OpsConsole:Engagement:TrustedProxies:0"] = "127.0.0.1" });
        var client = await factory.CreateReadyClientAsync();

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.5");
        var throughProxy = await client.SendAsync(forwarded);
        var onTheHost = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, throughProxy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onTheHost.StatusCode);
    }
}
