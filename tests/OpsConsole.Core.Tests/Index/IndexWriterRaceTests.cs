using OpsConsole.Core.Index;

namespace OpsConsole.Core.Tests.Index;

/// <summary>
/// Two processes share one index (the web app and the CLI): a pass decides which files are new from its own
/// snapshot of the catalogue, which another process may have outdated by the time it writes.
/// </summary>
public sealed class IndexWriterRaceTests : IDisposable
{
    private readonly IndexFixture _index = new();

    [Fact]
    public void A_file_another_process_indexed_since_the_snapshot_is_updated_not_a_failed_pass()
    {
        using (var other = new IndexWriter(_index.Db()))
        {
            other.Write([File("incidents/INC-1.json", "open", new FindingRecord { Path = "incidents/INC-1.json", Condition = 4, Detail = "old" })]);
        }

        using (var stale = new IndexWriter(_index.Db()))
        {
            var (added, updated) = stale.Write([File("incidents/INC-1.json", "resolved")]);
            Assert.Equal((0, 1), (added, updated));
        }

        using var db = _index.Db();
        var row = Assert.Single(db.Artifacts.Where(a => a.Path == "incidents/INC-1.json"));
        Assert.Equal("resolved", row.Status);
        Assert.Empty(db.Findings.Where(f => f.Path == "incidents/INC-1.json"));
    }

    private static InspectedFile File(string path, string status, params FindingRecord[] findings) =>
        new(new ArtifactRecord { Path = path, Kind = "Incident", Size = 10, Readable = true, Status = status }, [.. findings], null, IsNew: true);

    public void Dispose() => _index.Dispose();
}
