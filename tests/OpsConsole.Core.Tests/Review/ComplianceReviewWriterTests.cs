using OpsConsole.Core.Compliance;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Review;

/// <summary>The reviewed mark is written atomically: readers see no mark or the whole mark, never a part.</summary>
public sealed class ComplianceReviewWriterTests : IDisposable
{
    private static readonly RunSnapshot Run = new(3, 1, 0);
    private readonly TempRoot _temp = new();
    private readonly ArtifactStore _store;

    public ComplianceReviewWriterTests()
    {
        _temp.Write("compliance/2026-05-01/dev-1.json", SampleDocuments.ComplianceReport);
        _store = new ArtifactStore(_temp.Root);
    }

    private static ReviewRequest Request(string actor = "ana.souza", bool force = false) =>
        new("2026-05-01", actor, null, force, new DateTimeOffset(2026, 5, 1, 13, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Until_the_rename_the_mark_does_not_exist_and_the_temp_file_is_a_dot_file()
    {
        var target = _temp.PathOf("compliance/2026-05-01.review.json");
        string? seenTemp = null;

        var outcome = new ComplianceReviewWriter(_store).Write(Request(), Run, temp =>
        {
            seenTemp = temp;
            Assert.False(File.Exists(target));
        });

        Assert.True(outcome.IsWritten);
        Assert.StartsWith(".", Path.GetFileName(seenTemp));
        Assert.False(File.Exists(seenTemp));
        Assert.Contains("\"reviewed_by\": \"ana.souza\"", File.ReadAllText(target));
    }

    [Fact]
    public void A_failure_before_the_rename_leaves_the_earlier_mark_untouched_and_no_temp_file()
    {
        new ComplianceReviewWriter(_store).Write(Request(), Run);
        var target = _temp.PathOf("compliance/2026-05-01.review.json");
        var before = File.ReadAllBytes(target);

        Assert.Throws<IOException>(() => new ComplianceReviewWriter(_store).Write(Request("bruno.reis", force: true), Run, _ => throw new IOException("disk full")));

        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Equal(["2026-05-01", "2026-05-01.review.json"],
            Directory.EnumerateFileSystemEntries(_temp.PathOf("compliance")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_mark_written_by_someone_else_between_the_check_and_the_rename_is_not_overwritten()
    {
        var target = _temp.PathOf("compliance/2026-05-01.review.json");

        var outcome = new ComplianceReviewWriter(_store).Write(Request("bruno.reis"), Run, _ => File.WriteAllText(target, "theirs"));

        Assert.False(outcome.IsWritten);
        Assert.Contains("reviewed by someone else a moment ago", Assert.Single(outcome.Refusals));
        Assert.Equal("theirs", File.ReadAllText(target));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
