using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Engagement;

/// <summary>The basic tree in a private temp copy, with a write limit high enough for the tests (unless given).</summary>
public class EngagementFactory : ConsoleFactory
{
    public const string Device = "4WNET-MNS-KTG-RX";
    public EngagementFactory() : base("basic")
    {
    }

    /// <summary>Engagement writes accepted per minute per client (set before the first request).</summary>
    public int WritesPerMinute { get; init; } = 1000;

    public string ResponsesFile => Path.Combine(Root, "engagement", Device, "responses.csv");
    public string ValidationFile => Path.Combine(Root, "engagement", Device, "validation.json");
    public string FinalizedFile => Path.Combine(Root, "engagement", Device, "finalized.json");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OpsConsole:Engagement:WritesPerMinute", WritesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The rows of responses.csv as the contract parser reads them (fails the test when unreadable).</summary>
    public List<EngagementResponse> Rows()
    {
        if (!File.Exists(ResponsesFile))
        {
            return [];
        }

        var outcome = ResponsesCsv.Parse(File.ReadAllBytes(ResponsesFile));
        Assert.Null(outcome.Problem);
        return (List<EngagementResponse>)outcome.Document!;
    }

    public List<AuditEvent> Audit(string type)
    {
        return Services.GetRequiredService<IAuditStore>().ReadChain().Where(e => e.Type == type).ToList();
    }
}

/// <summary>A browser-like session: GET a form, keep its antiforgery token and cookie, POST it.</summary>
public sealed partial class EngagementSession(HttpClient client)
{
    public HttpClient Client { get; } = client;
    public string? Token { get; private set; }

    public static async Task<EngagementSession> StartAsync(EngagementFactory factory, string? culture = null)
    {
        var session = new EngagementSession(await factory.CreateReadyClientAsync(culture));
        await session.LoadTokenAsync($"/service-engagement/{EngagementFactory.Device}/items/tenant");
        return session;
    }

    public async Task<string> LoadTokenAsync(string url)
    {
        var html = await Client.GetStringAsync(url);
        Token = TokenPattern().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(Token), "the form carries no antiforgery token");
        return html;
    }

    public Task<HttpResponseMessage> SaveAsync(string itemId, string value, string respondedBy = "Ana Lima", string evidence = "TKT-1", bool withToken = true, string query = "") =>
        PostAsync("save" + query, withToken, ("item_id", itemId), ("value", value), ("evidence", evidence), ("responded_by", respondedBy));

    public Task<HttpResponseMessage> PostAsync(string handler, bool withToken = true, params (string Key, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        if (withToken)
        {
            form.Add(new("__RequestVerificationToken", Token!));
        }

        return Client.PostAsync($"/service-engagement/{EngagementFactory.Device}?handler={handler}", new FormUrlEncodedContent(form));
    }

    /// <summary>Follows a Post/Redirect/Get redirect and returns the page.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await Client.GetStringAsync(response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
