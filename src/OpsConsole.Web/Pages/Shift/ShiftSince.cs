using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsConsole.Web.Pages.Shift;

/// <summary>Parses <c>?since=</c>: an ISO 8601 date and time that carries its UTC offset (or Z).</summary>
public static partial class ShiftSince
{
    /// <summary>
    /// True when <paramref name="text"/> is a date and time with an offset. A "+" that arrived unescaped in a
    /// query string reads as a space, so a space before the offset is taken as "+".
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        var candidate = OffsetSpace().Replace(text.Trim(), "+$1");
        value = default;
        return WithOffset().IsMatch(candidate)
            && DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();

    [GeneratedRegex(@" (\d{2}:\d{2})$")]
    private static partial Regex OffsetSpace();
}
