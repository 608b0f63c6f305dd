using Npgsql;
using OpsConsole.Core.Database;

namespace OpsConsole.ScaleOut.Tests.Database;

/// <summary>The index's PostgreSQL connections prepare repeated statements, unless the operator's connection string decides otherwise.</summary>
public sealed class PostgresStatementReuseTests
{
    [Fact]
    public void Statements_are_prepared_automatically_when_the_connection_string_does_not_say()
    {
        var used = new NpgsqlConnectionStringBuilder(PostgresIndexDbContext.WithStatementReuse("Host=db;Database=opsconsole;Username=console"));

        Assert.True(used.MaxAutoPrepare > 0);
        Assert.Equal("db", used.Host);
        Assert.Equal("console", used.Username);
    }

    [Theory]
    [InlineData("Host=db;Database=opsconsole;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=opsconsole;MaxAutoPrepare=5", 5)]
    public void The_operators_own_setting_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresIndexDbContext.WithStatementReuse(connectionString)).MaxAutoPrepare);
}
