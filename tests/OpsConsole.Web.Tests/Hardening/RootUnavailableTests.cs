using System.Net;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Hardening;

/// <summary>The artifact root disappearing at run time: a clear state everywhere, 503 readiness, automatic recovery.</summary>
public sealed class RootUnavailableTests
{
    [Fact]
    public async Task Every_feature_shows_root_unavailable_while_it_is_gone_and_recovers_when_it_returns()
    {
        using var factory = new ConsoleFactory();
        var client = await factory.CreateReadyClientAsync();
        var moved = factory.Root + ".away";

        Directory.Move(factory.Root, moved);
        var ready = await client.GetAsync("/health/ready");
        var gone = new List<string>();
        foreach (var route in ConsoleRoutes.ListAndDetailPerFeature)
        {
            var response = await client.GetAsync(route);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound) || !html.Contains("Artifact root unavailable", StringComparison.Ordinal))
            {
                gone.Add($"{(int)response.StatusCode} {route}");
            }
        }

        Directory.Move(moved, factory.Root);
        var back = await client.GetAsync("/health/ready");
        var recovered = new List<string>();
        foreach (var route in ConsoleRoutes.ListAndDetailPerFeature)
        {
            var response = await client.GetAsync(route);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || html.Contains("Artifact root unavailable", StringComparison.Ordinal))
            {
                recovered.Add($"{(int)response.StatusCode} {route}");
            }
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.True(gone.Count == 0, "pages without the root-unavailable state:\n" + string.Join("\n", gone));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.True(recovered.Count == 0, "pages not recovered:\n" + string.Join("\n", recovered));
    }
}
