using System.Net;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Foundation;

public sealed class UnreadableArtifactTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    [Fact]
    public async Task A_corrupt_report_is_listed_as_unreadable_with_its_reason_while_the_rest_still_renders()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/artifacts?culture=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("compliance/2026-11-21/OLT-KTG-07.json", html);
        Assert.Contains("Unreadable: not valid JSON", html);
        Assert.Contains("compliance/2026-11-21/EDGE-BEL-01.json", html);
        Assert.Contains("data-status=\"readable\"", html);
    }

    [Fact]
    public async Task The_unreadable_filter_lists_only_broken_files()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/artifacts?unreadable=true");

        Assert.Contains("OLT-KTG-07.json", html);
        Assert.DoesNotContain("EDGE-BEL-01.json", html);
    }

    [Fact]
    public async Task A_file_broken_after_start_becomes_unreadable_on_the_next_index_pass()
    {
        using var own = new ConsoleFactory();
        var client = await own.CreateReadyClientAsync();

        await File.WriteAllTextAsync(Path.Combine(own.Root, "incidents", "INC-0042.json"), "{\"schema\":\"opsconsole/incident@2\"}");
        await own.ReindexAsync();
        var html = await client.GetStringAsync("/artifacts?unreadable=true");

        Assert.Contains("incidents/INC-0042.json", html);
        Assert.Contains("unsupported version", html);
    }
}
