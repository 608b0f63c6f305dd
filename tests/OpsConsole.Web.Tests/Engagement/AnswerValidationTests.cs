using System.Net;

namespace OpsConsole.Web.Tests.Engagement;

public sealed class AnswerValidationTests
{
    public static TheoryData<string, string, string, string, string> BrokenRules => new()
    {
        // item, value, evidence, responder, expected message
        { "nope", "acme", "", "Ana", "This item is not in the package." },
        { "tenant", "", "", "Ana", "This item is required: enter a value." },
        { "tenant", "initech", "", "Ana", "Choose one of the allowed values: acme, globex." },
        { "tenant", new string('a', 201), "", "Ana", "The value can have at most 200 characters." },
        { "tenant", "acme", new string('e', 1001), "Ana", "The evidence can have at most 1000 characters." },
        { "tenant", "acme", "line1\nline2", "Ana", "Control characters (such as line breaks or tabs) are not allowed." },
        { "tenant", "ac\u0007me", "", "Ana", "Control characters (such as line breaks or tabs) are not allowed." },
        { "tenant", "acme", "", "", "Enter your name." },
        { "tenant", "acme", "", "An\ta", "Control characters (such as line breaks or tabs) are not allowed." },
        { "tenant", "acme", "", new string('n', 101), "The name can have at most 100 characters." },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Each_broken_rule_shows_its_message_and_nothing_is_written(string item, string value, string evidence, string responder, string message)
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        var response = await session.SaveAsync(item, value, responder, evidence);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), html);
        Assert.False(File.Exists(factory.ResponsesFile));
        Assert.Empty(factory.Audit("engagement.save"));
    }

    [Fact]
    public async Task A_refused_form_is_shown_open_with_the_typed_values_kept()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory);

        var response = await session.SaveAsync("tenant", "acme", respondedBy: "", evidence: "contract 42");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<dialog id=\"item-editor\" aria-labelledby=\"item-editor-title\" open=\"open\" data-current-item=\"tenant\"", html);
        Assert.Contains("value=\"contract 42\"", html);
        Assert.Contains("<option value=\"acme\" selected=\"selected\">acme</option>", html);
        Assert.Contains("aria-invalid=\"true\"", html);
    }

    [Fact]
    public async Task Messages_are_in_portuguese_for_a_portuguese_user()
    {
        using var factory = new EngagementFactory();
        var session = await EngagementSession.StartAsync(factory, "pt-BR");

        var response = await session.SaveAsync("tenant", "initech", respondedBy: "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Escolha um dos valores permitidos: acme, globex.", html);
        Assert.Contains("Informe seu nome.", html);
        Assert.False(File.Exists(factory.ResponsesFile));
    }
}
