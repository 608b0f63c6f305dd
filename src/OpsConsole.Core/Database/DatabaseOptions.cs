namespace OpsConsole.Core.Database;

/// <summary>Which database engine holds the index (and, with PostgreSQL, the audit trail and key ring).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded SQLite files under <c>data/</c> and <c>audit/</c>: one instance per machine (the default).</summary>
    Sqlite,

    /// <summary>One shared PostgreSQL database for N instances behind a load balancer (docs/scale-out.md).</summary>
    Postgres,
}

/// <summary>The <c>OpsConsole:Database</c> settings, shared by the web app and the CLI.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section, below <see cref="OpsConsoleOptions.Section"/>.</summary>
    public const string Section = "OpsConsole:Database";

    /// <summary>The engine; <see cref="DatabaseProvider.Sqlite"/> unless set.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>) when the provider is
    /// PostgreSQL. Unused with SQLite, whose files come from <c>DatabasePath</c> and <c>AuditPath</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>True when the provider is PostgreSQL.</summary>
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>Why these settings cannot work, or null when they can (checked at start by web and CLI alike).</summary>
    public string? Problem()
    {
        if (!Enum.IsDefined(Provider))
        {
            return "OpsConsole:Database:Provider must be Sqlite or Postgres.";
        }

        if (!IsPostgres)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return "OpsConsole:Database:ConnectionString is required when OpsConsole:Database:Provider is Postgres (e.g. Host=db;Database=opsconsole;Username=opsconsole;Password=…).";
        }

        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return null;
        }
        catch (ArgumentException)
        {
            // The message would echo the string, password included: say what is wrong without it.
            return "OpsConsole:Database:ConnectionString is not a valid PostgreSQL connection string.";
        }
    }
}
