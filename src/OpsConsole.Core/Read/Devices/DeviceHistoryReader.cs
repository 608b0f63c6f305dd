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
        var documents = window.Select(r => r.Readable ? store.LoadDocument<ComplianceReport>(r.Path) : null).ToList();
        var rows = new List<HistoryRow>();
        for (var i = 0; i < Math.Min(shown, window.Count); i++)
        {
            var current = documents[i];
            var hasPrevious = i + 1 < window.Count;
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
