namespace OpsConsole.ScaleOut.Tests.Support;

/// <summary>
/// A test's own PostgreSQL database and work folder (for a copy of the demo tree and a SQLite index), both
/// removed afterwards; the SQLite pools are cleared first so no pooled connection keeps a file of the folder open.
/// </summary>
public abstract class DatabaseAndWorkFolder(string name) : IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>The work folder, under the test run's temporary folder.</summary>
    protected string Work { get; } = Paths.NewWorkFolder(name);

    /// <summary>This test's database (created in <see cref="InitializeAsync"/>).</summary>
    protected TestDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Paths.DeleteQuietly(Work);
    }
}
