using System.Diagnostics;
using System.Text.Json;

namespace OpsConsole.ScaleOut.Tests.Support;

/// <summary>Two console instances on one PostgreSQL database and one artifact root (a copy of the demo tree).</summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private readonly string _work;

    private TwoInstances(string work, string root, TestDatabase database, ConsoleInstance a, ConsoleInstance b)
    {
        _work = work;
        Root = root;
        Database = database;
        A = a;
        B = b;
    }

    public string Root { get; }

    public TestDatabase Database { get; }

    public ConsoleInstance A { get; }

    public ConsoleInstance B { get; }

    /// <summary>No redirects and no cookie jar: each test handles its cookies and tokens as it means to.</summary>
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<TwoInstances> StartAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var work = Paths.NewWorkFolder("two-instances");
        var root = Paths.CopyDemoTree(work);

        // One after the other, as the schema is created by the first: the concurrent case is MigrationLockTests.
        var a = ConsoleInstance.Start(root, Path.Combine(work, "data-a"), database.ConnectionString);
        var b = ConsoleInstance.Start(root, Path.Combine(work, "data-b"), database.ConnectionString);
        var both = new TwoInstances(work, root, database, a, b);
        await a.WaitReadyAsync(both.Http);
        await b.WaitReadyAsync(both.Http);
        return both;
    }

    /// <summary>Reads <c>/health</c> of <paramref name="instance"/>.</summary>
    public async Task<JsonElement> HealthAsync(ConsoleInstance instance)
    {
        var body = await Http.GetStringAsync(instance.Url + "/health");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Polls (bounded) until <paramref name="condition"/> holds; returns false when it never did.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return await condition();
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        Http.Dispose();
        await Database.DisposeAsync();
        Paths.DeleteQuietly(_work);
    }
}
