using System.Net;

namespace OpsConsole.Web.Tests.Engagement;

public sealed class SaveAnswerTests
{
    [Fact]
    public async Task A_valid_answer_is_appended_to_responses_csv_and_shown_after_the_redirect()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        var response = await session.SaveAsync("tenant", "acme");
        var page = await session.FollowAsync(response);

        var row = Assert.Single(factory.Rows());
        Assert.Equal(("tenant", EngagementFactory.Device, "tenant", "acme", "TKT-1", "Ana Lima"),
            (row.ItemId, row.Device, row.Field, row.Value, row.Evidence, row.RespondedBy));
        Assert.Contains("Answer for item tenant saved.", page);
        Assert.Contains("<td>acme</td>", page);
        Assert.Contains("Ana Lima", page);
    }

    [Fact]
    public async Task The_file_starts_with_the_contract_header_and_a_later_answer_supersedes_an_earlier_one()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        await session.SaveAsync("tenant", "acme");
        await session.SaveAsync("tenant", "globex");
        var page = await session.Client.GetStringAsync($"/service-engagement/{EngagementFactory.Device}");

        Assert.StartsWith("item_id,device,field,value,evidence,responded_by,responded_at\r\n", await File.ReadAllTextAsync(factory.ResponsesFile));
        Assert.Equal(["acme", "globex"], factory.Rows().Select(r => r.Value));
        Assert.Contains("<span class=\"answer\">globex</span>", page);
    }

    [Fact]
    public async Task A_save_is_audited_with_device_item_and_responder_but_not_the_value()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        await session.SaveAsync("criticality", "high", respondedBy: "Bruno");

        var e = Assert.Single(factory.Audit("engagement.save"));
        Assert.Equal(("Bruno", EngagementFactory.Device, "ok"), (e.Actor, e.Target, e.Outcome));
        Assert.Contains("item criticality", e.Detail);
        Assert.DoesNotContain("high", e.Detail);
    }

    [Fact]
    public async Task The_list_reflects_a_save_immediately()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        await session.SaveAsync("tenant", "acme");
        var list = await session.Client.GetStringAsync("/service-engagement");

        Assert.Contains("1 / 2", list);
    }

    [Fact]
    public async Task Formula_like_values_are_stored_neutralised()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        var response = await session.SaveAsync("tenant", "acme", respondedBy: "=HYPERLINK(\"http://x\")", evidence: "+SUM(A1:A2)");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var text = await File.ReadAllTextAsync(factory.ResponsesFile);
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.DoesNotContain(",\"=HYPERLINK", text);
        Assert.DoesNotContain(",+SUM", text);
        var row = Assert.Single(factory.Rows());
        Assert.False(row.RespondedBy.StartsWith('='), "a cell must not start with = in the stored file");
        Assert.False(row.Evidence.StartsWith('+'), "a cell must not start with + in the stored file");
    }
}
