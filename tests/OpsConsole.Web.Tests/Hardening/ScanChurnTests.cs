using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Index;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Hardening;

/// <summary>Files appearing and disappearing while a full index pass walks the tree.</summary>
public sealed class ScanChurnTests
{
    [Fact]
    public async Task Full_passes_during_file_churn_never_fail_and_the_index_settles_on_what_is_left()
    {
        using var factory = new ConsoleFactory();
        var client = await factory.CreateReadyClientAsync();
        var indexer = factory.Services.GetRequiredService<ArtifactIndexer>();
        var folder = Path.Combine(factory.Root, "incidents");
        var template = await File.ReadAllTextAsync(Path.Combine(folder, "INC-0042.json"));
        using var stop = new CancellationTokenSource();

        var churn = Task.Run(async () =>
        {
            for (var i = 0; i < 400 && !stop.IsCancellationRequested; i++)
            {
                var path = Path.Combine(folder, $"INC-9{i % 20:000}.json");
                await File.WriteAllTextAsync(path, template.Replace("INC-0042", $"INC-9{i % 20:000}", StringComparison.Ordinal));
                if (i % 3 != 0)
                {
                    File.Delete(path);
                }

                await Task.Yield();
            }
        });

        var passes = new List<IndexPassResult>();
        for (var i = 0; i < 6; i++)
        {
            passes.Add(await indexer.FullPassAsync());
        }

        await stop.CancelAsync();
        await churn;
        foreach (var file in Directory.EnumerateFiles(folder, "INC-9*.json"))
        {
            File.Delete(file);
        }

        var settled = await indexer.FullPassAsync();
        var incidents = await client.GetStringAsync("/incidents?format=csv");

        Assert.Equal(6, passes.Count);
        Assert.DoesNotContain("INC-9", incidents);
        Assert.Contains("INC-0042", incidents);
        Assert.Equal(0, settled.Seen - Directory.EnumerateFiles(factory.Root, "*", SearchOption.AllDirectories).Count(f => !Path.GetFileName(f).StartsWith('.')));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
