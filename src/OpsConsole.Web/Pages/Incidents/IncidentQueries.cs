using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.Incidents;

/// <summary>One incident file: the index record plus the parsed document or the reason it is unreadable.</summary>
public sealed record IncidentDetail(ArtifactRecord Record, Incident? Incident, string? Problem);

/// <summary>Incident queries over the index (Status = status, Category = severity, Title, Device).</summary>
public sealed partial class IncidentQueries(IDbContextFactory<IndexDbContext> dbFactory, ArtifactStore store)
{
    public const string Kind = nameof(ArtifactKind.Incident);

    public static IQueryable<ArtifactRecord> Incidents(IndexDbContext db) => db.Artifacts.AsNoTracking().Where(a => a.Kind == Kind);

    /// <summary>Most severe first, then newest: critical 0 … low 3, unknown or unreadable last.</summary>
    public static IOrderedQueryable<ArtifactRecord> BySeverity(IQueryable<ArtifactRecord> query) =>
        query.OrderBy(a => a.Category == "critical" ? 0 : a.Category == "high" ? 1 : a.Category == "medium" ? 2 : a.Category == "low" ? 3 : 4)
            .ThenByDescending(a => a.AtTicks).ThenBy(a => a.Key);

    /// <summary>Filters; an empty value means "any". "unreadable" as status selects broken files.</summary>
    public static IQueryable<ArtifactRecord> Filter(IQueryable<ArtifactRecord> query, string? severity, string? status, string? device)
    {
        if (!string.IsNullOrWhiteSpace(severity))
        {
            query = query.Where(a => a.Category == severity);
        }

        if (status == "unreadable")
        {
            query = query.Where(a => !a.Readable);
        }
        else if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(device))
        {
            query = query.Where(a => a.Device == device);
        }

        return query;
    }

    public async Task<PagedList<ArtifactRecord>> ListAsync(string? severity, string? status, string? device, PageRequest page)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return BySeverity(Filter(Incidents(db), severity, status, device)).ToPage(page);
    }

    public async Task<IncidentDetail?> ByIdAsync(string? id)
    {
        if (id is null || !IdPattern().IsMatch(id))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var record = await Incidents(db).Where(a => a.Key == id).OrderBy(a => a.Path).FirstOrDefaultAsync();
        if (record is null)
        {
            return null;
        }

        var loaded = store.Load(record.Path);
        return new IncidentDetail(record, loaded?.As<Incident>(), loaded is null ? "the file is no longer in the artifact root" : loaded.Problem);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex IdPattern();
}

/// <summary>Registers the incident queries.</summary>
public static class IncidentRegistration
{
    public static IServiceCollection AddIncidentQueries(this IServiceCollection services) => services.AddScoped<IncidentQueries>();
}
