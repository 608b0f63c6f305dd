using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using OpsConsole.Core.Archive;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Archive;

/// <summary>A damaged bundle is unreadable with the reason, never skipped; entries outside the manifest are never read.</summary>
public sealed class ArchiveBundleReaderTests : IDisposable
{
    private static readonly BundleName Day = new(ArchiveLayout.Compliance, "2026-01-01", 1);
    private readonly FixtureTree _tree = ArchiveTree.ThreeDays();

    public ArchiveBundleReaderTests()
    {
        var mover = new ArchiveMover(_tree.Canonical());
        mover.Run(mover.Plan(ArchiveLayout.Compliance, ArchiveCandidates.ComplianceBefore(_tree.Canonical(), new DateOnly(2026, 1, 2))));
    }

    private string BundleFile => Path.Join(_tree.Root, Day.Path);

    [Fact]
    public void A_truncated_bundle_is_unreadable()
    {
        var bytes = File.ReadAllBytes(BundleFile);
        File.WriteAllBytes(BundleFile, bytes[..(bytes.Length / 2)]);

        var check = ArchiveCatalogue.Check(_tree.Canonical(), Day, verifyEntries: false);

        Assert.False(check.IsReadable);
        Assert.StartsWith("checksum mismatch", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_bundle_with_a_matching_sidecar_is_still_unreadable()
    {
        var bytes = File.ReadAllBytes(BundleFile)[..100];
        File.WriteAllBytes(BundleFile, bytes);
        File.WriteAllText(BundleFile + ".sha256", Convert.ToHexStringLower(SHA256.HashData(bytes)));

        var check = ArchiveCatalogue.Check(_tree.Canonical(), Day, verifyEntries: false);

        Assert.StartsWith("not a complete zip archive", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_whose_bytes_differ_from_the_manifest_is_an_entry_hash_mismatch()
    {
        Rewrite(zip =>
        {
            zip.GetEntry("compliance/2026-01-01/edge-01.json")!.Delete();
            var entry = zip.CreateEntry("compliance/2026-01-01/edge-01.json");
            using var stream = entry.Open();
            stream.Write(File.ReadAllBytes(Path.Join(_tree.Root, "compliance/2026-02-01/edge-01.json")).AsSpan()[..100]);
        });

        var check = ArchiveCatalogue.Check(_tree.Canonical(), Day, verifyEntries: true);

        Assert.False(check.IsReadable);
        Assert.Contains("compliance/2026-01-01/edge-01.json", check.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"schema\": \"opsconsole/archive-manifest@1\", \"entries\": [", "manifest.json does not parse")]
    [InlineData("not json at all", "manifest.json does not parse")]
    [InlineData(null, "manifest.json is missing or too large")]
    public void A_manifest_that_is_cut_short_unparsable_or_missing_makes_the_bundle_unreadable(string? manifest, string problem)
    {
        Rewrite(zip =>
        {
            zip.GetEntry(ArchiveLayout.ManifestEntry)!.Delete();
            if (manifest is not null)
            {
                using var stream = zip.CreateEntry(ArchiveLayout.ManifestEntry).Open();
                stream.Write(Encoding.UTF8.GetBytes(manifest));
            }
        });

        var check = ArchiveCatalogue.Check(_tree.Canonical(), Day, verifyEntries: false);

        Assert.False(check.IsReadable);
        Assert.Equal(problem, check.Problem);
    }

    [Fact]
    public void A_manifest_read_stops_with_an_error_past_its_cap_whatever_size_the_entry_claims()
    {
        using var exact = new CappedReadStream(new MemoryStream(new byte[1000]), 1000);
        exact.CopyTo(Stream.Null, bufferSize: 64);
        Assert.Equal(1000, exact.Position);
        Assert.False(exact.Exceeded);

        using var longer = new CappedReadStream(new MemoryStream(new byte[1001]), 1000);
        Assert.Throws<InvalidDataException>(() => longer.CopyTo(Stream.Null, bufferSize: 64));
        Assert.True(longer.Exceeded);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("compliance/2026-01-01/../../devices.json")]
    public void A_bundle_holding_a_traversal_entry_name_is_unreadable(string hostile)
    {
        Rewrite(zip =>
        {
            using var stream = zip.CreateEntry(hostile).Open();
            stream.Write("x"u8);
        });

        var check = ArchiveCatalogue.Check(_tree.Canonical(), Day, verifyEntries: false);

        Assert.False(check.IsReadable);
        Assert.Contains("does not list", check.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("compliance/2026-01-01/../2026-02-01/edge-01.json")]
    [InlineData("manifest.json")]
    [InlineData("compliance/2026-02-01/edge-01.json")]
    public void Reading_an_entry_name_that_is_not_in_the_manifest_is_refused(string name)
    {
        var check = ArchiveCatalogue.Check(_tree.Canonical(), Day, verifyEntries: false);

        var read = ArchiveBundleReader.ReadEntry(BundleFile, check, name);

        Assert.Null(read.Bytes);
        Assert.Equal("not an entry of this bundle's manifest", read.Problem);
    }

    [Fact]
    public void An_entry_in_the_manifest_is_read_on_demand_with_its_original_bytes()
    {
        var check = ArchiveCatalogue.Check(_tree.Canonical(), Day, verifyEntries: false);

        var read = ArchiveBundleReader.ReadEntry(BundleFile, check, "compliance/2026-01-01/core-02.json");

        Assert.Null(read.Problem);
        Assert.Equal(ArchiveTree.Report("core-02", "2026-01-01", deviceId: 202), Encoding.UTF8.GetString(read.Bytes!));
    }

    [Theory]
    [InlineData("archive/compliance/2026-01-01.zip", true)]
    [InlineData("archive/compliance/2026-01-01.v2.zip", true)]
    [InlineData("archive/approvals/2026-05.zip", true)]
    [InlineData("archive/approvals/2026-05-01.zip", false)]
    [InlineData("archive/compliance/2026-13-01.zip", false)]
    [InlineData("archive/compliance/2026-01-01.v1.zip", false)]
    [InlineData("archive/compliance/2026-01-01.v02.zip", false)]
    [InlineData("archive/other/2026-01-01.zip", false)]
    [InlineData("archive/restored/compliance/2026-01-01.zip", false)]
    public void Only_bundle_names_of_the_layout_are_bundles(string path, bool isBundle) => Assert.Equal(isBundle, ArchiveLayout.IsBundlePath(path));

    private void Rewrite(Action<ZipArchive> change)
    {
        using (var zip = ZipFile.Open(BundleFile, ZipArchiveMode.Update))
        {
            change(zip);
        }

        // A consistent sidecar: the damage is inside, where only the manifest and the entry checks can see it.
        File.WriteAllText(BundleFile + ".sha256", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(BundleFile))));
    }

    public void Dispose() => _tree.Dispose();
}
