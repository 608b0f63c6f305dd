using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Audit;

/// <summary>
/// Moves the audit trail that older versions kept inside the index database (table <c>audit_events</c>)
/// into the audit store, once, so nothing recorded before the upgrade is lost. Runs after the index is
/// migrated (the index migration leaves the table in place for this) and drops the table only after
/// the copy is committed in the audit store.
/// </summary>
public static class LegacyAuditImport
{
    /// <summary>The event type that records an import (its detail carries the fingerprint of what was copied).</summary>
    public const string ImportType = "audit.import";

    /// <summary>Copies any legacy events of <paramref name="indexDatabasePath"/> into <paramref name="store"/>; returns how many.</summary>
    public static int Run(string indexDatabasePath, IAuditStore store)
    {
        if (!File.Exists(indexDatabasePath))
        {
            return 0;
        }

        using var index = new SqliteConnection($"Data Source={indexDatabasePath};Pooling=False;Default Timeout=30");
        index.Open();

        // The index's write lock for the whole move: a second process (web and CLI starting together)
        // waits here and then finds the table gone, so events are never copied twice.
        using var transaction = index.BeginTransaction(deferred: false);
        if (!TableExists(index, transaction))
        {
            return 0;
        }

        var legacy = ReadLegacy(index, transaction);
        if (legacy.Count > 0)
        {
            var fingerprint = Fingerprint(legacy);

            // A crash after the copy but before the drop leaves the table: the fingerprint stops a second copy.
            if (!AlreadyImported(store, fingerprint))
            {
                var drafts = legacy.Append(new AuditEvent
                {
                    AtTicks = DateTimeOffset.UtcNow.UtcTicks,
                    Type = ImportType,
                    Actor = "opsconsole",
                    Target = "index database (legacy table audit_events)",
                    Source = "upgrade",
                    Outcome = "ok",
                    Detail = $"{legacy.Count} events copied from the index database; fingerprint {fingerprint}",
                }).ToList();
                store.Append(drafts);
            }
        }

        using (var drop = index.CreateCommand())
        {
            drop.Transaction = transaction;
            drop.CommandText = "DROP TABLE audit_events;";
            drop.ExecuteNonQuery();
        }

        transaction.Commit();
        return legacy.Count;
    }

    private static bool TableExists(SqliteConnection index, SqliteTransaction transaction)
    {
        using var command = index.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_events';";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static List<AuditEvent> ReadLegacy(SqliteConnection index, SqliteTransaction transaction)
    {
        using var command = index.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Id, AtTicks, Type, Actor, Target, Source, Outcome, Detail FROM audit_events ORDER BY Id;";
        using var reader = command.ExecuteReader();
        var events = new List<AuditEvent>();
        while (reader.Read())
        {
            // Kept as recorded (time, who, what), with the legacy id in the detail; text is redacted
            // because older versions stored refused paths raw.
            var legacyDetail = reader.IsDBNull(7) ? null : reader.GetString(7);
            events.Add(new AuditEvent
            {
                AtTicks = reader.GetInt64(1),
                Type = reader.GetString(2),
                Actor = SecretRedactor.Redact(reader.GetString(3)),
                Target = SecretRedactor.Redact(reader.IsDBNull(4) ? null : reader.GetString(4)),
                Source = reader.GetString(5),
                Outcome = reader.GetString(6),
                Detail = SecretRedactor.Redact(legacyDetail is null ? $"[legacy #{reader.GetInt64(0)}]" : $"[legacy #{reader.GetInt64(0)}] {legacyDetail}"),
            });
        }

        return events;
    }

    private static string Fingerprint(IEnumerable<AuditEvent> legacy)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in legacy)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{e.AtTicks}\u001f{e.Type}\u001f{e.Actor}\u001f{e.Target}\u001f{e.Source}\u001f{e.Outcome}\u001f{e.Detail}\u001e"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static bool AlreadyImported(IAuditStore store, string fingerprint) =>
        store.Find(new AuditQuery(ImportType, null, null, null, 0, int.MaxValue)).Items.Any(e => e.Detail?.Contains(fingerprint, StringComparison.Ordinal) == true);
}
