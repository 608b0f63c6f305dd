using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Core.Index;

/// <summary>
/// The SQL indexes of the catalogue. A first load into an empty catalogue drops the secondary indexes
/// of <c>artifacts</c> and <c>archived_reports</c> and builds them once at the end (one sort each instead of hundreds of thousands of
/// random inserts). Start-up recreates any index of the model that is missing, so a load interrupted by a
/// crash heals itself; the definitions always come from the EF model, never from hand-written SQL.
/// </summary>
internal static class ArtifactIndexes
{
    /// <summary>
    /// Drops the non-unique indexes of the artifacts table (the unique path index stays) and of the archived reports
    /// (a year of bundles is 3.35 million rows at 10,000 devices).
    /// </summary>
    public static void DropSecondary(IndexDbContext db)
    {
        var tables = new[] { typeof(ArtifactRecord), typeof(ArchivedReportRecord) };
        foreach (var name in tables.SelectMany(t => db.Model.FindEntityType(t)!.GetIndexes()).Where(i => !i.IsUnique).Select(i => i.GetDatabaseName()))
        {
            // The name comes from the EF model, never from input; identifiers cannot be SQL parameters.
#pragma warning disable EF1002
            db.Database.ExecuteSqlRaw($"DROP INDEX IF EXISTS \"{name}\"");
#pragma warning restore EF1002
        }
    }

    /// <summary>Creates every index of the model that the database lacks; returns how many were created.</summary>
    public static int EnsureAll(IndexDbContext db)
    {
        var expected = db.Model.GetEntityTypes().SelectMany(t => t.GetIndexes()).Select(i => i.GetDatabaseName()!).ToHashSet(StringComparer.Ordinal);
        var present = db.Database.SqlQueryRaw<string>(db.Database.IsSqlite()
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema()").ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(n => !present.Contains(n)).ToHashSet(StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            return 0;
        }

        var created = 0;
        db.Database.OpenConnection();
        try
        {
            if (db.Database.IsSqlite())
            {
                // Building an index sorts every row of its table; the sort spills to temporary files, which must be
                // files on disk here, not memory (a pooled connection keeps what a previous user set): sorted in
                // memory, the indexes of 3.35 million archived reports took a cold start of a year-long tree to a
                // peak of 590-690 MiB that the process then kept; about 500 MiB with the sorts on disk.
                // The sort's memory is bounded by the page cache size: 8 MiB runs, merged from the files, instead of the
                // writer's 32 MiB the pooled connection may still carry (the cold start's peak was the last index build).
                db.Database.ExecuteSqlRaw("PRAGMA temp_store=FILE; PRAGMA cache_size=-8192;");
            }

            foreach (var statement in db.Database.GenerateCreateScript().Split(';').Select(s => s.Trim()))
            {
                var isIndex = statement.StartsWith("CREATE INDEX ", StringComparison.Ordinal) || statement.StartsWith("CREATE UNIQUE INDEX ", StringComparison.Ordinal);
                if (isIndex && missing.Any(n => statement.Contains($"\"{n}\"", StringComparison.Ordinal)))
                {
                    db.Database.ExecuteSqlRaw(statement.Replace(" INDEX ", " INDEX IF NOT EXISTS ", StringComparison.Ordinal));
                    created++;
                }
            }
        }
        finally
        {
            if (db.Database.IsSqlite())
            {
                db.Database.ExecuteSqlRaw(IndexWriter.DefaultCacheSizeSql);
            }

            db.Database.CloseConnection();
        }

        return created;
    }
}
