using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using OpsConsole.Web.Infrastructure.Demo;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Demo;

/// <summary>
/// README's run command serves a demo generated for today into an ignored folder: it looks alive, carries a
/// "demo data" label, and never touches a folder of somebody's data.
/// </summary>
public sealed partial class LiveDemoTests
{
    [Theory]
    [InlineData("2026-11-30T11:00:00+00:00", "2026-11-30")] // 08:00 in NOC time: today's 06:00 run exists
    [InlineData("2026-11-30T10:59:00+00:00", "2026-11-29")] // 07:59 in NOC time: the last complete day is yesterday
    [InlineData("2026-12-01T02:30:00+00:00", "2026-11-30")] // already the 1st in UTC, still 23:30 of the 30th in NOC time
    public void The_demo_ends_on_the_last_NOC_day_whose_morning_run_has_been_written(string now, string expected)
    {
        var end = LiveDemo.EndDate(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), end);
    }

    [Theory]
    [InlineData("en", "Demo data")]
    [InlineData("pt-BR", "Dados de demonstração")]
    public async Task An_empty_demo_folder_is_generated_up_to_today_and_every_page_is_labelled(string culture, string label)
    {
        var before = LiveDemo.EndDate(DateTimeOffset.UtcNow);
        using var factory = new LiveDemoFactory(root => Directory.Delete(root, recursive: true));
        using var client = await factory.CreateReadyClientAsync(culture);
        var after = LiveDemo.EndDate(DateTimeOffset.UtcNow);

        var stamp = DemoStamp.Read(factory.Root);
        Assert.True(stamp == before || stamp == after, $"stamp {stamp} is not today's demo day");
        Assert.True(Directory.Exists(Path.Combine(factory.Root, "compliance", stamp!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
            "the newest compliance run is not the demo's last day");

        foreach (var page in new[] { "/", "/devices", "/approval-queue", "/controlled-operation/cycle-002" })
        {
            var html = await client.GetStringAsync(page);
            Assert.Contains($"class=\"demo-label\" role=\"note\"", html, StringComparison.Ordinal);
            Assert.Contains(label, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_folder_of_real_artifacts_is_served_as_it_is_without_the_label()
    {
        using var factory = new LiveDemoFactory(prepare: null);
        var devicesBefore = await File.ReadAllTextAsync(Path.Combine(factory.Root, "devices.json"));
        using var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/");

        Assert.DoesNotContain("demo-label", html, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.Root, DemoStamp.FileName)));
        Assert.Equal(devicesBefore, await File.ReadAllTextAsync(Path.Combine(factory.Root, "devices.json")));
    }

    [Fact]
    public async Task A_demo_folder_from_an_earlier_day_is_regenerated_for_today()
    {
        using var factory = new LiveDemoFactory(root =>
        {
            Directory.Delete(root, recursive: true);
            Directory.CreateDirectory(Path.Combine(root, "compliance", "2020-01-01"));
            File.WriteAllText(Path.Combine(root, "compliance", "2020-01-01", "OLD-DEVICE.json"), "{}");
            DemoStamp.Write(root, new DateOnly(2020, 1, 1));
        });
        using var client = await factory.CreateReadyClientAsync();

        Assert.NotEqual(new DateOnly(2020, 1, 1), DemoStamp.Read(factory.Root));
        Assert.False(Directory.Exists(Path.Combine(factory.Root, "compliance", "2020-01-01")), "yesterday's demo runs survived the regeneration");
        Assert.Matches(DayFolder(), string.Join(' ', Directory.EnumerateDirectories(Path.Combine(factory.Root, "compliance")).Select(Path.GetFileName)));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DayFolder();

    private sealed class LiveDemoFactory(Action<string>? prepare) : ConsoleFactory("basic", prepare)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(LiveDemo.LiveKey, "true");
        }
    }
}
