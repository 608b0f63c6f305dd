using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Audit;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Handoff;

/// <summary>The basic tree, with audit events planted at known times.</summary>
public sealed class AuditFactory : ConsoleFactory
{
    private int _seeded;

    /// <summary>Adds the planted events once.</summary>
    public async Task<HttpClient> CreateSeededClientAsync()
    {
        var client = await CreateReadyClientAsync();
        if (Interlocked.Exchange(ref _seeded, 1) == 0)
        {
            Services.GetRequiredService<IAuditStore>().Append([
                Event(2026, 11, 1, "approval.approve", "carlos.lima", "APR-2026-0111", "cli host1", "ok"),
                Event(2026, 11, 10, "engagement.save", "ana.souza", "4WNET-MNS-KTG-RX", "web 127.0.0.1", "ok"),
                Event(2026, 11, 10, "engagement.save", "web", "4WNET-MNS-KTG-RX", "web 127.0.0.1", "refused", "=HYPERLINK(\"x\")"),
                Event(2026, 11, 20, "index.rebuild", "opsconsole", null, "cli host1", "ok")]);
        }

        return client;
    }

    private static AuditEvent Event(int y, int m, int d, string type, string actor, string? target, string source, string outcome, string? detail = null) => new()
    {
        AtTicks = new DateTimeOffset(y, m, d, 12, 0, 0, TimeSpan.Zero).UtcTicks,
        Type = type,
        Actor = actor,
        Target = target,
        Source = source,
        Outcome = outcome,
        Detail = detail,
    };
}

public sealed class AuditPageTests(AuditFactory factory) : IClassFixture<AuditFactory>
{
    [Fact]
    public async Task Downloads_and_refusals_appear_in_the_trail()
    {
        var client = await factory.CreateSeededClientAsync();
        await client.GetAsync("/download?path=devices.json");
        await client.GetAsync("/download?path=..%2Fescape.txt");

        var html = await client.GetStringAsync("/audit?type=download&culture=en");

        Assert.Contains("<h1>Audit trail</h1>", html);
        Assert.Contains("devices.json", html);
        Assert.Contains("path not allowed", html);
        Assert.Contains("data-status=\"refused\"", html);
        Assert.DoesNotContain("engagement.save</td>", html);
    }

    [Fact]
    public async Task Filters_by_type_actor_and_date_range()
    {
        var client = await factory.CreateSeededClientAsync();

        var byActor = await client.GetStringAsync("/audit?actor=carlos");
        var byRange = await client.GetStringAsync("/audit?from=2026-11-10&to=2026-11-10");
        var byType = await client.GetStringAsync("/audit?type=index.rebuild&to=2026-11-21");

        Assert.Contains("approval.approve", byActor);
        Assert.DoesNotContain("ana.souza", byActor);
        Assert.Equal(2, CountRows(byRange));
        Assert.Contains("ana.souza", byRange);
        Assert.DoesNotContain("carlos.lima", byRange);
        Assert.Equal(1, CountRows(byType));
    }

    [Fact]
    public async Task Csv_export_holds_exactly_the_filtered_rows_with_formulas_neutralised()
    {
        var client = await factory.CreateSeededClientAsync();

        var response = await client.GetAsync("/audit?type=engagement.save&format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("at_utc,type,actor,target,source,outcome,detail", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    [Fact]
    public async Task Json_export_holds_the_filtered_rows()
    {
        var client = await factory.CreateSeededClientAsync();

        var json = await client.GetStringAsync("/audit?actor=carlos&format=json");
        using var doc = JsonDocument.Parse(json);

        var row = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("approval.approve", row.GetProperty("type").GetString());
        Assert.Equal("2026-11-01T12:00:00.0000000+00:00", row.GetProperty("at_utc").GetString());
    }

    [Fact]
    public async Task The_trail_speaks_portuguese()
    {
        var client = await factory.CreateSeededClientAsync();

        var html = await client.GetStringAsync("/audit?culture=pt-BR");

        Assert.Contains("<h1>Trilha de auditoria</h1>", html);
        Assert.Contains("Autor", html);
        Assert.Contains("Exportar", html);
    }

    private static int CountRows(string html)
    {
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        return body.Split("<tr>").Length - 1;
    }
}
