using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Rows;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read.Devices;

/// <summary>Reads the shown window of a device's reports (bounded by the page size) and compares neighbours.</summary>
public sealed class DeviceHistoryReader(ArtifactStore store)
{
    /// <summary>
    /// <paramref name="window"/> is newest first and may hold one extra, older report beyond
    /// <paramref name="shown"/> used only as the predecessor of the last shown row.
    /// </summary>
    public IReadOnlyList<HistoryRow> Read(IReadOnlyList<ComplianceReportRow> window, int shown)
    {
        // Two neighbouring readable runs the index records without divergences differ by nothing: their files are
        // not read (most runs of most devices). A file is read only when it or a neighbour has divergences.
        var shownCount = Math.Min(shown, window.Count);
        var clean = window.Select(r => r.Readable && r.Divergences == 0).ToList();
        bool Compared(int row) => row >= 0 && row < shownCount && row + 1 < window.Count && !(clean[row] && clean[row + 1]);
        var documents = window.Select((r, i) => r.Readable && (Compared(i) || Compared(i - 1)) ? store.LoadDocument<ComplianceReport>(r.Path) : null).ToList();
        var rows = new List<HistoryRow>();
        for (var i = 0; i < shownCount; i++)
        {
            var hasPrevious = i + 1 < window.Count;
            if (hasPrevious && clean[i] && clean[i + 1])
            {
                rows.Add(new HistoryRow(window[i], [], [], false));
                continue;
            }

            var current = documents[i];
            var previous = hasPrevious ? documents[i + 1] : null;
            if (current is null || previous is null)
            {
                rows.Add(new HistoryRow(window[i], null, null, !hasPrevious));
                continue;
            }

            var before = previous.Divergences.Select(DivergenceRow.Identity).ToHashSet(StringComparer.Ordinal);
            var after = current.Divergences.Select(DivergenceRow.Identity).ToHashSet(StringComparer.Ordinal);
            rows.Add(new HistoryRow(window[i],
                current.Divergences.Where(d => !before.Contains(DivergenceRow.Identity(d))).Select(d => new DivergenceRow(current.Device.Name, current.ReportId, d)).ToList(),
                previous.Divergences.Where(d => !after.Contains(DivergenceRow.Identity(d))).Select(d => new DivergenceRow(previous.Device.Name, previous.ReportId, d)).ToList(),
                false));
        }

        return rows;
    }
}
