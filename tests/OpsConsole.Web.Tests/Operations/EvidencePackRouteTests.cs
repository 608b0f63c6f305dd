using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Resources;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Index;
using OpsConsole.Core.Operations;
using OpsConsole.Web.Infrastructure;

namespace OpsConsole.Web.Tests.Operations;

/// <summary><c>GET /controlled-operation/{cycle}/evidence-pack</c> over Fixtures/operations.</summary>
public sealed class EvidencePackRouteTests(OperationsFactory factory) : IClassFixture<OperationsFactory>
{
    [Fact]
    public async Task The_pack_downloads_as_a_zip_attachment_that_verifies()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync("/controlled-operation/cycle-002/evidence-pack?culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("evidence-pack-cycle-002.zip", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(EvidencePackVerifier.Verify(new MemoryStream(bytes)).IsIntact);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Contains(zip.Entries, e => e.FullName == "artifacts/operations/cycle-002/real-write-attempt.json");
        Assert.Contains(zip.Entries, e => e.FullName == "artifacts/batches/plans/BATCH-0201.json");
    }

    [Theory]
    [InlineData("cycle-404")]
    [InlineData("Cycle-002")]
    [InlineData("..")]
    public async Task An_unknown_or_malformed_cycle_is_404(string cycle)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.GetAsync($"/controlled-operation/{cycle}/evidence-pack");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("en", "Overall ladder status:", "Stop conditions at export time")]
    [InlineData("pt-BR", "Status geral da escada:", "Condições de parada no momento da exportação")]
    public async Task The_summary_is_complete_in_the_chosen_language(string culture, string overall, string stops)
    {
        var client = await factory.CreateReadyClientAsync();

        var summary = Summary(await client.GetByteArrayAsync($"/controlled-operation/cycle-missing/evidence-pack?culture={culture}"));

        Assert.Contains(overall, summary);
        Assert.Contains(stops, summary);
        Assert.DoesNotContain(EvidencePackText.MissingMarker, summary);
        // cycle-missing names gates without files: they are listed, never dropped.
        Assert.Matches(@"\| \S+/cycle-missing/\S+\.json \| \S+", summary);
        Assert.Matches(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", summary);
    }

    [Fact]
    public void Every_key_of_the_summary_texts_exists_in_portuguese_with_a_value()
    {
        var resources = EvidencePackText.Resources;
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        var portuguese = resources.GetResourceSet(CultureInfo.GetCultureInfo("pt-BR"), true, false)!.Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value);

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(portuguese.Keys));
        Assert.Empty(portuguese.Keys.Except(english.Keys));
        Assert.DoesNotContain(portuguese, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.All(LadderReasons.Templates.Keys, code => Assert.Contains("ladder." + code, english.Keys));
    }

    [Fact]
    public async Task Two_downloads_of_unchanged_artifacts_are_byte_identical()
    {
        var client = await factory.CreateReadyClientAsync();

        var first = await client.GetByteArrayAsync("/controlled-operation/cycle-002/evidence-pack?culture=en");
        var second = await client.GetByteArrayAsync("/controlled-operation/cycle-002/evidence-pack?culture=en");

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_cycle_page_links_to_its_pack_and_each_download_is_audited()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/controlled-operation/cycle-002?culture=en");
        await client.GetAsync("/controlled-operation/cycle-002/evidence-pack");

        Assert.Contains("href=\"/controlled-operation/cycle-002/evidence-pack\"", html);
        Assert.Contains("Download the evidence pack (zip)", html);
        var events = factory.Services.GetRequiredService<OpsConsole.Core.Audit.IAuditStore>().ReadChain()
            .Where(e => e.Type == "evidence-pack" && e.Target == "cycle-002").ToList();
        Assert.Contains(events, e => e.Outcome == "ok" && e.Detail!.Contains("sha256 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reports/a.csv")]
    [InlineData("x/b.JSON")]
    [InlineData("c.log")]
    [InlineData("d.md")]
    [InlineData("e.txt")]
    [InlineData("f.exe")]
    [InlineData("g.yaml")]
    [InlineData(".env")]
    [InlineData("secrets/a.json")]
    [InlineData("keys/id_rsa")]
    [InlineData("tls/server.pem")]
    [InlineData("api-token.txt")]
    [InlineData(".git/config.json")]
    [InlineData("password-list.csv")]
    public void The_pack_carries_exactly_what_the_download_endpoint_serves(string path)
    {
        Assert.Equal(DownloadPolicy.ContentTypeFor(path) is not null, SafeFileRule.Refusal(path) is null);
    }

    private static string Summary(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry("SUMMARY.md")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
