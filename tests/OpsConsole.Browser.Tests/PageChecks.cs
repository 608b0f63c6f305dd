using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpsConsole.Browser.Tests;

/// <summary>The checks every page must pass in a real browser: structure, accessibility and chip contrast.</summary>
internal static class PageChecks
{
    /// <summary>The WCAG AA minimum for normal-size text; chips are small bold text.</summary>
    public const double MinimumContrast = 4.5;

    // Paints every ancestor's background (root first) on a 1×1 canvas to get the effective opaque
    // background of each visible chip, then its text colour over it. The canvas understands every CSS
    // colour syntax the computed style may return (rgb(), rgba(), color(srgb …) from color-mix()).
    private const string ChipColoursScript = """
        () => {
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 1;
          const ctx = canvas.getContext('2d', { willReadFrequently: true });
          const paint = (colour) => { ctx.fillStyle = colour; ctx.fillRect(0, 0, 1, 1); };
          const pixel = () => Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
          return Array.from(document.querySelectorAll('.chip'))
            .filter((el) => el.getClientRects().length > 0)
            .map((el) => {
              const chain = [];
              for (let n = el; n; n = n.parentElement) chain.unshift(n);
              paint('#ffffff');
              chain.forEach((n) => paint(getComputedStyle(n).backgroundColor));
              const background = pixel();
              paint(getComputedStyle(el).color);
              return { text: el.textContent.trim(), className: el.className, foreground: pixel(), background };
            });
        }
        """;

    // Only violations carry all their nodes back; passes and inapplicable rules stay small (faster runs).
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    private const string UnlabelledControlsScript = """
        () => Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
          .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
          .map((el) => el.outerHTML)
        """;

    /// <summary>
    /// Asserts the loaded page is clean: no recorded browser problem, exactly one h1, the banner,
    /// navigation, main and contentinfo landmarks, every form control labelled, axe finds nothing,
    /// and every visible status chip reaches <see cref="MinimumContrast"/>.
    /// </summary>
    /// <param name="page">The loaded page.</param>
    /// <param name="problems">What the page recorded (see <see cref="AppServer.NewPageAsync"/>).</param>
    /// <param name="acceptedAxeRules">axe rules a page breaks on purpose, each with its reason at the caller.</param>
    public static async Task AssertCleanAsync(IPage page, List<string> problems, IReadOnlyCollection<string>? acceptedAxeRules = null)
    {
        var h1Count = await page.Locator("h1").CountAsync();
        var landmarks = new Dictionary<string, int>
        {
            ["banner"] = await page.Locator("body > header").CountAsync(),
            ["navigation"] = await page.Locator("nav[aria-label]").CountAsync(),
            ["main"] = await page.Locator("main").CountAsync(),
            ["contentinfo"] = await page.Locator("body > footer").CountAsync(),
        };
        var unlabelled = await page.EvaluateAsync<string[]>(UnlabelledControlsScript);
        var lowContrast = (await ChipsAsync(page)).Where(c => c.Ratio < MinimumContrast).ToList();
        var axe = await page.RunAxe(ViolationsOnly);
        var violations = axe.Violations.Where(v => acceptedAxeRules?.Contains(v.Id) != true).ToList();

        Assert.True(problems.Count == 0, $"{page.Url}:\n" + string.Join("\n", problems));
        Assert.True(h1Count == 1, $"{page.Url} has {h1Count} h1 elements");
        Assert.True(landmarks.Values.All(n => n >= 1), $"{page.Url} misses landmarks: " + string.Join(", ", landmarks.Where(l => l.Value == 0).Select(l => l.Key)));
        Assert.True(landmarks["main"] == 1, $"{page.Url} has {landmarks["main"]} main elements");
        Assert.True(unlabelled.Length == 0, $"{page.Url} has unlabelled controls:\n" + string.Join("\n", unlabelled));
        Assert.True(lowContrast.Count == 0, $"{page.Url} has chips below {MinimumContrast}:1:\n" + string.Join("\n", lowContrast));
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n",
            violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }

    /// <summary>Every visible status chip with its computed colours and WCAG contrast ratio.</summary>
    public static async Task<IReadOnlyList<ChipColours>> ChipsAsync(IPage page)
    {
        var raw = await page.EvaluateAsync<JsonElement>(ChipColoursScript);
        return raw.EnumerateArray().Select(c => new ChipColours(
            c.GetProperty("text").GetString() ?? "",
            c.GetProperty("className").GetString() ?? "",
            Rgb(c.GetProperty("foreground")),
            Rgb(c.GetProperty("background")))).ToList();
    }

    /// <summary>The WCAG 2 contrast ratio of two opaque sRGB colours, from 1 to 21.</summary>
    public static double ContrastRatio(int[] first, int[] second)
    {
        var a = RelativeLuminance(first);
        var b = RelativeLuminance(second);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double RelativeLuminance(int[] rgb)
    {
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(rgb[0])) + (0.7152 * Channel(rgb[1])) + (0.0722 * Channel(rgb[2]));
    }

    private static int[] Rgb(JsonElement array) => array.EnumerateArray().Select(v => v.GetInt32()).ToArray();
}

/// <summary>A status chip as painted: its text, classes, and its effective text and background colours.</summary>
internal sealed record ChipColours(string Text, string ClassName, int[] Foreground, int[] Background)
{
    public double Ratio => PageChecks.ContrastRatio(Foreground, Background);

    public string Tone => ClassName.Split(' ').FirstOrDefault(c => c.StartsWith("chip-", StringComparison.Ordinal)) ?? "chip";

    public override string ToString() =>
        $"{Tone} \"{Text}\": rgb({string.Join(",", Foreground)}) on rgb({string.Join(",", Background)}) = {Ratio:0.00}:1";
}
