using OpsConsole.Core.Archive;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Archive;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Cli.Tests.Archive;

/// <summary>A real <c>opsconsole compliance archive</c> process killed while it moves files: the next run loses nothing and counts nothing twice.</summary>
public sealed class ArchiveKillTests : IDisposable
{
    private const int Days = 20;
    private const int Devices = 100;
    private readonly FixtureTree _tree = FixtureTree.Empty();

    [Fact]
    public async Task A_killed_archive_run_leaves_every_report_in_place_or_in_a_complete_bundle_and_the_next_run_finishes_it()
    {
        _tree.Write("devices.json", FixtureTree.Inventory([.. Enumerable.Range(0, Devices).Select(d => ($"dev-{d:000}", (long)d + 1))]));
        var first = new DateOnly(2026, 1, 1);
        for (var day = 0; day < Days; day++)
        {
            var date = first.AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            for (var d = 0; d < Devices; d++)
            {
                _tree.Write($"compliance/{date}/dev-{d:000}.json", ArchiveTree.Report($"dev-{d:000}", date, deviceId: d + 1));
            }
        }

        var before = _tree.Originals();
        var bundles = Path.Combine(_tree.Root, "archive", "compliance");
        using (var process = CliHost.Start(_tree, "compliance", "archive", "--before", first.AddDays(Days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
        {
            // Kill once the first bundle is in place: the run is then between writing bundles and removing originals.
            while (!process.HasExited && !(Directory.Exists(bundles) && Directory.EnumerateFiles(bundles, "*.zip").Any()))
            {
                await Task.Delay(5);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        AssertEachReportOnceWithItsBytes(before);
        var rerun = await CliHost.RunAsync(_tree, "compliance", "archive", "--before", first.AddDays(Days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, rerun.ExitCode);
        AssertEachReportOnceWithItsBytes(before);
        Assert.DoesNotContain(_tree.Originals().Keys, k => k.StartsWith("compliance/", StringComparison.Ordinal));
        Assert.Equal(Days * Devices, new ArchivedRecords(SafePath.Canonicalize(_tree.Root)).Current().ReportCount);
        Assert.Equal(0, (await CliHost.RunAsync(_tree, "archive", "verify")).ExitCode);
    }

    private void AssertEachReportOnceWithItsBytes(Dictionary<string, byte[]> before)
    {
        var root = SafePath.Canonicalize(_tree.Root);
        var archived = ArchiveCatalogue.Names(root)
            .Select(n => ArchiveCatalogue.Check(root, n, verifyEntries: true))
            .Where(c => c.IsReadable)
            .SelectMany(c => ArchiveBundleReader.ReadAll(Path.Join(root, c.Name.Path), c.Manifest!))
            .GroupBy(a => a.Entry.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Bytes).ToList(), StringComparer.Ordinal);
        var live = _tree.Originals();
        foreach (var (path, bytes) in before)
        {
            var copies = archived.GetValueOrDefault(path) ?? [];
            Assert.True(live.ContainsKey(path) || copies.Count > 0, $"{path} was lost");
            Assert.True(copies.Count <= 1, $"{path} is in {copies.Count} bundles");
            Assert.All(copies, c => Assert.Equal(bytes, c));
            if (live.TryGetValue(path, out var now))
            {
                Assert.Equal(bytes, now);
            }
        }

        // What the console counts: a report still in place is live, not archived, so nothing is counted twice.
        var counted = new ArchivedRecords(root).Current().ReportCount + live.Keys.Count(k => k.StartsWith("compliance/", StringComparison.Ordinal));
        Assert.Equal(before.Count, counted);
    }

    public void Dispose() => _tree.Dispose();
}
