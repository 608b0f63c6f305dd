using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Index;

/// <summary>One file as the indexer inspected it: its catalogue row, findings and (for the inventory) devices.</summary>
/// <param name="Record">The catalogue row.</param>
/// <param name="Findings">Its stop-condition findings.</param>
/// <param name="Devices">The devices, when the file is the inventory.</param>
/// <param name="IsNew">True when the path is known not to be catalogued (the writer then skips the look-up).</param>
internal sealed record InspectedFile(ArtifactRecord Record, List<FindingRecord> Findings, InventoryDevice[]? Devices, bool IsNew)
{
    /// <summary>Who made the change the file records, for the change journal (<see cref="ChangeJournalFacets.Mover"/>).</summary>
    public string? Mover { get; init; }

    /// <summary>A compliance bundle's reports and per-status counts (from its manifest); null for every other file.</summary>
    public ArchivedReports? Archived { get; init; }
}

/// <summary>What a compliance bundle's manifest says it holds, as the index stores it.</summary>
/// <param name="Reports">One row per report.</param>
/// <param name="Counts">One row per status.</param>
internal sealed record ArchivedReports(IReadOnlyList<ArchivedReportRecord> Reports, IReadOnlyList<ArchivedReportCountRecord> Counts);

/// <summary>
/// Writes inspected files with prepared statements in one transaction per batch. At 300,000 files EF's
/// change tracker costs more than parsing, so the hot path bypasses it; the columns are those of
/// <see cref="ArtifactRecord"/> and <see cref="FindingRecord"/> (a test reads every one back through EF).
/// The SQL is the same on SQLite and PostgreSQL: quoted identifiers, <c>@p</c> parameters and
/// <c>ON CONFLICT</c>; only the SQLite PRAGMAs and statement preparation are provider-specific.
/// </summary>
internal sealed class IndexWriter : IDisposable
{
    private static readonly string[] ArtifactColumns =
    [
        "Path", "Kind", "Schema", "Size", "MtimeTicks", "Sha256", "Readable", "Problem", "Key", "Device",
        "DeviceId", "AtTicks", "Day", "Status", "Category", "GroupKey", "Title", "Count", "Actor", "Refused", "DivergentFields",
    ];

    /// <summary>Bumps the stored index version; run inside the transaction of every catalogue change.</summary>
    public const string BumpVersionSql = """UPDATE index_version SET "Version" = "Version" + 1 WHERE "Id" = 1""";

    private readonly IndexDbContext _db;
    private readonly DbConnection _connection;
    private readonly bool _sqlite;

    /// <summary>The pass's change journal; rows are recorded in the same transaction as the catalogue change.</summary>
    public ChangeJournal? Journal { get; init; }

    public IndexWriter(IndexDbContext db)
    {
        _db = db;
        _sqlite = db.Database.IsSqlite();
        _connection = db.Database.GetDbConnection();
        _db.Database.OpenConnection();

        if (_sqlite)
        {
            // WAL + NORMAL: a commit is durable once checkpointed; a crash loses at most the last batches of a
            // cache that is rebuilt from the files anyway. The larger page cache keeps the indexes' pages in memory.
            // Temporary storage stays on disk: this connection goes back to the pool with these settings, and a sort
            // in memory on it (an index built over 3.35 million archived reports) held memory the process then kept.
            Execute("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA temp_store=FILE;");
        }
    }

