using OpsConsole.Core.Archive;
using OpsConsole.Core.Index;

namespace OpsConsole.Web.Pages.Archive;

/// <summary>
/// The archive snapshot the pages show, taken once per index version. <see cref="ArchivedRecords.Current"/> lists
/// <c>archive/</c> and checks every bundle and what is still in place under one lock; asked on every request of the
/// device page, compliance list and approval queue it serialised them on a thousand file checks at a year of
/// bundles. Every event that changes the answer (a bundle written, restored or damaged, originals removed or put
/// back) is a file change the indexer records, so the index version moves with it.
/// </summary>
public sealed class ArchiveSnapshots(ArchivedRecords archive, IndexVersionMemo memo)
{
    /// <summary>The snapshot for the current index version.</summary>
    public ArchiveSnapshot Current() => memo.GetOrAdd("archive-snapshot", archive.Current);
}
