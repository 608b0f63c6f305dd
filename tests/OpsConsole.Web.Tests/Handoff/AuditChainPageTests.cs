using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Audit;
using OpsConsole.Tests.Fixtures;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Handoff;

/// <summary>/audit says whether the whole hash chain verifies, in both languages, and names the first broken event.</summary>
public sealed class AuditChainPageTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();

    [Fact]
    public async Task An_untouched_trail_reads_chain_intact()
    {
        var client = await _factory.CreateReadyClientAsync();
        await client.GetAsync("/download?path=devices.json");
        var events = _factory.Services.GetRequiredService<IAuditStore>().Verify().Events;

        var en = await client.GetStringAsync("/audit?culture=en");
        var pt = await client.GetStringAsync("/audit?culture=pt-BR");

        Assert.Contains("data-chain=\"intact\"", en, StringComparison.Ordinal);
        Assert.Contains($"Chain intact: all {events} events verify", en, StringComparison.Ordinal);
        Assert.Contains($"Cadeia íntegra: os {events} eventos conferem", pt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_event_reads_chain_broken_at_that_event_even_on_another_page()
    {
        var client = await _factory.CreateReadyClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("/download?path=devices.json");
        }

        AuditTamper.Execute(_factory.AuditPath, "UPDATE audit_events SET Outcome = 'ok', Target = 'nothing.csv' WHERE Id = 2;");

        var en = await client.GetStringAsync("/audit?culture=en&size=1");
        var pt = await client.GetStringAsync("/audit?culture=pt-BR&size=1");

        Assert.Contains("data-chain=\"broken\" data-broken-at=\"2\"", en, StringComparison.Ordinal);
        Assert.Contains("Chain broken at event 2. Its content does not match its hash: a field was changed.", en, StringComparison.Ordinal);
        Assert.Contains("Cadeia quebrada no evento 2. O conteúdo não confere com o hash: um campo foi alterado.", pt, StringComparison.Ordinal);
        Assert.DoesNotContain("data-chain=\"intact\"", en, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
