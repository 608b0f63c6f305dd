using System.Text.RegularExpressions;

namespace OpsConsole.Core.Read;

/// <summary>
/// The shape of an artifact id in a URL (report, incident, batch, approval): what a detail page accepts
/// before it asks the index. Anything else is a 404 without a query.
/// </summary>
public static partial class ArtifactIds
{
    /// <summary>True for 1–128 characters of letters, digits, dot, underscore and dash, not starting with punctuation.</summary>
    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
