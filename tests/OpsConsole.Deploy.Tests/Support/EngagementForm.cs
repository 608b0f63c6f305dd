using System.Text.RegularExpressions;

namespace OpsConsole.Deploy.Tests.Support;

/// <summary>What a browser does to save an engagement answer: GET the form, POST it with its antiforgery token.</summary>
internal static partial class EngagementForm
{
    /// <summary>A device of the demo tree with an engagement package.</summary>
    public const string Device = "4WNET-MNS-KTG-RX";

    /// <summary>Its tenant item; the values it allows include amazonlink and paranet.</summary>
    public const string Item = "ENG-1890-01";

    public static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync($"/service-engagement/{Device}/items/{Item}");
        var token = Token().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the form carries no antiforgery token");
        return token;
    }

    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, string token, string value) =>
        client.PostAsync($"/service-engagement/{Device}?handler=save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["item_id"] = Item,
            ["value"] = value,
            ["evidence"] = "TKT-1",
            ["responded_by"] = "Ana Lima",
            ["__RequestVerificationToken"] = token,
        }));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
