using System.Text.RegularExpressions;

namespace OpsConsole.Core.Read.Operations;

/// <summary>
/// The shape of a cycle or gate id (<c>^[a-z0-9][a-z0-9-]{0,63}$</c>, the rule the cycle validator gives
/// ladder gates): what the controlled-operation pages accept in an address and link to.
/// </summary>
public static partial class OperationIds
{
    /// <summary>True for a lower-case cycle or gate id.</summary>
    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
