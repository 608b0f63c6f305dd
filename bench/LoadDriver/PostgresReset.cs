using System.Diagnostics;

namespace OpsConsole.Bench;

/// <summary>
/// With <c>bash bench/run.sh --provider postgres</c> the app runs on PostgreSQL (the provider settings are in
/// the environment the app inherits). A cold start then needs an empty database, as deleting the SQLite file
/// gives on the default provider: the schema is dropped and re-created with psql (libpq reads the PG*
/// variables pg_virtualenv exported).
/// </summary>
internal static class PostgresReset
{
    public static void IfConfigured()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("OpsConsole__Database__Provider"), "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var info = new ProcessStartInfo("psql") { UseShellExecute = false };
        foreach (var arg in new[] { "-v", "ON_ERROR_STOP=1", "-q", "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" })
        {
            info.ArgumentList.Add(arg);
        }

        using var psql = Process.Start(info)!;
        psql.WaitForExit();
        if (psql.ExitCode != 0)
        {
            throw new InvalidOperationException("psql could not reset the benchmark database");
        }
    }
}
