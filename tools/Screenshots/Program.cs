using Microsoft.Playwright;

// Usage: Screenshots <base url of a running console> <output folder>
// Takes 1440×900 screenshots of the pages shown in the docs, in English and the light theme.
// Fails (exit 1) when a page answers an error, logs a console error, violates the CSP or a request fails, so the
// pictures never show a broken page.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Screenshots <base-url> <output-folder>");
    return 2;
}

var baseUrl = args[0].TrimEnd('/');
var output = Directory.CreateDirectory(args[1]).FullName;
var problems = new List<string>();

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Headless = true,
    Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
    ],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions
{
    ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
    ColorScheme = ColorScheme.Light,
    Locale = "en-US",
    TimezoneId = "UTC",
});
await context.AddInitScriptAsync(
    "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
var page = await context.NewPageAsync();
page.Console += (_, msg) =>
{
    if (msg.Type is "error" or "warning")
    {
        problems.Add($"console {msg.Type}: {msg.Text}");
    }
};
page.PageError += (_, error) => problems.Add("page error: " + error);
page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");

await ShotAsync("/", "dashboard.png");
await ShotAsync("/approval-timeline/APR-2026-0101", "approval-timeline.png");
await ShotAsync("/controlled-operation/cycle-002", "gate-ladder.png");
await ShotAsync("/service-engagement/4WNET-MNS-KTG-RX", "engagement-editor.png", async () =>
{
    await page.Locator("button[data-open-editor]").First.ClickAsync();
    await page.Locator("dialog#item-editor[open]").WaitForAsync();
});

if (problems.Count > 0)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, problems));
    return 1;
}

return 0;

async Task ShotAsync(string path, string file, Func<Task>? prepare = null)
{
    // ?culture=en pins the language whatever the cookie of an earlier page said.
    var response = await page.GotoAsync(baseUrl + path + "?culture=en");
    if (response is null || response.Status != 200)
    {
        problems.Add($"{path}: HTTP {response?.Status}");
        return;
    }

    if (prepare is not null)
    {
        await prepare();
    }

    await page.EvaluateAsync("() => document.fonts.ready");
    var target = Path.Combine(output, file);
    await page.ScreenshotAsync(new PageScreenshotOptions { Path = target, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
    Console.WriteLine($"{target} ({new FileInfo(target).Length / 1024} KB)");
}
