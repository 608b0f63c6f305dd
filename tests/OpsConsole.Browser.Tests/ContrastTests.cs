using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpsConsole.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ContrastTests(AppServer server)
{
    // Together these two pages show chips of all six tones over the basic fixture tree.
    private static readonly string[] ManyStatuses = ["/", "/approval-timeline/APR-2026-0111"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_status_chip_tone_has_at_least_4_5_to_1_contrast_in_computed_colours(ColorScheme scheme)
    {
        var (page, problems) = await server.NewPageAsync(new BrowserNewContextOptions { ColorScheme = scheme });
        var chips = new List<ChipColours>();
        var axeViolations = new List<string>();

        foreach (var path in ManyStatuses)
        {
            await page.GotoAsync(server.BaseUrl + path);
            chips.AddRange(await PageChecks.ChipsAsync(page));
            var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast"] } });
            axeViolations.AddRange(axe.Violations.SelectMany(v => v.Nodes.Select(n => $"{path}: {n.Html}")));
        }

        var tones = chips.Select(c => c.Tone).Distinct().Order().ToArray();
        var tooLow = chips.Where(c => c.Ratio < PageChecks.MinimumContrast).Select(c => c.ToString()).Distinct().ToList();

        Assert.Equal(["chip-bad", "chip-info", "chip-neutral", "chip-ok", "chip-unknown", "chip-warn"], tones);
        Assert.True(tooLow.Count == 0, string.Join("\n", tooLow));
        Assert.True(axeViolations.Count == 0, string.Join("\n", axeViolations));
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public void The_contrast_formula_matches_the_wcag_reference_values()
    {
        Assert.Equal(21.0, PageChecks.ContrastRatio([0, 0, 0], [255, 255, 255]), 2);
        Assert.Equal(1.0, PageChecks.ContrastRatio([118, 118, 118], [118, 118, 118]), 2);
        Assert.Equal(4.54, PageChecks.ContrastRatio([118, 118, 118], [255, 255, 255]), 2);
    }
}
