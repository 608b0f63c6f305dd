using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Foundation;

public sealed class SecurityHeadersTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/artifacts")]
    [InlineData("/health")]
    [InlineData("/download?path=devices.json")]
    [InlineData("/download?path=../x")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    public async Task Every_response_carries_the_strict_headers_and_no_server_header(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_and_no_external_assets()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/artifacts");

        Assert.DoesNotMatch("<script(?![^>]*src=\"/)", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal));
        Assert.DoesNotContain("https://", html);
    }
}
