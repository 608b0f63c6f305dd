using System.Net;
using OpsConsole.Deploy.Tests.Support;

namespace OpsConsole.Deploy.Tests.Metrics;

public sealed class EngagementSaveMetricTests
{
    [Fact]
    public async Task A_saved_answer_and_a_refused_one_each_add_one_to_their_result()
    {
        using var factory = new DemoConsoleFactory();
        var client = await factory.CreateReadyClientAsync();
        var token = await EngagementForm.TokenAsync(client);
        var before = await DemoConsoleFactory.ScrapeAsync(client);

        var saved = await EngagementForm.SaveAsync(client, token, "amazonlink");
        File.WriteAllText(Path.Combine(factory.Root, "engagement", EngagementForm.Device, "responses.csv"), "not,the,contract\n\"broken");
        var refused = await EngagementForm.SaveAsync(client, token, "paranet");
        var after = await DemoConsoleFactory.ScrapeAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the page again, with the refusal
        Assert.Equal(1, Delta("saved"));
        Assert.Equal(1, Delta("refused"));
        Assert.Equal(0, Delta("failed"));

        double Delta(string result) =>
            after.Value("opsconsole_engagement_saves_total", ("result", result)) - before.Value("opsconsole_engagement_saves_total", ("result", result));
    }
}