    /// <summary>Upserts the rows of <paramref name="files"/> and replaces their findings; returns (added, updated).</summary>
    public (int Added, int Updated) Write(IReadOnlyCollection<InspectedFile> files)
    {
        if (files.Count == 0)
        {
            return (0, 0);
        }

        using var tx = _connection.BeginTransaction();
        using var find = Command(tx, """SELECT "Id" FROM artifacts WHERE "Path" = @p0""", 1);
        using var insert = Command(tx,
            $"""INSERT INTO artifacts ({string.Join(", ", ArtifactColumns.Select(Quote))}) VALUES ({string.Join(", ", ArtifactColumns.Select((_, i) => $"@p{i}"))}) ON CONFLICT ("Path") DO NOTHING""",
            ArtifactColumns.Length);
        using var update = Command(tx,
            $"""UPDATE artifacts SET {string.Join(", ", ArtifactColumns.Select((c, i) => $"{Quote(c)} = @p{i}"))} WHERE "Id" = @p{ArtifactColumns.Length}""",
            ArtifactColumns.Length + 1);
        using var dropFindings = Command(tx, """DELETE FROM findings WHERE "Path" = @p0""", 1);
        using var addFinding = Command(tx, """INSERT INTO findings ("Path", "Condition", "Detail", "Device", "GroupKey") VALUES (@p0, @p1, @p2, @p3, @p4)""", 5);
        using var journal = Journal?.Begin(_connection, tx);
        using var archived = new ArchivedReportWriter(_connection, tx, _sqlite);
        int added = 0, updated = 0;
        foreach (var file in files)
        {
            var r = file.Record;
            object? id = null;
            if (!file.IsNew)
            {
                find.Parameters[0].Value = r.Path;
                id = find.ExecuteScalar();
            }

            object?[] values =
            [
                r.Path, r.Kind, r.Schema, r.Size, r.MtimeTicks, r.Sha256, r.Readable, r.Problem, r.Key, r.Device,
                r.DeviceId, r.AtTicks, r.Day, r.Status, r.Category, r.GroupKey, r.Title, r.Count, r.Actor, r.Refused, r.DivergentFields,
            ];
            if (id is null)
            {
                Bind(insert, values);
                if (insert.ExecuteNonQuery() == 0)
                {
                    // "New" came from this pass's snapshot of the catalogue; another process sharing the
                    // database (the CLI beside the web app) indexed the same file since: update its row.
                    find.Parameters[0].Value = r.Path;
                    id = find.ExecuteScalar();
                }
            }

            JournalSnapshot? before = null;
            if (id is not null)
            {
                before = journal?.Before(r.Path);
                Bind(update, values);
                update.Parameters[ArtifactColumns.Length].Value = id;
                update.ExecuteNonQuery();
                updated++;
            }
            else
            {
                added++;
            }

            if (id is not null)
            {
                dropFindings.Parameters[0].Value = r.Path;
                dropFindings.ExecuteNonQuery();
            }

            foreach (var f in file.Findings)
            {
                Bind(addFinding, [f.Path, f.Condition, f.Detail, f.Device, f.GroupKey]);
                addFinding.ExecuteNonQuery();
            }

            if (r.Kind == nameof(ArtifactKind.ArchiveBundle))
            {
                archived.Replace(r.Path, file.Archived, existed: id is not null);
            }

            journal?.Record(before, file);
            if (file.Devices is { } devices)
            {
                ReplaceDevices(tx, devices);
            }
        }

        // Same transaction as the rows: another process sharing the database sees both or neither.
        using var bump = Command(tx, BumpVersionSql, 0);
        bump.ExecuteNonQuery();
        tx.Commit();
        return (added, updated);
    }

    /// <summary>
    /// SQLite's default page cache (2 MiB). Each connection keeps its own cache and goes back to the pool with its
    /// settings, so a connection that wrote or built indexes with a larger cache is set back before a reader gets it.
    /// </summary>
    public const string DefaultCacheSizeSql = "PRAGMA cache_size=-2000;";

    public void Dispose()
    {
        if (_sqlite)
        {
            Execute(DefaultCacheSizeSql);
        }

        _db.Database.CloseConnection();
    }

    private void ReplaceDevices(DbTransaction tx, InventoryDevice[] devices)
    {
        using var clear = Command(tx, "DELETE FROM devices", 0);
        clear.ExecuteNonQuery();
        using var add = Command(tx, """INSERT INTO devices ("NetboxId", "Name", "Site", "Role", "Platform", "Tenant") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)""", 6);
        foreach (var d in devices)
        {
            Bind(add, [d.Id, d.Name, d.Site, d.Role, d.Platform, d.Tenant]);
            add.ExecuteNonQuery();
        }
    }

    private DbCommand Command(DbTransaction tx, string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        // SQLite compiles the statement once per batch. Npgsql would need every parameter's type up front
        // (nulls have none), so PostgreSQL runs them unprepared: the server plans these simple statements fast.
        if (_sqlite)
        {
            command.Prepare();
        }

        return command;
    }

    private static string Quote(string column) => $"\"{column}\"";

    private static void Bind(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
