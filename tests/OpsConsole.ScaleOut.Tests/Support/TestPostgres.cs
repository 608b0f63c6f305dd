using Npgsql;

namespace OpsConsole.ScaleOut.Tests.Support;

/// <summary>
/// The PostgreSQL server of the test run, from the libpq variables <c>pg_virtualenv</c> exports (PGHOST,
/// PGPORT, PGUSER, PGPASSWORD, PGDATABASE). Each test gets its own fresh database, dropped afterwards.
/// No server is a failure, never a skip: scripts/test.sh starts one and sets OPSCONSOLE_REQUIRE_POSTGRES=1,
/// and a skipped database test would look like a passed one.
/// </summary>
internal static class TestPostgres
{
    public static string AdminConnectionString(string? database = null) => new NpgsqlConnectionStringBuilder
    {
        Host = Environment.GetEnvironmentVariable("PGHOST") ?? "localhost",
        Port = int.TryParse(Environment.GetEnvironmentVariable("PGPORT"), out var port) ? port : 5432,
        Username = Environment.GetEnvironmentVariable("PGUSER") ?? "postgres",
        Password = Environment.GetEnvironmentVariable("PGPASSWORD"),
        Database = database ?? Environment.GetEnvironmentVariable("PGDATABASE") ?? "postgres",
        Timeout = 5,
    }.ConnectionString;

    /// <summary>A new empty database; fails the test with how to get a server when none answers.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = $"opsconsole_test_{Guid.NewGuid():N}";
        try
        {
            await using var admin = new NpgsqlConnection(AdminConnectionString());
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            var required = Environment.GetEnvironmentVariable("OPSCONSOLE_REQUIRE_POSTGRES") == "1" ? " (OPSCONSOLE_REQUIRE_POSTGRES=1)" : "";
            Assert.Fail($"No PostgreSQL server reachable{required}: {ex.Message}. Run the tests with scripts/test.sh, or under `pg_virtualenv dotnet test ...` (package postgresql-common).");
        }

        return new TestDatabase(name, AdminConnectionString(name));
    }
}

/// <summary>One test's database.</summary>
public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs <paramref name="sql"/> on the server's maintenance database (for statements about this database).</summary>
    public static async Task ExecuteAdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString());
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"ALTER DATABASE {Name} ALLOW_CONNECTIONS true");
        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
