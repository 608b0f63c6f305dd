using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Index;

/// <summary>
/// Whether a full pass has completed the catalogue since its schema last changed (a restart may then serve
/// it at once). SQLite keeps the mark in <c>PRAGMA user_version</c>, outside the EF model, as before;
/// PostgreSQL has no such header, so there the mark is <c>index_version.CompletedPassTicks</c> being set
/// (cleared when a migration changes the schema, set again by the next completed pass).
/// </summary>
internal static class IndexCompleteness
{
    private const int IncompleteIndex = 0;
    private const int CompleteIndex = 1;

    /// <summary>True when a full pass completed the catalogue.</summary>
    public static bool IsComplete(IndexDbContext db) => db.Database.IsSqlite()
        ? db.Database.SqlQueryRaw<int>("SELECT user_version AS Value FROM pragma_user_version").AsEnumerable().FirstOrDefault() == CompleteIndex
        : db.IndexVersion.AsNoTracking().Any(v => v.Id == 1 && v.CompletedPassTicks != null);

    /// <summary>A new or changed schema: not complete until the next full pass ends.</summary>
    public static void MarkIncomplete(IndexDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            db.Database.ExecuteSqlRaw($"PRAGMA user_version = {IncompleteIndex};");
        }
        else
        {
            db.IndexVersion.Where(v => v.Id == 1).ExecuteUpdate(s => s.SetProperty(v => v.CompletedPassTicks, (long?)null));
        }
    }

    /// <summary>Records a completed full pass at <paramref name="at"/>.</summary>
    public static void MarkComplete(IndexDbContext db, DateTimeOffset at)
    {
        if (db.Database.IsSqlite())
        {
            db.Database.ExecuteSqlRaw($"PRAGMA user_version = {CompleteIndex};");
        }

        db.IndexVersion.Where(v => v.Id == 1).ExecuteUpdate(s => s.SetProperty(v => v.CompletedPassTicks, at.UtcTicks));
    }
}
