using System.Net;
using System.Text;
using OpsConsole.Web.Tests.Engagement;

namespace OpsConsole.Web.Tests.Hardening;

/// <summary>Abuse of the engagement POST handlers: every refusal writes nothing, not even a temp file.</summary>
public sealed class PostAbuseTests
{
    private static readonly string[] Handlers = ["save", "validate", "finalize"];

    private static string Url(string handler) => $"/service-engagement/{EngagementFactory.Device}?handler={handler}";

    private static void AssertNothingWritten(EngagementFactory factory)
    {
        var folder = Path.GetDirectoryName(factory.ResponsesFile)!;
        Assert.Equal(["package.json"], Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Posts_without_or_with_a_forged_antiforgery_token_are_400_on_every_handler()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        foreach (var handler in Handlers)
        {
            var missing = await session.PostAsync(handler, false, ("item_id", "tenant"), ("value", "acme"), ("responded_by", "Ana"), ("finalized_by", "Ana"));
            var forged = await session.Client.PostAsync(Url(handler), new FormUrlEncodedContent(
                [new("item_id", "tenant"), new("value", "acme"), new("responded_by", "Ana"), new("finalized_by", "Ana"), new("__RequestVerificationToken", "CfDJ8forged")]));

            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        AssertNothingWritten(factory);
    }

    [Theory]
    [InlineData("application/json", "{\"item_id\":\"tenant\",\"value\":\"acme\",\"responded_by\":\"Ana\"}")]
    [InlineData("text/plain", "item_id=tenant&value=acme&responded_by=Ana")]
    [InlineData("application/xml", "<answer><item_id>tenant</item_id></answer>")]
    public async Task A_body_that_is_not_a_form_is_refused_and_nothing_is_written(string contentType, string body)
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        foreach (var handler in Handlers)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Url(handler)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            request.Headers.Add("RequestVerificationToken", session.Token);
            var response = await session.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }

        AssertNothingWritten(factory);
    }

    [Fact]
    public async Task A_one_mebibyte_form_is_refused_with_413_even_with_a_valid_token()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        var response = await session.SaveAsync("tenant", new string('a', 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertNothingWritten(factory);
    }

    [Fact]
    public async Task A_one_mebibyte_form_sent_without_a_length_is_refused_and_nothing_is_written()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        var form = await new FormUrlEncodedContent([new("item_id", "tenant"), new("value", new string('a', 1024 * 1024)),
            new("responded_by", "Ana"), new("__RequestVerificationToken", session.Token!)]).ReadAsByteArrayAsync();
        var content = new StreamContent(new MemoryStream(form));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        var request = new HttpRequestMessage(HttpMethod.Post, Url("save")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await session.Client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        AssertNothingWritten(factory);
    }

    [Fact]
    public async Task A_valid_post_from_a_remote_address_is_403_on_every_handler()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);
        factory.RemoteAddress = IPAddress.Parse("192.0.2.10");

        foreach (var handler in Handlers)
        {
            var response = await session.PostAsync(handler, true, ("item_id", "tenant"), ("value", "acme"), ("responded_by", "Ana"), ("finalized_by", "Ana"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        AssertNothingWritten(factory);
    }

    [Fact]
    public async Task A_valid_post_over_the_rate_limit_is_429_and_writes_nothing()
    {
        using var factory = new EngagementFactory { WritesPerMinute = 1 };
        var session = await EngagementSession.StartAsync(factory);

        var spent = await session.SaveAsync("tenant", "acme", withToken: false);
        var limited = await session.SaveAsync("tenant", "acme");

        Assert.Equal(HttpStatusCode.BadRequest, spent.StatusCode);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        AssertNothingWritten(factory);
    }

    [Fact]
    public async Task Refused_posts_leave_an_existing_responses_file_byte_identical()
    {
        using var factory = new EngagementFactory { WritesPerMinute = 3 };
        var session = await EngagementSession.StartAsync(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SaveAsync("tenant", "acme")).StatusCode);
        var before = await File.ReadAllBytesAsync(factory.ResponsesFile);

        await session.SaveAsync("tenant", "globex", withToken: false);
        await session.SaveAsync("tenant", new string('a', 1024 * 1024));
        factory.RemoteAddress = IPAddress.Parse("192.0.2.10");
        await session.SaveAsync("tenant", "globex");

        Assert.Equal(before, await File.ReadAllBytesAsync(factory.ResponsesFile));
        // No temp file; .responses.lock is the cross-process write lock the first save created (issue 15).
        Assert.Equal([".responses.lock", "package.json", "responses.csv"],
            Directory.EnumerateFiles(Path.GetDirectoryName(factory.ResponsesFile)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
