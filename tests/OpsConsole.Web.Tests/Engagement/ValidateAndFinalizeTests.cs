using System.Net;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Engagement;

namespace OpsConsole.Web.Tests.Engagement;

public sealed class ValidateAndFinalizeTests
{
    [Fact]
    public async Task Validation_writes_an_engagement_validation_report_and_the_dashboard_shows_each_item()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        await session.SaveAsync("tenant", "acme");

        var response = await session.PostAsync("validate");
        var dashboard = await session.FollowAsync(response);

        var report = Assert.IsType<EngagementValidation>(ArtifactParser.Parse(ArtifactKind.EngagementValidation, await File.ReadAllBytesAsync(factory.ValidationFile)).Document);
        Assert.Equal("failed", report.Status);
        Assert.Equal([("tenant", "ok"), ("criticality", "missing")], report.Results.Select(r => (r.ItemId, r.Status)));
        Assert.Contains("required; no answer yet", dashboard);
        Assert.Contains("Answer the missing items and correct the invalid ones", dashboard);
        Assert.Single(factory.Audit("engagement.validate"));
    }

    [Fact]
    public async Task Finalize_is_refused_until_a_passed_validation_covers_every_required_answer()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        await session.SaveAsync("tenant", "acme");

        var noValidation = await session.PostAsync("finalize", true, ("finalized_by", "Ana"));
        await session.PostAsync("validate");
        var failed = await session.PostAsync("finalize", true, ("finalized_by", "Ana"));

        Assert.Contains("Run local validation first.", await noValidation.Content.ReadAsStringAsync());
        Assert.Contains("The latest validation did not pass", await failed.Content.ReadAsStringAsync());
        Assert.False(File.Exists(factory.FinalizedFile));
    }

    [Fact]
    public async Task A_validation_older_than_the_latest_answer_does_not_allow_finalize()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        await session.SaveAsync("tenant", "acme");
        await session.SaveAsync("criticality", "low");
        await session.PostAsync("validate");
        await Task.Delay(1100); // responded_at has one-second resolution
        await session.SaveAsync("criticality", "high");

        var response = await session.PostAsync("finalize", true, ("finalized_by", "Ana"));

        Assert.Contains("Answers changed after the latest validation", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(factory.FinalizedFile));
    }

    [Fact]
    public async Task Finalize_records_the_marker_and_an_audit_event_and_then_answers_are_locked()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        await session.SaveAsync("tenant", "acme");
        await session.SaveAsync("criticality", "medium");
        await Task.Delay(1100);
        await session.PostAsync("validate");

        var page = await session.FollowAsync(await session.PostAsync("finalize", true, ("finalized_by", "Carla")));
        var after = await session.SaveAsync("tenant", "globex");

        var marker = FinalizedMarker.TryRead(await File.ReadAllTextAsync(factory.FinalizedFile));
        Assert.NotNull(marker);
        Assert.Equal(("Carla", 2, 2), (marker!.FinalizedBy, marker.Answered, marker.Required));
        Assert.Contains("The package is finalized.", page);
        Assert.Contains(factory.Audit("engagement.finalize"), e => e.Outcome == "ok" && e.Actor == "Carla");
        Assert.Contains("This package is finalized; answers can no longer be changed.", await after.Content.ReadAsStringAsync());
        Assert.Equal(2, factory.Rows().Count);
    }

    [Fact]
    public async Task The_list_shows_finalized_devices_under_the_finalized_filter()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        await session.SaveAsync("tenant", "acme");
        await session.SaveAsync("criticality", "medium");
        await Task.Delay(1100);
        await session.PostAsync("validate");
        await session.PostAsync("finalize", true, ("finalized_by", "Carla"));

        var finalized = await session.Client.GetStringAsync("/service-engagement?status=finalized");
        var notStarted = await session.Client.GetStringAsync("/service-engagement?status=not-started");

        Assert.Contains(EngagementFactory.Device, finalized);
        Assert.Contains("2 / 2", finalized);
        Assert.DoesNotContain($">{EngagementFactory.Device}<", notStarted);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/service-engagement")).StatusCode);
    }
}
