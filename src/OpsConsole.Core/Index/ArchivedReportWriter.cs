using System.Data.Common;

namespace OpsConsole.Core.Index;

/// <summary>
/// Replaces the archived-report rows of one bundle inside the writer's transaction. A bundle holds a run day of reports
/// (10,000 at NOC scale), so rows go in multi-row inserts: one statement per several rows instead of a
/// round trip per row, which is what PostgreSQL's unprepared statements would cost.
/// </summary>
internal sealed class ArchivedReportWriter : IDisposable
{
    // PostgreSQL: few large statements, each a round trip. SQLite (in process, statements prepared once): few
    // parameters per statement, because binding a parameter by name scans the statement's parameter names, so a
    // statement's binding cost grows with the square of its parameters; 256 rows of 6 columns spent more CPU there than
    // the inserts themselves (docs/performance.md, "The 30-day archive at 10,000 devices").
    private const int RowsPerInsertPostgres = 256;
    private const int RowsPerInsertSqlite = 8;
    private static readonly string[] ReportColumns = ["Bundle", "Device", "Day", "Status", "Divergences", "OtherPath"];
    private static readonly string[] CountColumns = ["Bundle", "Day", "Status", "Count"];

    private readonly DbConnection _connection;
    private readonly DbTransaction _tx;
    private readonly bool _prepare;
    private readonly int _rowsPerInsert;
    private readonly Dictionary<(string Table, int Rows), DbCommand> _inserts = [];
    private DbCommand? _dropReports;
    private DbCommand? _dropCounts;

    public ArchivedReportWriter(DbConnection connection, DbTransaction tx, bool sqlite)
    {
        _connection = connection;
        _tx = tx;
        _prepare = sqlite;
        _rowsPerInsert = sqlite ? RowsPerInsertSqlite : RowsPerInsertPostgres;
    }

    /// <summary>
    /// Drops what the index held for <paramref name="bundle"/> (when it was catalogued: rows go and come with its
    /// catalogue row, in the same transaction) and stores <paramref name="archived"/> (nothing when null: unreadable).
    /// </summary>
    public void Replace(string bundle, ArchivedReports? archived, bool existed)
    {
        if (existed)
        {
            Drop(bundle);
        }

        if (archived is null)
        {
            return;
        }

        Insert("archived_reports", ReportColumns, archived.Reports.Select(r => new object?[] { r.Bundle, r.Device, r.Day, r.Status, r.Divergences, r.OtherPath }));
        Insert("archived_report_counts", CountColumns, archived.Counts.Select(c => new object?[] { c.Bundle, c.Day, c.Status, c.Count }));
    }

    public void Dispose()
    {
        _dropReports?.Dispose();
        _dropCounts?.Dispose();
        foreach (var command in _inserts.Values)
        {
            command.Dispose();
        }
    }

    private void Drop(string bundle)
    {
        _dropReports ??= Command("""DELETE FROM archived_reports WHERE "Bundle" = @p0""", 1);
        _dropCounts ??= Command("""DELETE FROM archived_report_counts WHERE "Bundle" = @p0""", 1);
        foreach (var drop in new[] { _dropReports, _dropCounts })
        {
            drop.Parameters[0].Value = bundle;
            drop.ExecuteNonQuery();
        }
    }

    private void Insert(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(_rowsPerInsert))
        {
            if (!_inserts.TryGetValue((table, chunk.Length), out var insert))
            {
                var values = string.Join(", ", Enumerable.Range(0, chunk.Length)
                    .Select(row => $"({string.Join(", ", columns.Select((_, c) => $"@p{(row * columns.Length) + c}"))})"));
                insert = Command($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {values}", chunk.Length * columns.Length);
                _inserts[(table, chunk.Length)] = insert;
            }

            for (var row = 0; row < chunk.Length; row++)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    insert.Parameters[(row * columns.Length) + c].Value = chunk[row][c] ?? DBNull.Value;
                }
            }

            insert.ExecuteNonQuery();
        }
    }

    private DbCommand Command(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _tx;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        if (_prepare)
        {
            command.Prepare();
        }

        return command;
    }
}
