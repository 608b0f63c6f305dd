using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Foundation;

/// <summary>A factory whose root also holds sensitive-looking files and a link leading outside.</summary>
public sealed class DownloadFactory : ConsoleFactory
{
    public DownloadFactory() : base("basic", Prepare)
    {
    }

    public static string OutsideSecret { get; } = "outside-the-root-" + Guid.NewGuid().ToString("N");

    private static void Prepare(string root)
    {
        File.WriteAllText(Path.Combine(root, ".env"), "DB_PASSWORD=hunter2\n");
        Directory.CreateDirectory(Path.Combine(root, ".hidden"));
        File.WriteAllText(Path.Combine(root, ".hidden", "readme.txt"), "hidden\n");
        File.WriteAllText(Path.Combine(root, "secret-notes.txt"), "x\n");
        File.WriteAllText(Path.Combine(root, "other", "api-token.txt"), "x\n");
        File.WriteAllText(Path.Combine(root, "other", "server.key"), "x\n");
        File.WriteAllText(Path.Combine(root, "other", "server.pem"), "x\n");
        File.WriteAllText(Path.Combine(root, "other", "id_rsa"), "x\n");
        File.WriteAllText(Path.Combine(root, "other", "leak.log"), "export NETBOX_WRITE_TOKEN=abcd1234efgh5678ijkl\n");
        var outside = Path.Combine(Path.GetDirectoryName(root)!, "outside.txt");
        File.WriteAllText(outside, OutsideSecret);
        File.CreateSymbolicLink(Path.Combine(root, "other", "link.txt"), outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "linkdir"), Path.GetDirectoryName(root)!);
    }
}

public sealed class DownloadTests(DownloadFactory factory) : IClassFixture<DownloadFactory>
{
    public static TheoryData<string> HostilePaths => new()
    {
        "../outside.txt", "..%2foutside.txt", "%2e%2e/outside.txt", "%252e%252e%252foutside.txt", "..%252foutside.txt",
        "%c0%ae%c0%ae/outside.txt", "%c0%ae%c0%ae%c0%afoutside.txt", "..\\outside.txt", "..%5coutside.txt", "/etc/passwd",
        "%2fetc%2fpasswd", "//etc/passwd", "C:/Windows/win.ini", "c:outside.txt", "other/../../outside.txt", "other/%2e%2e/%2e%2e/outside.txt",
        "devices.json%00.txt", "devices.json%00", "other/notes.txt%0d%0aSet-Cookie:x=1", "%ef%bc%8e%ef%bc%8e/outside.txt",
        "other/link.txt", "linkdir/outside.txt", "linkdir/root/devices.json", ".env", ".hidden/readme.txt", "secret-notes.txt",
        "other/api-token.txt", "other/server.key", "other/server.pem", "other/id_rsa", "other/run.sh", "other/leak.log",
        "./devices.json", "devices.json/", "~/devices.json", "", "%20", new string('a', 600) + ".json", "other//notes.txt",
        "compliance/2026-11-21/../../../outside.txt",
    };

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public async Task Hostile_or_sensitive_paths_are_refused_with_a_bare_404(string path)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/download?path=" + path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(DownloadFactory.OutsideSecret, body);
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("abcd1234", body);
        Assert.DoesNotContain(factory.Root, body);
    }

    [Fact]
    public async Task An_allowed_artifact_downloads_with_a_server_chosen_name_and_nosniff()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/download?path=compliance/2026-11-21/EDGE-BEL-01.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("opsconsole_compliance_2026-11-21_EDGE-BEL-01.json", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(factory.Root, "compliance/2026-11-21/EDGE-BEL-01.json")),
            await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("handoff/noc-handoff.md", "text/markdown")]
    [InlineData("executions/week1-real-run.log", "text/plain")]
    [InlineData("other/notes.txt", "text/plain")]
    public async Task Each_allowed_kind_is_served_as_text(string path, string mediaType)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/download?path=" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Downloads_and_refusals_are_audited()
    {
        var client = await factory.CreateReadyClientAsync();
        await client.GetAsync("/download?path=devices.json");
        await client.GetAsync("/download?path=../outside.txt");

        var events = factory.Services.GetRequiredService<OpsConsole.Core.Audit.IAuditStore>().ReadChain().Where(e => e.Type == "download").ToList();

        Assert.Contains(events, e => e.Target == "devices.json" && e.Outcome == "ok");
        Assert.Contains(events, e => e.Outcome == "refused" && e.Target == "../outside.txt");
    }
}
