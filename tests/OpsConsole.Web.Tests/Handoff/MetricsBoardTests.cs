using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Web.Pages.Metrics;

namespace OpsConsole.Web.Tests.Handoff;

public sealed class MetricsBoardTests(MetricsFactory factory) : IClassFixture<MetricsFactory>
{
    private async Task<MetricsBoard> BoardAsync()
    {
        await factory.WaitReadyAsync();
        return await factory.Services.GetRequiredService<MetricsQueries>().BuildAsync();
    }

    [Fact]
    public async Task Decision_times_of_2_5_and_10_days_give_median_5_p90_10_and_one_over_target()
    {
        var d = (await BoardAsync()).Decisions;

        Assert.Equal([2d, 5d, 10d], d.Samples.Select(s => s.Days).Order());
        Assert.Equal(5, d.MedianDays);
        Assert.Equal(10, d.P90Days);
        Assert.Equal(1, d.OverTarget);
        Assert.Equal(1, d.WaitingOverTarget);
    }

    [Fact]
    public async Task Batch_success_counts_real_runs_only()
    {
        var b = (await BoardAsync()).Batches;

        Assert.Equal((4, 2, 1, 1), (b.Runs, b.Succeeded, b.Failed, b.Blocked));
        Assert.Equal(0.5, b.Rate);
    }

    [Fact]
    public async Task Compliance_frequency_covers_14_days_ending_today_and_flags_gaps()
    {
        var c = (await BoardAsync()).Compliance;

        Assert.Equal(new DateOnly(2026, 11, 9), c.From);
        Assert.Equal(new DateOnly(2026, 11, 22), c.To);
        Assert.Equal(2, c.Days.Single(x => x.Day == new DateOnly(2026, 11, 22)).Reports);
        Assert.Equal(10, c.Gaps.Count);
        Assert.Contains(new DateOnly(2026, 11, 19), c.Gaps);
    }

    [Fact]
    public async Task A_day_whose_run_has_not_happened_yet_is_not_counted_as_a_gap()
    {
        await factory.WaitReadyAsync();
        using var scope = factory.Services.CreateScope();
        var queries = ActivatorUtilities.CreateInstance<MetricsQueries>(scope.ServiceProvider,
            (TimeProvider)new FixedClock(MetricsFactory.Now.AddDays(1)));

        var c = (await queries.BuildAsync()).Compliance;

        Assert.Equal(new DateOnly(2026, 11, 22), c.To);
        Assert.DoesNotContain(new DateOnly(2026, 11, 23), c.Gaps);
    }

    [Fact]
    public async Task Incident_backlog_groups_unresolved_incidents_by_severity_and_age()
    {
        var rows = (await BoardAsync()).Incidents;

        Assert.Equal(["high", "medium"], rows.Select(r => r.Severity));
        Assert.Equal([1, 1, 0, 0], rows[0].ByAge);
        Assert.Equal([0, 0, 0, 1], rows[1].ByAge);
    }

    [Fact]
    public async Task Engagement_completion_is_per_team_from_passed_validations()
    {
        var rows = (await BoardAsync()).Engagement;

        Assert.Equal([("Access", 1, 0), ("Transport", 2, 1)], rows.Select(r => (r.Team, r.Devices, r.Complete)));
    }

    [Fact]
    public async Task The_board_shows_each_figure_with_a_link_to_its_rows()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/metrics-board?culture=en");

        Assert.Contains("<h1>Operational metrics</h1>", html);
        Assert.Contains("data-metric=\"decision-median\">5 d<", html);
        Assert.Contains("data-metric=\"decision-p90\">10 d<", html);
        Assert.Contains("data-metric=\"decision-over\">1<", html);
        Assert.Contains("href=\"/approval-queue?state=pending\"", html);
        Assert.Contains("<a href=\"/batch-results?mode=real\">4</a>", html);
        Assert.Contains("data-metric=\"compliance-days\">4/14<", html);
        Assert.Contains("href=\"/compliance-reports?from=2026-11-09&amp;to=2026-11-22\"", html);
        Assert.Contains("<a href=\"/incidents?status=open&amp;severity=high\">2</a>", html);
        Assert.Contains("<a href=\"/service-engagement?team=Transport\">Transport</a>", html);
    }

    [Fact]
    public async Task Trends_are_inline_svg_charts_with_an_accessible_title()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/metrics-board?culture=en");

        Assert.Contains("<svg class=\"chart\" id=\"chart-compliance\" role=\"img\" aria-labelledby=\"chart-compliance-title\"", html);
        Assert.Contains("<title id=\"chart-compliance-title\">Compliance reports per day, last 14 days</title>", html);
        Assert.Contains("<title>2026-11-22: 2</title>", html);
        Assert.Contains("<title>APR-2026-0003: 10 d (approved)</title>", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task The_board_speaks_portuguese()
    {
        var client = await factory.CreateReadyClientAsync();

        var html = await client.GetStringAsync("/metrics-board?culture=pt-BR");

        Assert.Contains("<h1>Métricas operacionais</h1>", html);
        Assert.Contains("Tempo de decisão das aprovações", html);
        Assert.Contains("Conclusão do engajamento por equipe", html);
        Assert.Contains("data-metric=\"decision-median\">5 d<", html);
    }
}

public sealed class MetricMathTests
{
    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(3.5, MetricMath.Median([1, 3, 4, 10]));

    [Fact]
    public void Percentile_90_is_the_nearest_rank() =>
        Assert.Equal(9, MetricMath.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9));

    [Fact]
    public void Statistics_of_nothing_are_absent()
    {
        Assert.Null(MetricMath.Median([]));
        Assert.Null(MetricMath.Percentile([], 0.9));
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(1, 1)]
    [InlineData(6.9, 1)]
    [InlineData(7, 2)]
    [InlineData(30, 3)]
    public void Age_buckets_split_at_one_seven_and_thirty_days(double days, int bucket) =>
        Assert.Equal(bucket, MetricMath.AgeBucket(TimeSpan.FromDays(days)));
}
