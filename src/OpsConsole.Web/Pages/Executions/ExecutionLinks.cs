using System.Text.RegularExpressions;

namespace OpsConsole.Web.Pages.Executions;

/// <summary>The addresses of the execution pages (<c>/executions/{name}</c>), for this feature and the pages that link to it.</summary>
public static partial class ExecutionLinks
{
    /// <summary>The console page of an execution file.</summary>
    public static string PageOf(string path) => "/executions/" + Uri.EscapeDataString(Path.GetFileName(path));

    /// <summary>Its page, or null for a name the page route cannot take (spaces, other characters): no broken link.</summary>
    public static string? PageOrNull(string path) => IsExecutionPath(path) ? PageOf(path) : null;

    /// <summary>True for a path the execution pages show (<c>executions/&lt;name&gt;.log|.json</c>).</summary>
    public static bool IsExecutionPath(string path) =>
        path.Split('/') is ["executions", var name] && NamePattern().IsMatch(name);

    /// <summary>The root-relative path of the page name <paramref name="name"/>, or null when it is not a plain execution file name.</summary>
    public static string? PathOf(string? name) => name is not null && NamePattern().IsMatch(name) ? "executions/" + name : null;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.(log|json)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
