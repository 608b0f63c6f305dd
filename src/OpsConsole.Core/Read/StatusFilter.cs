using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Read;

/// <summary>
/// The status filter every list shares: empty means any, "unreadable" selects files that could not be
/// read, anything else is the kind's own status word.
/// </summary>
public static class StatusFilter
{
    /// <summary>Filters <paramref name="query"/> by <paramref name="status"/>.</summary>
    public static IQueryable<ArtifactRecord> WithStatus(this IQueryable<ArtifactRecord> query, string? status) => status switch
    {
        null or "" => query,
        ReadStatus.Unreadable => query.Where(a => !a.Readable),
        // Status is only ever set from a parsed (readable) file, so no Readable test is needed: a count then
        // reads the (Kind, Status) index alone instead of every matching row.
        _ => query.Where(a => a.Status == status),
    };

    /// <summary>The values a list offers: the kind's statuses and "unreadable".</summary>
    public static IReadOnlyList<string> Options(IEnumerable<string> statuses) => [.. statuses, ReadStatus.Unreadable];
}
