using OpsConsole.Core.Archive;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read.ArchivedHistory;

namespace OpsConsole.Web.Pages.Archive;

/// <summary>
/// The archive snapshot the pages show, taken once per index version. <see cref="IndexedArchive.Current"/> reads the
/// compliance bundles' rows and counts from the index and the approval manifests; asked on every request of the
/// compliance list and approval queue it would repeat that for nothing. Every event that changes the answer (a bundle
/// written, restored or damaged, originals removed or put back) is a file change the indexer records, so the index
/// version moves with it.
/// </summary>
public sealed class ArchiveSnapshots(IndexedArchive archive, IndexVersionMemo memo)
{
    /// <summary>The snapshot for the current index version.</summary>
    public ArchiveSnapshot Current() => memo.GetOrAdd("archive-snapshot", archive.Current);

    /// <summary>The archived reports of <paramref name="device"/> (a query per call: two index seeks; the snapshot says which bundles have reports in place).</summary>
    public ArchivedDeviceHistory DeviceHistory(string device, int take) => archive.DeviceHistory(device, take, Current());
}
