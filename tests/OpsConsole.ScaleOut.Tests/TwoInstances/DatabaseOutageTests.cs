using System.Diagnostics.CodeAnalysis;
using System.Net;
using OpsConsole.ScaleOut.Tests.Support;

namespace OpsConsole.ScaleOut.Tests.TwoInstances;

/// <summary>Start-up checks of the provider settings, and what an instance does while its database is unreachable.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync, which disposes the client.")]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string _work = Paths.NewWorkFolder("outage");
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _database.DisposeAsync();
        Paths.DeleteQuietly(_work);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_start_up_with_a_line_naming_the_setting()
    {
        var root = Paths.CopyDemoTree(_work);
        await using var instance = ConsoleInstance.Start(root, Path.Combine(_work, "data"), connectionString: "");

        var exit = await instance.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 1, $"exit {exit}:\n{instance.Output}");
        Assert.Contains("OpsConsole:Database:ConnectionString is required when OpsConsole:Database:Provider is Postgres", instance.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_database_unreachable_ready_is_503_and_pages_say_so_in_both_languages_then_recover()
    {
        var root = Paths.CopyDemoTree(_work);
        await using var instance = ConsoleInstance.Start(root, Path.Combine(_work, "data"), _database.ConnectionString);
        await instance.WaitReadyAsync(_http);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(instance.Url + "/incidents")).StatusCode);

        // Refuse new sessions and end the current ones: to the instance, the server is gone.
        await TestDatabase.ExecuteAdminAsync($"ALTER DATABASE {_database.Name} ALLOW_CONNECTIONS false");
        await TestDatabase.ExecuteAdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database.Name}'");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _http.GetAsync(instance.Url + "/health/ready")).StatusCode);
        var english = await _http.GetAsync(instance.Url + "/incidents");
        var portuguese = await _http.GetAsync(instance.Url + "/incidents?culture=pt-BR");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (english.StatusCode, portuguese.StatusCode));
        var englishPage = await english.Content.ReadAsStringAsync();
        Assert.Contains("The database cannot be reached", englishPage, StringComparison.Ordinal);
        Assert.DoesNotContain("INC-2026-", englishPage, StringComparison.Ordinal);
        Assert.Contains("O banco de dados está inacessível", await portuguese.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await TestDatabase.ExecuteAdminAsync($"ALTER DATABASE {_database.Name} ALLOW_CONNECTIONS true");

        Assert.True(await Support.TwoInstances.EventuallyAsync(async () => (await _http.GetAsync(instance.Url + "/incidents")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(15)),
            "the pages did not come back with the database:\n" + instance.Output);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(instance.Url + "/health/ready")).StatusCode);
    }
}
