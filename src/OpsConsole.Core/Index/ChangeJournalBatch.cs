using System.Data.Common;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Index;

/// <summary>What the journal compares of a catalogue row: its describable facets.</summary>
internal sealed record JournalSnapshot(string? Status, int? Count, string? Problem, string? Category, string? Title, string? Key, string? Device)
{
    /// <summary>A compliance report's divergence fields (<see cref="Index.DivergentFields"/> form).</summary>
    public string? DivergentFields { get; init; }

    /// <summary>
    /// False when the row may predate the stored fields (a report with divergences but no fields, indexed before
    /// the column existed): nothing can then be said about which fields are new.
    /// </summary>
    public bool FieldsKnown => DivergentFields is not null || Count is null or 0;

    /// <summary>The status the journal records: "unreadable" for a file that could not be read.</summary>
    public static string? StatusOf(bool readable, string? status) => readable ? status : "unreadable";

    /// <summary>
    /// True when the describable facets are equal. The fields are left out: a row re-read only to fill them in
    /// (after the column was added) is no change. The cost is that a report file rewritten in place with other
    /// fields at the same count is not journaled; a new day's report, the usual case, is compared field by field.
    /// </summary>
    public bool SameFacets(JournalSnapshot other) => this with { DivergentFields = other.DivergentFields } == other;
}

/// <summary>
/// Records journal rows inside one write transaction of <see cref="IndexWriter"/>: the row before the update is
/// read first, and a row is written only when a describable facet changed (a touched file is no change).
/// A new compliance report is compared with the device's previous report, so "newly divergent" and "back to
/// compliant" are journal rows, not a scan of the history; an approval moved to a new state folder is compared
/// with its row under the old folder.
/// </summary>
internal sealed class ChangeJournalBatch : IDisposable
{
    private static readonly string[] Columns =
    [
        "AtTicks", "Change", "Path", "Kind", "Key", "Device", "GroupKey", "Title", "StatusBefore", "StatusAfter",
        "CountBefore", "CountAfter", "Category", "Actor", "Problem", "NewDivergentFields",
    ];

    private readonly ChangeJournal _journal;
    private readonly DbCommand _before;
    private readonly DbCommand _previousReport;
    private readonly DbCommand _movedApproval;
    private readonly DbCommand _insert;

    public ChangeJournalBatch(ChangeJournal journal, DbConnection connection, DbTransaction tx)
    {
        _journal = journal;
        _before = Command(connection, tx, "SELECT \"Readable\", \"Status\", \"Count\", \"Problem\", \"Category\", \"Title\", \"Key\", \"Device\", \"DivergentFields\" FROM artifacts WHERE \"Path\" = @p0", 1);
        _previousReport = Command(connection, tx,
            $"SELECT \"Readable\", \"Status\", \"Count\", \"Problem\", \"Category\", \"Title\", \"Key\", \"Device\", \"DivergentFields\" FROM artifacts WHERE \"Kind\" = '{nameof(ArtifactKind.ComplianceReport)}' "
            + "AND \"Device\" = @p0 AND \"Path\" <> @p1 AND \"AtTicks\" < @p2 ORDER BY \"AtTicks\" DESC LIMIT 1", 3);
        _movedApproval = Command(connection, tx,
            $"SELECT \"Readable\", \"Status\", \"Count\", \"Problem\", \"Category\", \"Title\", \"Key\", \"Device\", \"DivergentFields\" FROM artifacts WHERE \"Kind\" = '{nameof(ArtifactKind.Approval)}' "
            + "AND \"Key\" = @p0 AND \"Path\" <> @p1 LIMIT 1", 2);
        _insert = Command(connection, tx,
            $"INSERT INTO change_journal ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})", Columns.Length);
    }

    /// <summary>The catalogue row of <paramref name="path"/> as it is now (call before updating it).</summary>
    public JournalSnapshot? Before(string path)
    {
        _before.Parameters[0].Value = path;
        return ReadSnapshot(_before);
    }

    /// <summary>Records the change from <paramref name="before"/> (null: the file is new) to <paramref name="file"/>.</summary>
    public void Record(JournalSnapshot? before, InspectedFile file)
    {
        var r = file.Record;
        var after = new JournalSnapshot(JournalSnapshot.StatusOf(r.Readable, r.Status), r.Count, r.Problem, r.Category, r.Title, r.Key, r.Device)
        {
            DivergentFields = r.DivergentFields,
        };
        if (before is not null && before.SameFacets(after))
        {
            return;
        }

        var change = before is null ? ChangeKinds.Added : ChangeKinds.Changed;
        if (before is null && r.Kind == nameof(ArtifactKind.ComplianceReport) && r.Device is not null)
        {
            // A report of a new day: its "before" is the device's previous report.
            _previousReport.Parameters[0].Value = r.Device;
            _previousReport.Parameters[1].Value = r.Path;
            _previousReport.Parameters[2].Value = r.AtTicks ?? long.MaxValue;
            before = ReadSnapshot(_previousReport);
            if (before is not null && before.Status == after.Status && before.Count == after.Count
                && (before.DivergentFields == after.DivergentFields || !before.FieldsKnown))
            {
                // The nightly run adds one report per device; one that says what the previous said is no news,
                // and leaving it out keeps the journal (and a 12-hour digest) to what changed. The same count over
                // other fields is news: one divergence cleared, another new.
                return;
            }
        }
        else if (before is null && r.Kind == nameof(ArtifactKind.Approval) && r.Key is not null)
        {
            // A decision moves the file to its new state folder: its "before" is the row under the old folder
            // (still catalogued while the new one is written; its removal is journaled too).
            _movedApproval.Parameters[0].Value = r.Key;
            _movedApproval.Parameters[1].Value = r.Path;
            before = ReadSnapshot(_movedApproval);
        }

        // Which fields diverge newly: said only when the report before is known field by field (or there is none).
        var newFields = r.Kind == nameof(ArtifactKind.ComplianceReport) && (before is null || before.FieldsKnown)
            ? DivergentFields.Added(before?.DivergentFields, after.DivergentFields)
            : null;
        object?[] values =
        [
            _journal.AtTicks, change, r.Path, r.Kind, r.Key, r.Device, r.GroupKey, r.Title, before?.Status, after.Status,
            before?.Count, after.Count, r.Category, file.Mover, r.Problem, newFields,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _insert.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _before.Dispose();
        _previousReport.Dispose();
        _movedApproval.Dispose();
        _insert.Dispose();
    }

    private static JournalSnapshot? ReadSnapshot(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new JournalSnapshot(JournalSnapshot.StatusOf(reader.GetBoolean(0), Text(1)), reader.IsDBNull(2) ? null : reader.GetInt32(2),
            Text(3), Text(4), Text(5), Text(6), Text(7))
        {
            DivergentFields = Text(8),
        };
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            p.Value = DBNull.Value;
            command.Parameters.Add(p);
        }

        command.Prepare();
        return command;
    }
}
