using System.Text.RegularExpressions;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Engagement;

/// <summary>
/// Root-relative paths of one device's engagement files. Only legal device names
/// (<see cref="DeviceNames.IsValid"/>) ever become a path, so a route value cannot walk the tree.
/// </summary>
public static partial class EngagementPaths
{
    /// <summary>The longest item id accepted in a route or a form.</summary>
    public const int MaxItemIdLength = 100;

    /// <summary>The package the network team wrote (read only).</summary>
    public static string Package(string device) => Folder(device) + "/package.json";

    /// <summary>The one file the console writes answers to.</summary>
    public static string Responses(string device) => Folder(device) + "/responses.csv";

    /// <summary>The result of the last local validation (engagement-validation@1).</summary>
    public static string Validation(string device) => Folder(device) + "/validation.json";

    /// <summary>
    /// The finalized marker. ARTIFACTS.md does not list it; the console keeps it next to the other
    /// engagement files of the device (see docs/engagement.md).
    /// </summary>
    public static string Finalized(string device) => Folder(device) + "/finalized.json";

    /// <summary>True when <paramref name="itemId"/> is safe to use in a route and an HTML id.</summary>
    public static bool IsValidItemId(string? itemId) =>
        !string.IsNullOrEmpty(itemId) && itemId.Length <= MaxItemIdLength && ItemIdPattern().IsMatch(itemId);

    private static string Folder(string device) =>
        DeviceNames.IsValid(device) ? "engagement/" + device : throw new ArgumentException("not a legal device name", nameof(device));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ItemIdPattern();
}
