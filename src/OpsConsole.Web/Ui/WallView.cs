using System.ComponentModel.DataAnnotations;

namespace OpsConsole.Web.Ui;

/// <summary>Settings of <c>OpsConsole:Wall</c>: the NOC wall view (<c>?wall=1</c>).</summary>
public sealed class WallOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "OpsConsole:Wall";

    /// <summary>How often a wall page reloads itself (a meta refresh: no JavaScript needed).</summary>
    [Range(5, 3600)]
    public int RefreshSeconds { get; set; } = 60;
}

/// <summary>
/// The NOC wall view: <c>?wall=1</c> on the dashboard and the stop-conditions page gives large type, a dark
/// theme, only the cards that matter, a self refresh and a visible "as of" time (so a frozen screen shows).
/// </summary>
public static class WallView
{
    private static readonly string[] Pages = ["/", "/stop-conditions"];

    /// <summary>True when <paramref name="request"/> asks for the wall view of a page that has one.</summary>
    public static bool IsOn(HttpRequest request) =>
        request.Query["wall"] == "1" && Pages.Contains(request.Path.Value?.TrimEnd('/') is { Length: > 0 } p ? p : "/", StringComparer.OrdinalIgnoreCase);
}
