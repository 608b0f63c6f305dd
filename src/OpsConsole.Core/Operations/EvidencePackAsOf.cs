using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Index;

namespace OpsConsole.Core.Operations;

/// <summary>
/// The default export time of an evidence pack: the last-write time of the newest file the index holds. It
/// moves exactly when the artifacts change, so a pack of unchanged artifacts keeps its bytes, and it says
/// how current the evidence is. The CLI's <c>--as-of</c> replaces it.
/// </summary>
public static class EvidencePackAsOf
{
    /// <summary>The earliest time a zip entry can carry (DOS date, 1980-01-01).</summary>
    public static readonly DateTimeOffset ZipEpoch = Storage.ReproducibleZip.Epoch;

    /// <summary>The newest <c>MtimeTicks</c> of the index, in UTC; <see cref="ZipEpoch"/> when the index is empty.</summary>
    public static DateTimeOffset NewestIndexedChange(IndexDbContext db)
    {
        var ticks = db.Artifacts.AsNoTracking().Max(a => (long?)a.MtimeTicks);
        return ticks is { } t && t > ZipEpoch.UtcTicks ? new DateTimeOffset(t, TimeSpan.Zero) : ZipEpoch;
    }

    /// <summary>The zip timestamp of every entry: <paramref name="asOf"/> in UTC, whole seconds, never before 1980.</summary>
    internal static DateTimeOffset ForZip(DateTimeOffset asOf) => Storage.ReproducibleZip.Stamp(asOf);
}
