using System.Diagnostics;
using System.Text.Json;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Hardening;

/// <summary>Every page's HTML passes the Nu HTML Checker (tools/vnu, pinned vnu-jar) with no errors.</summary>
public sealed class HtmlValidityTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    private static readonly string[] Extra = ["/devices?culture=pt-BR", "/service-engagement/4WNET-MNS-KTG-RX?culture=pt-BR", "/no-such-page", "/approval-queue?culture=pt-BR"];

    [Fact]
    public async Task Every_page_passes_the_nu_html_checker_without_errors()
    {
        var jar = Path.Combine(RepositoryRoot(), "tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} is missing: run `npm ci --prefix tools/vnu` (scripts/test.sh does it)");
        var client = await factory.CreateReadyClientAsync();
        var folder = Directory.CreateTempSubdirectory("opsconsole-vnu-");
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (route, i) in ConsoleRoutes.Basic.Concat(Extra).Select((r, i) => (r, i)))
            {
                var file = Path.Combine(folder.FullName, $"page{i:00}.html");
                await File.WriteAllTextAsync(file, await (await client.GetAsync(route)).Content.ReadAsStringAsync());
                files[new Uri(file).AbsoluteUri] = route;
            }

            var errors = RunChecker(jar, files.Keys.Select(u => new Uri(u).LocalPath))
                .Select(e => $"{(files.TryGetValue(e.Url, out var r) ? r : e.Url)} line {e.Line}: {e.Message}").ToList();

            Assert.True(errors.Count == 0, "HTML errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal static List<(string Url, int Line, string Message)> RunChecker(string jar, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-jar", jar, "--errors-only", "--format", "json" }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }

        using var java = Process.Start(start)!;
        var stdout = java.StandardOutput.ReadToEndAsync();
        var stderr = java.StandardError.ReadToEnd();
        java.WaitForExit();
        var output = stderr.Trim().Length > 0 ? stderr : stdout.Result;
        using var json = JsonDocument.Parse(output);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => (m.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "",
                m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0, m.GetProperty("message").GetString() ?? ""))];
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tools", "vnu")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("tools/vnu not found above " + AppContext.BaseDirectory);
    }
}
