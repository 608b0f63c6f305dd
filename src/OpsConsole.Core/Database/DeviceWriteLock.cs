using Npgsql;

namespace OpsConsole.Core.Database;

/// <summary>A lock per device that instances sharing one database take before writing the device's engagement files.</summary>
public interface IDeviceWriteLock
{
    /// <summary>Waits until this process holds <paramref name="device"/>'s lock; disposing the result releases it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string device, CancellationToken ct);
}

/// <summary>
/// PostgreSQL: a session advisory lock per device (<c>pg_advisory_lock(namespace, hashtext(device))</c>). The
/// server queues waiters in order, so instances take turns fairly, which polling a file lock cannot promise
/// under a burst; a process that dies drops its session and the lock with it. The file lock beside
/// <c>responses.csv</c> is still taken after this one, for tools that write without the database.
/// </summary>
public sealed class PostgresDeviceWriteLock(string connectionString) : IDeviceWriteLock
{
    /// <summary>First key of the two-key advisory lock: "engagement" locks never meet the leader lock's key.</summary>
    private const int Namespace = 0x456E6761; // "Enga"

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireAsync(string device, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@ns, hashtext(@device))", connection);
            command.Parameters.AddWithValue("ns", Namespace);
            command.Parameters.AddWithValue("device", device);
            command.CommandTimeout = 60;
            await command.ExecuteNonQueryAsync(ct);
            return new Held(connection, device);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string device) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@ns, hashtext(@device))", connection);
                command.Parameters.AddWithValue("ns", Namespace);
                command.Parameters.AddWithValue("device", device);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The session is gone, and its locks with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
