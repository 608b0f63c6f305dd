using OpsConsole.Web.Tests.Engagement;
using OpsConsole.Web.Tests.Hardening;

namespace OpsConsole.Web.Tests.Identity;

/// <summary>The pages only identified users see (header, forms without a name field, 401/403 pages) pass the Nu HTML Checker.</summary>
public sealed class IdentityHtmlValidityTests
{
    [Fact]
    public async Task Identity_pages_pass_the_nu_html_checker_without_errors()
    {
        var jar = Path.Combine(HtmlValidityTests.RepositoryRoot(), "tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} is missing: run `npm ci --prefix tools/vnu` (scripts/test.sh does it)");
        using var proxied = new IdentityFactory();
        using var oidc = new IdentityFactory { Mode = "Oidc" };
        var device = $"/service-engagement/{EngagementFactory.Device}";
        var pages = new List<(string Name, HttpClient Client, string Route)>
        {
            ("lead dashboard", await proxied.ProxiedClientAsync(TestUser.TransportLead), "/"),
            ("lead device", await proxied.ProxiedClientAsync(TestUser.TransportLead), device),
            ("lead item", await proxied.ProxiedClientAsync(TestUser.TransportLead, "pt-BR"), device + "/items/tenant"),
            ("operator device", await proxied.ProxiedClientAsync(TestUser.Operator), device),
            ("no access", await proxied.ProxiedClientAsync(TestUser.NoRole), "/"),
            ("sign-in required", await proxied.ProxiedClientAsync(null, "pt-BR"), "/"),
            ("oidc header with sign-out", await oidc.SignedInClientAsync(TestUser.Approver), "/approval-queue"),
            ("signed out", await oidc.SignedInClientAsync(TestUser.Approver), "/account/signed-out"),
        };
        var folder = Directory.CreateTempSubdirectory("opsconsole-vnu-identity-");
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var ((name, client, route), i) in pages.Select((p, i) => (p, i)))
            {
                var file = Path.Combine(folder.FullName, $"identity{i:00}.html");
                await File.WriteAllTextAsync(file, await (await client.GetAsync(route)).Content.ReadAsStringAsync());
                files[new Uri(file).AbsoluteUri] = name;
            }

            var errors = HtmlValidityTests.RunChecker(jar, files.Keys.Select(u => new Uri(u).LocalPath))
                .Select(e => $"{(files.TryGetValue(e.Url, out var n) ? n : e.Url)} line {e.Line}: {e.Message}").ToList();

            Assert.True(errors.Count == 0, "HTML errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
