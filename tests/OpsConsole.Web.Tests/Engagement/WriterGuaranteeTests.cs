using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Engagement;

namespace OpsConsole.Web.Tests.Engagement;

public sealed class WriterGuaranteeTests
{
    private static EngagementWriter Writer(EngagementFactory factory) => factory.Services.GetRequiredService<EngagementWriter>();

    [Fact]
    public async Task A_hundred_concurrent_saves_through_the_writer_give_a_hundred_rows()
    {
        using var factory = new EngagementFactory();
        await factory.WaitReadyAsync();
        var writer = Writer(factory);

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() =>
            writer.SaveAsync(EngagementFactory.Device, new EngagementAnswer(i % 2 == 0 ? "tenant" : "criticality", i % 2 == 0 ? "acme" : "low", $"e{i}", $"user{i}"), "test"))));

        Assert.All(results, r => Assert.True(r.Written, r.Detail));
        var rows = factory.Rows();
        Assert.Equal(100, rows.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"user{i}").Order(), rows.Select(r => r.RespondedBy).Order());
    }

    [Fact]
    public async Task Concurrent_posts_over_http_all_land_as_rows()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => session.SaveAsync("tenant", "acme", respondedBy: $"user{i}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(12, factory.Rows().Count);
    }

    [Fact]
    public async Task A_crash_after_the_temp_file_is_written_leaves_the_previous_csv_intact()
    {
        using var factory = new EngagementFactory();
        await factory.WaitReadyAsync();
        var writer = Writer(factory);
        await writer.SaveAsync(EngagementFactory.Device, new EngagementAnswer("tenant", "acme", "", "Ana"), "test");
        var before = await File.ReadAllBytesAsync(factory.ResponsesFile);

        writer.AfterTempWritten = _ => throw new IOException("simulated crash");
        try
        {
            await Assert.ThrowsAsync<IOException>(() => writer.SaveAsync(EngagementFactory.Device, new EngagementAnswer("tenant", "globex", "", "Bia"), "test"));
        }
        finally
        {
            writer.AfterTempWritten = null;
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(factory.ResponsesFile));
        // No temp file is left; the one dot-file that stays is the cross-process lock (.responses.lock, issue 15).
        Assert.Equal([".responses.lock"], Directory.GetFiles(Path.GetDirectoryName(factory.ResponsesFile)!, ".*").Select(Path.GetFileName));
        Assert.Single(factory.Rows());
    }

    [Fact]
    public async Task The_temp_file_is_a_flushed_dot_file_in_the_same_folder()
    {
        using var factory = new EngagementFactory();
        await factory.WaitReadyAsync();
        var writer = Writer(factory);
        string? seen = null;
        writer.AfterTempWritten = temp => seen = temp;

        await writer.SaveAsync(EngagementFactory.Device, new EngagementAnswer("tenant", "acme", "", "Ana"), "test");

        Assert.NotNull(seen);
        Assert.Equal(Path.GetDirectoryName(factory.ResponsesFile), Path.GetDirectoryName(seen));
        Assert.StartsWith(".", Path.GetFileName(seen));
        Assert.False(File.Exists(seen));
    }

    [Fact]
    public async Task An_unreadable_responses_csv_is_never_overwritten_and_the_page_says_why()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        const string broken = "this,is,not\r\nthe,contract,header\r\n";
        await File.WriteAllTextAsync(factory.ResponsesFile, broken);

        var response = await session.SaveAsync("tenant", "acme");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(broken, await File.ReadAllTextAsync(factory.ResponsesFile));
        Assert.Contains("cannot be read, so nothing was saved", html);
        Assert.Contains(factory.Audit("engagement.save"), e => e.Outcome == "refused" && e.Detail!.Contains("ResponsesUnreadable"));
    }

    [Fact]
    public async Task The_writer_rechecks_the_rules_itself()
    {
        using var factory = new EngagementFactory();
        await factory.WaitReadyAsync();

        var result = await Writer(factory).SaveAsync(EngagementFactory.Device, new EngagementAnswer("tenant", "initech", "", "Ana"), "test");

        Assert.Equal(EngagementRefusal.InvalidAnswer, result.Refusal);
        Assert.False(File.Exists(factory.ResponsesFile));
    }
}
