namespace OpsConsole.Core.Artifacts;

/// <summary>
/// The status word of a file the console could not read. Every list's status filter accepts it, and
/// every conclusion drawn from such a file is "unknown", never "clear".
/// </summary>
public static class ReadStatus
{
    public const string Unreadable = "unreadable";

    /// <summary>A device with no compliance report yet.</summary>
    public const string None = "none";

    /// <summary>A readable file without the status its kind should carry.</summary>
    public const string Unknown = "unknown";
}
