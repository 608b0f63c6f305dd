using System.Text.Json;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Read.Compliance;

/// <summary>One divergence with the report it comes from, as a table row.</summary>
public sealed record DivergenceRow(string Device, string ReportId, Divergence Divergence)
{
    public string Expected => Text(Divergence.Expected);
    public string Actual => Text(Divergence.Actual);

    /// <summary>Identity used to tell which divergences were added or removed between runs.</summary>
    public static string Identity(Divergence d) => d.Field + "\u001f" + Text(d.Expected) + "\u001f" + Text(d.Actual);

    /// <summary>A JSON value as plain text: strings unquoted, null as "null", others as JSON.</summary>
    public static string Text(JsonElement? value) => value switch
    {
        null => "null",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "null",
        { ValueKind: JsonValueKind.String } v => v.GetString() ?? "",
        { } v => v.GetRawText(),
    };
}
