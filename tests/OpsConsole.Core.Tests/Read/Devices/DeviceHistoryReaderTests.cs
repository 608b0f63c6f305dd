using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Devices;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Read.Devices;

public sealed class DeviceHistoryReaderTests
{
    // Runs newest first on the page: compliant (back from a divergence), divergent, compliant, compliant, and an unreadable first run.
    private static async Task<(ReadIndex Index, IReadOnlyList<HistoryRow> Rows)> HistoryAsync()
    {
        var index = new ReadIndex()
            .Write("inventory/devices.json", ArtifactJson.Inventory(("LEAF-1", 7)))
            .Write("compliance/2026-05-01/LEAF-1.json", "{ not json")
            .Write("compliance/2026-05-02/LEAF-1.json", Run(2, "compliant", 0))
            .Write("compliance/2026-05-03/LEAF-1.json", Run(3, "compliant", 0))
            .Write("compliance/2026-05-04/LEAF-1.json", Run(4, "divergent", 1))
            .Write("compliance/2026-05-05/LEAF-1.json", Run(5, "compliant", 0));
        await index.IndexAsync();
        await using var db = index.Db();
        var window = await db.ReportsOfDevice("LEAF-1").Select(ArtifactProjections.ComplianceReport).ToListAsync();
        return (index, new DeviceHistoryReader(index.Store).Read(window, 20));
    }

    private static string Run(int day, string status, int divergences) =>
        ArtifactJson.Report("LEAF-1", 7, status, divergences).Replace(ArtifactJson.At, $"2026-05-0{day}T06:00:00Z", StringComparison.Ordinal)
            .Replace("RPT-LEAF-1", $"RPT-LEAF-1-{day}", StringComparison.Ordinal);

    [Fact]
    public async Task A_divergence_shows_as_added_on_its_run_and_as_resolved_on_the_next_compliant_run()
    {
        var (index, rows) = await HistoryAsync();
        using var _ = index;

        Assert.Equal(["RPT-LEAF-1-5", "RPT-LEAF-1-4", "RPT-LEAF-1-3", "RPT-LEAF-1-2"], rows.Take(4).Select(r => r.Report.ReportId));
        Assert.Empty(rows[0].Added!);
        Assert.Equal("tenant0", Assert.Single(rows[0].Removed!).Divergence.Field);
        Assert.Equal("tenant0", Assert.Single(rows[1].Added!).Divergence.Field);
        Assert.Empty(rows[1].Removed!);
    }

    [Fact]
    public async Task Two_compliant_runs_in_a_row_show_no_change_and_a_run_after_an_unreadable_one_shows_unknown()
    {
        var (index, rows) = await HistoryAsync();
        using var _ = index;

        // 2026-05-03 after 2026-05-02, both compliant: compared, nothing changed (empty, not unknown).
        Assert.NotNull(rows[2].Added);
        Assert.Empty(rows[2].Added!);
        Assert.Empty(rows[2].Removed!);
        // 2026-05-02 follows an unreadable run: what changed cannot be said.
        Assert.Null(rows[3].Added);
        Assert.Null(rows[3].Removed);
        Assert.False(rows[3].IsFirst);
        Assert.False(rows[4].Report.Readable);
        Assert.True(rows[4].IsFirst);
    }
}
