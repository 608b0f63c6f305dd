using Microsoft.Data.Sqlite;
using OpsConsole.Core.Audit;

namespace OpsConsole.Tests.Fixtures;

/// <summary>
/// What someone with write access to the audit store file could do: drop the append-only triggers and
/// edit rows directly. Shared (as a linked file) by the Core, CLI and web test projects.
/// </summary>
internal static class AuditTamper
{
    /// <summary>Runs <paramref name="sql"/> on the store file with the append-only triggers dropped first.</summary>
    public static void Execute(string auditPath, string sql)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={auditPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete; " + sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Changes one field of event <paramref name="id"/> and leaves its hash as it was.</summary>
    public static void ChangeDetail(string auditPath, long id, string detail) =>
        Execute(auditPath, $"UPDATE audit_events SET Detail = '{detail}' WHERE Id = {id};");

    /// <summary>Changes one field of event <paramref name="id"/> and recomputes its own hash (but not the next event's link).</summary>
    public static void ChangeDetailAndRehash(string auditPath, long id, string detail)
    {
        var e = new SqliteAuditStore(auditPath).ReadChain().Single(x => x.Id == id);
        e.Detail = detail;
        Execute(auditPath, $"UPDATE audit_events SET Detail = '{detail}', Hash = '{AuditChain.ComputeHash(e)}' WHERE Id = {id};");
    }

    /// <summary>Removes event <paramref name="id"/>.</summary>
    public static void Delete(string auditPath, long id) => Execute(auditPath, $"DELETE FROM audit_events WHERE Id = {id};");

    /// <summary>Swaps the places of events <paramref name="a"/> and <paramref name="b"/> (each keeps its content and hash).</summary>
    public static void Swap(string auditPath, long a, long b) =>
        Execute(auditPath, $"UPDATE audit_events SET Id = -1 WHERE Id = {a}; UPDATE audit_events SET Id = {a} WHERE Id = {b}; UPDATE audit_events SET Id = {b} WHERE Id = -1;");
}
