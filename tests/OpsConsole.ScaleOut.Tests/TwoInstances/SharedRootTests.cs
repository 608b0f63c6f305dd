using System.Net;
using System.Text.RegularExpressions;
using OpsConsole.ScaleOut.Tests.Support;

namespace OpsConsole.ScaleOut.Tests.TwoInstances;

/// <summary>Two instances (separate processes on loopback ports) on one PostgreSQL database and one artifact root.</summary>
public sealed partial class SharedRootTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private const string Device = "4WNET-MNS-KTG-RX";
    private const string Item = "ENG-1890-01";
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);
    private readonly Support.TwoInstances _both = fixture.Both;

    [Fact]
    public async Task A_file_written_to_the_root_is_listed_by_both_instances()
    {
        var template = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(_both.Root, "incidents"), "*.json").First());
        var id = IncidentId().Match(template).Groups[1].Value;
        File.WriteAllText(Path.Combine(_both.Root, "incidents", "INC-2026-9901.json"), template.Replace(id, "INC-2026-9901", StringComparison.Ordinal));

        foreach (var instance in new[] { _both.A, _both.B })
        {
            Assert.True(await Support.TwoInstances.EventuallyAsync(async () => (await _both.Http.GetStringAsync(instance.Url + "/incidents?format=json")).Contains("INC-2026-9901", StringComparison.Ordinal), Freshness),
                $"{instance.Url} does not list the new incident");
        }
    }

    [Fact]
    public async Task Fifty_concurrent_engagement_saves_sent_to_each_instance_give_a_hundred_new_rows()
    {
        var responses = Path.Combine(_both.Root, "engagement", Device, "responses.csv");
        var before = File.ReadAllLines(responses).Length;
        var formA = await FormAsync(_both.A);
        var formB = await FormAsync(_both.B);

        // Each answer carries its own evidence, so every row in the file can be told apart.
        var saves = Enumerable.Range(0, 50).SelectMany(i => new[]
        {
            SaveAsync(_both.A, formA, i % 2 == 0 ? "amazonlink" : "paranet", $"TKT-A-{i}"),
            SaveAsync(_both.B, formB, i % 2 == 0 ? "paranet" : "amazonlink", $"TKT-B-{i}"),
        }).ToList();
        var statuses = await Task.WhenAll(saves);

        Assert.True(statuses.All(s => s == HttpStatusCode.Found),
            $"{string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()} × {(int)g.Key}"))}\nA:\n{Tail(_both.A.Output)}\nB:\n{Tail(_both.B.Output)}");
        var lines = File.ReadAllLines(responses);
        Assert.True(before + 100 == lines.Length, $"{before} lines before, {lines.Length} after:\n{string.Join('\n', lines.TakeLast(12))}");
        var evidence = lines.Skip(before).Select(l => l.Split(',')[4]).Order(StringComparer.Ordinal);
        var sent = Enumerable.Range(0, 50).SelectMany(i => new[] { $"TKT-A-{i}", $"TKT-B-{i}" }).Order(StringComparer.Ordinal);
        Assert.Equal(sent, evidence);
    }

    [Fact]
    public async Task A_form_rendered_by_one_instance_is_accepted_when_posted_to_the_other()
    {
        var form = await FormAsync(_both.A);

        var status = await SaveAsync(_both.B, form, "amazonlink");

        Assert.Equal(HttpStatusCode.Found, status);
    }

    [Fact]
    public async Task An_approval_decided_with_the_CLI_is_seen_by_both_instances()
    {
        var run = await CliAsync("approval", "reject", "APR-2026-0111", "--actor", "carlos.lima", "--reason", "scale-out test");
        Assert.True(run.ExitCode == 0, run.Output);

        foreach (var instance in new[] { _both.A, _both.B })
        {
            Assert.True(await Support.TwoInstances.EventuallyAsync(async () => (await _both.Http.GetStringAsync(instance.Url + "/approval-queue?state=rejected&format=json")).Contains("APR-2026-0111", StringComparison.Ordinal), Freshness),
                $"{instance.Url} does not show APR-2026-0111 as rejected");
        }
    }

    [Fact]
    public async Task Both_instances_write_to_one_audit_trail_that_the_CLI_verifies()
    {
        var run = await CliAsync("audit", "verify");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("audit chain intact", run.Output, StringComparison.Ordinal);
        var startups = await _both.Database.ScalarAsync<long>("""SELECT count(*) FROM audit_events WHERE "Type" = 'startup'""");
        Assert.True(startups >= 2, $"{startups} start-up events: the instances do not share the trail");
    }

    private async Task<Form> FormAsync(ConsoleInstance instance)
    {
        var response = await _both.Http.GetAsync($"{instance.Url}/service-engagement/{Device}/items/{Item}");
        response.EnsureSuccessStatusCode();
        var token = Token().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the form carries no antiforgery token");
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        return new Form(token, string.Join("; ", cookies));
    }

    private async Task<HttpStatusCode> SaveAsync(ConsoleInstance instance, Form form, string value, string evidence = "TKT-1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{instance.Url}/service-engagement/{Device}?handler=save")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["item_id"] = Item,
                ["value"] = value,
                ["evidence"] = evidence,
                ["responded_by"] = "Ana Lima",
                ["__RequestVerificationToken"] = form.Token,
            }),
        };
        request.Headers.Add("Cookie", form.Cookies);
        using var response = await _both.Http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<(int ExitCode, string Output)> CliAsync(params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_both.Root)!,
        };
        info.ArgumentList.Add(Paths.CliDll);
        foreach (var a in args.Concat(["--root", _both.Root]))
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["OpsConsole__Database__Provider"] = "Postgres";
        info.Environment["OpsConsole__Database__ConnectionString"] = _both.Database.ConnectionString;
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string Tail(string output) => output.Length > 30000 ? output[^30000..] : output;

    private sealed record Form(string Token, string Cookies);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("\"incident_id\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex IncidentId();
}
