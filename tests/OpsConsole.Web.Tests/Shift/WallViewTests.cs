using Microsoft.AspNetCore.Hosting;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Shift;

/// <summary>The app with the wall refresh set to 15 s.</summary>
public sealed class WallFactory : ConsoleFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OpsConsole:Wall:RefreshSeconds", "15");
    }
}

/// <summary>
/// The NOC wall (?wall=1): the page reloads itself with a meta refresh (no JavaScript), carries the dark
/// large-type class and a visible "as of" time, in both languages; other pages ignore the switch.
/// </summary>
public sealed class WallViewTests : IClassFixture<WallFactory>
{
    private readonly WallFactory _factory;

    public WallViewTests(WallFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/?wall=1", "en", "As of ")]
    [InlineData("/stop-conditions?wall=1", "en", "As of ")]
    [InlineData("/?wall=1", "pt-BR", "Em ")]
    [InlineData("/stop-conditions?wall=1", "pt-BR", "Em ")]
    public async Task TheWallRefreshesItselfAndShowsWhenItWasDrawn(string url, string culture, string asOf)
    {
        var client = await _factory.CreateReadyClientAsync(culture);

        var html = await client.GetStringAsync(url);

        Assert.Contains("<meta http-equiv=\"refresh\" content=\"15\">", html);
        Assert.Contains("<body class=\"wall\">", html);
        Assert.Matches($"<strong class=\"wall-asof\">{asOf}[^<]*\\(UTC", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/devices?wall=1")]
    public async Task WithoutTheSwitchOrOnAnotherPageThereIsNoRefresh(string url)
    {
        var client = await _factory.CreateReadyClientAsync("en");

        var html = await client.GetStringAsync(url);

        Assert.DoesNotContain("http-equiv=\"refresh\"", html);
        Assert.DoesNotContain("class=\"wall\"", html);
    }

    [Fact]
    public async Task TheDefaultRefreshIsSixtySeconds()
    {
        using var factory = new ConsoleFactory();
        var client = await factory.CreateReadyClientAsync("en");

        var html = await client.GetStringAsync("/?wall=1");

        Assert.Contains("<meta http-equiv=\"refresh\" content=\"60\">", html);
    }
}
