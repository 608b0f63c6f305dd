using System.Globalization;
using System.Text.Json.Nodes;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Compliance;

/// <summary>The dashboards fixture plus 250 generated devices with one report each (more than a page may show).</summary>
public sealed class ManyReportsFactory : DashboardsFactory
{
    public const int Generated = 250;

    public ManyReportsFactory() : base(Prepare)
    {
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"GEN-{i:000}");

    private static void Prepare(string root)
    {
        // The generated devices join the inventory, so the device list shows them too.
        var inventoryPath = Path.Combine(root, "devices.json");
        var inventory = JsonNode.Parse(File.ReadAllText(inventoryPath))!;
        var devices = inventory["devices"]!.AsArray();
        for (var i = 0; i < Generated; i++)
        {
            devices.Add(new JsonObject { ["id"] = 9000 + i, ["name"] = Name(i), ["site"] = "GEN", ["role"] = "switch", ["platform"] = "eos" });
        }

        File.WriteAllText(inventoryPath, inventory.ToJsonString());
        var folder = Path.Combine(root, "compliance", "2026-11-19");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Generated; i++)
        {
            var divergent = i % 5 == 0;
            var report = new JsonObject
            {
                ["schema"] = "opsconsole/compliance-report@1",
                ["report_id"] = "CR-GEN-" + i.ToString(CultureInfo.InvariantCulture),
                ["device"] = new JsonObject { ["id"] = 9000 + i, ["name"] = Name(i) },
                ["generated_at"] = "2026-11-19T06:00:00Z",
                ["source"] = "nightly",
                ["status"] = divergent ? "divergent" : "compliant",
                ["divergences"] = divergent
                    ? new JsonArray(new JsonObject { ["field"] = "site", ["expected"] = "A", ["actual"] = "B", ["severity"] = "low" })
                    : new JsonArray(),
                ["incidents"] = new JsonArray(),
                ["summary"] = new JsonObject { ["checks"] = 10, ["passed"] = divergent ? 9 : 10, ["failed"] = divergent ? 1 : 0 },
            };
            File.WriteAllText(Path.Combine(folder, Name(i) + ".json"), report.ToJsonString());
        }
    }
}

public sealed class ScaleTests(ManyReportsFactory factory) : IClassFixture<ManyReportsFactory>
{
    private const string Day = "from=2026-11-19&to=2026-11-19";

    [Fact]
    public async Task An_export_may_ask_for_more_rows_than_a_page_shows()
    {
        var client = await factory.CreateReadyClientAsync();

        var exported = await Page.JsonRowsAsync(client, $"/compliance-reports?{Day}&size=10000");
        var page = Page.BodyRows(await Page.HtmlAsync(client, $"/compliance-reports?{Day}&size=10000"));

        Assert.Equal(ManyReportsFactory.Generated, exported.Count);
        Assert.Equal(200, page.Count);
    }

    [Fact]
    public async Task A_streamed_csv_export_holds_every_row_of_the_json_export_in_the_same_order()
    {
        var client = await factory.CreateReadyClientAsync();

        var json = await Page.JsonRowsAsync(client, $"/compliance-reports?{Day}&size=10000");
        var response = await client.GetAsync($"/compliance-reports?{Day}&size=10000&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("compliance-reports.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("day,generated_at,device,report_id,status,max_severity,divergences,path,problem", lines[0]);
        Assert.Equal(json.Select(r => r["report_id"]), lines.Skip(1).Select(l => l.Split(',')[3]));
        Assert.Equal(ManyReportsFactory.Generated, lines.Length - 1);
    }

    [Fact]
    public async Task Status_filter_lists_exactly_the_reports_with_that_status()
    {
        var client = await factory.CreateReadyClientAsync();

        var rows = await Page.JsonRowsAsync(client, $"/compliance-reports?{Day}&status=divergent&size=200");

        Assert.Equal(ManyReportsFactory.Generated / 5, rows.Count);
        Assert.All(rows, r => Assert.Equal("divergent", r["status"]));
    }

    [Fact]
    public async Task Device_list_with_and_without_a_status_filter_agree_on_each_devices_newest_report()
    {
        var client = await factory.CreateReadyClientAsync();

        var first = await Page.JsonRowsAsync(client, "/devices?size=200");
        var second = await Page.JsonRowsAsync(client, "/devices?size=200&page=2");
        var divergent = await Page.JsonRowsAsync(client, "/devices?status=divergent&size=200");

        var byName = first.Concat(second).ToDictionary(r => r["name"]!, r => r);
        Assert.Equal(ManyReportsFactory.Generated + 6, byName.Count);
        Assert.Equal(byName.Values.Count(r => r["status"] == "divergent"), divergent.Count);
        Assert.All(divergent, d => Assert.Equal("divergent", byName[d["name"]!]["status"]));
        Assert.All(divergent, d => Assert.Equal(byName[d["name"]!]["latest_report_id"], d["latest_report_id"]));
        Assert.Equal("CR-GEN-0", byName["GEN-000"]["latest_report_id"]);
    }
}
