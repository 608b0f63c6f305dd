using System.Text.RegularExpressions;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Approvals;

/// <summary>Where approval records, their locks and temporary files live under the artifact root.</summary>
public static partial class ApprovalPaths
{
    /// <summary>The approvals folder, relative to the root.</summary>
    public const string Folder = "approvals";

    /// <summary>Lock files (one per id). A dot folder, so the indexer and the console ignore it.</summary>
    public const string LockFolder = "approvals/.locks";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    /// <summary>True when <paramref name="id"/> is a well-formed approval id (the approval@1 validator's rule).</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary><c>approval-&lt;id&gt;.json</c>.</summary>
    public static string FileName(string id) => $"approval-{id}.json";

    /// <summary><c>approvals/&lt;state&gt;/approval-&lt;id&gt;.json</c>.</summary>
    public static string RecordPath(string state, string id) => $"{Folder}/{state}/{FileName(id)}";

    /// <summary><c>approvals/&lt;state&gt;</c>.</summary>
    public static string StateFolder(string state) => $"{Folder}/{state}";

    /// <summary><c>approvals/.locks/&lt;id&gt;.lock</c>.</summary>
    public static string LockPath(string id) => $"{LockFolder}/{id}.lock";

    /// <summary>Prefix of a temporary file written while moving a record (a dot file: never indexed).</summary>
    public static string TempPrefix(string id) => $".{FileName(id)}.";

    /// <summary>The id a temporary file belongs to, or null when the name is not one of ours.</summary>
    public static string? IdOfTempFile(string fileName)
    {
        const string start = ".approval-";
        var end = fileName.IndexOf(".json.", StringComparison.Ordinal);
        if (!fileName.StartsWith(start, StringComparison.Ordinal) || !fileName.EndsWith(".tmp", StringComparison.Ordinal) || end < start.Length)
        {
            return null;
        }

        var id = fileName[start.Length..end];
        return IsValidId(id) ? id : null;
    }

    /// <summary>The id in <c>approval-&lt;id&gt;.json</c>, or null for another name.</summary>
    public static string? IdOfRecordFile(string fileName) =>
        fileName.StartsWith("approval-", StringComparison.Ordinal) && fileName.EndsWith(".json", StringComparison.Ordinal)
            ? fileName["approval-".Length..^".json".Length]
            : null;

    /// <summary>Every state folder name, in lifecycle order.</summary>
    public static IReadOnlyList<string> States => ApprovalStates.All;
}
