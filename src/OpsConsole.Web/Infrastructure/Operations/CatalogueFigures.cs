using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Read;

namespace OpsConsole.Web.Infrastructure.Operations;

/// <summary>The catalogue counts <c>/metrics</c> reports, as of one index version.</summary>
/// <param name="IndexVersion">The <see cref="IndexState.Version"/> they were counted at.</param>
/// <param name="Artifacts">Files per (kind, parse status), zeros included.</param>
/// <param name="Approvals">Readable approval records per state, zeros included.</param>
/// <param name="NewestComplianceRun">The newest readable compliance report's time; null when there is none.</param>
internal sealed record CatalogueFigures(
    long IndexVersion,
    IReadOnlyDictionary<(string Kind, string ParseStatus), long> Artifacts,
    IReadOnlyDictionary<string, long> Approvals,
    DateTimeOffset? NewestComplianceRun);

/// <summary>
/// Counts the catalogue once per index version, not per scrape: at 300,000 files a scrape every 15 s
/// must not walk the catalogue each time. Between index changes every scrape reads the cached figures.
/// </summary>
internal sealed class CatalogueFigureCache(IDbContextFactory<IndexDbContext> dbFactory, IndexState state)
{
    public const string Readable = "readable";
    public const string Unreadable = "unreadable";

    private VersionedCache<CatalogueFigures>? _cache;

    public CatalogueFigures Current() => LazyInitializer.EnsureInitialized(ref _cache, () => new VersionedCache<CatalogueFigures>(state, Count)).Current();

    private CatalogueFigures Count(long version)
    {
        using var db = dbFactory.CreateDbContext();
        // Both groupings walk an index ((Kind, AtTicks) and Readable), never the table's rows.
        var total = db.Artifacts.AsNoTracking().GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionary(x => x.Key, x => x.Count, StringComparer.Ordinal);
        var unreadable = db.Artifacts.AsNoTracking().Where(a => !a.Readable).GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionary(x => x.Key, x => x.Count, StringComparer.Ordinal);
        var artifacts = new Dictionary<(string, string), long>();
        foreach (var kind in Enum.GetNames<ArtifactKind>().Concat(total.Keys).Distinct(StringComparer.Ordinal))
        {
            var bad = unreadable.GetValueOrDefault(kind);
            artifacts[(kind, Readable)] = total.GetValueOrDefault(kind) - bad;
            artifacts[(kind, Unreadable)] = bad;
        }

        var byState = db.Artifacts.AsNoTracking().Where(a => a.Kind == nameof(ArtifactKind.Approval) && a.Readable)
            .GroupBy(a => a.Status).Select(g => new { State = g.Key ?? "unknown", Count = g.LongCount() })
            .ToDictionary(x => x.State, x => x.Count, StringComparer.Ordinal);
        var approvals = ApprovalStates.All.Concat(byState.Keys).Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => byState.GetValueOrDefault(s), StringComparer.Ordinal);

        // The dashboard's freshness reading: the newest readable report, found by walking the time index.
        var newest = db.OfKind(ArtifactKind.ComplianceReport).Where(a => a.Readable).OrderByDescending(a => a.AtTicks).Select(a => a.AtTicks).FirstOrDefault();
        return new CatalogueFigures(version, artifacts, approvals, newest is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null);
    }
}
