using System.Diagnostics;
using System.Runtime.Versioning;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Storage;

public sealed class ArtifactStoreTests : IDisposable
{
    private const string ReportPath = "compliance/2026-05-01/dev-1.json";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);
    private readonly TempRoot _temp = new();

    private ArtifactStore Store(long maxBytes = 5 * 1024 * 1024) => new(_temp.Root, maxBytes);

    [Fact]
    public void MissingRootThrowsDirectoryNotFoundNamingTheFolderAndTheSetting()
    {
        var missing = Path.Join(_temp.Base, "nope");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => new ArtifactStore(missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ArtifactRoot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadableReportLoadsWithItsKindAndDocument()
    {
        _temp.Write(ReportPath, SampleDocuments.ComplianceReport);
        using var store = Store();

        var loaded = store.Load(ReportPath);

        Assert.NotNull(loaded);
        Assert.True(loaded.IsReadable);
        Assert.Equal(ArtifactKind.ComplianceReport, loaded.Kind);
        Assert.Equal(ReportPath, loaded.RelativePath);
        Assert.Equal("RPT-1", store.LoadDocument<ComplianceReport>(ReportPath)?.ReportId);
    }

    [Theory]
    [InlineData("../outside/secret.json")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../outside/secret.json")]
    public void PathOutsideTheRootLoadsNothing(string path)
    {
        _temp.WriteOutside("secret.json", SampleDocuments.Incident);
        using var store = Store();

        Assert.Null(store.Load(path));
        Assert.Null(store.ReadBytes(path));
    }

    [Fact]
    public void SymlinkToAFileOutsideLoadsNothing()
    {
        var target = _temp.WriteOutside("secret.json", SampleDocuments.Incident);
        Directory.CreateDirectory(_temp.PathOf("incidents"));
        File.CreateSymbolicLink(_temp.PathOf("incidents/INC-1.json"), target);
        using var store = Store();

        Assert.Null(store.Load("incidents/INC-1.json"));
    }

    [Fact]
    public void MissingFileLoadsNothing()
    {
        using var store = Store();

        Assert.Null(store.Load("incidents/INC-404.json"));
    }

    [Fact]
    public void FileOverTheSizeCapIsUnreadableWithoutBeingParsed()
    {
        _temp.Write(ReportPath, SampleDocuments.ComplianceReport);
        using var store = Store(maxBytes: 100);

        var loaded = store.Load(ReportPath);

        Assert.NotNull(loaded);
        Assert.False(loaded.IsReadable);
        Assert.Contains("size cap", loaded.Problem, StringComparison.Ordinal);
        Assert.Null(store.ReadBytes(ReportPath));
    }

    [Fact]
    public void RewrittenFileIsReadAgainInsteadOfServedFromCache()
    {
        var full = _temp.Write(ReportPath, SampleDocuments.ComplianceReport);
        using var store = Store();
        Assert.Equal("RPT-1", store.LoadDocument<ComplianceReport>(ReportPath)?.ReportId);

        _temp.Write(ReportPath, SampleDocuments.ComplianceReport.Replace("RPT-1", "RPT-2-longer", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(full, File.GetLastWriteTimeUtc(full).AddSeconds(5));

        Assert.Equal("RPT-2-longer", store.LoadDocument<ComplianceReport>(ReportPath)?.ReportId);
    }

    [Fact]
    public void FileRewrittenWithTheSameLengthButANewTimeIsReadAgain()
    {
        var full = _temp.Write(ReportPath, SampleDocuments.ComplianceReport);
        using var store = Store();
        Assert.Equal("RPT-1", store.LoadDocument<ComplianceReport>(ReportPath)?.ReportId);

        _temp.Write(ReportPath, SampleDocuments.ComplianceReport.Replace("RPT-1", "RPT-9", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(full, File.GetLastWriteTimeUtc(full).AddSeconds(5));

        Assert.Equal("RPT-9", store.LoadDocument<ComplianceReport>(ReportPath)?.ReportId);
    }

    [Fact]
    public void FileRewrittenWithTheSameLengthAndTheSameTimeIsReadAgain()
    {
        var full = _temp.Write(ReportPath, SampleDocuments.ComplianceReport);
        var time = File.GetLastWriteTimeUtc(full);
        using var store = Store();
        Assert.Equal("RPT-1", store.LoadDocument<ComplianceReport>(ReportPath)?.ReportId);

        // A tool that restores the modified time (rsync -t, cp -p, a coarse clock) keeps length and time.
        _temp.Write(ReportPath, SampleDocuments.ComplianceReport.Replace("RPT-1", "RPT-9", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(full, time);

        Assert.Equal("RPT-9", store.LoadDocument<ComplianceReport>(ReportPath)?.ReportId);
    }

    [Fact]
    public void EmptyFileIsUnreadableAsEmpty()
    {
        _temp.Write(ReportPath, "");
        using var store = Store();

        var loaded = store.Load(ReportPath);

        Assert.NotNull(loaded);
        Assert.False(loaded.IsReadable);
        Assert.Contains("empty", loaded.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FifoIsUnreadableAndLoadingItDoesNotBlock()
    {
        Directory.CreateDirectory(_temp.PathOf("compliance/2026-05-01"));
        var fifo = _temp.PathOf(ReportPath);
        Run("mkfifo", fifo);
        using var store = Store();

        var loaded = await Task.Run(() => store.Load(ReportPath)).WaitAsync(HangGuard);
        var bytes = await Task.Run(() => store.ReadBytes(ReportPath)).WaitAsync(HangGuard);

        Assert.NotNull(loaded);
        Assert.False(loaded.IsReadable);
        Assert.NotNull(loaded.Problem);
        Assert.True(bytes is null || bytes.Length == 0);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void FileWithoutReadPermissionIsUnreadableUnlessTheProcessBypassesPermissions()
    {
        var full = _temp.Write(ReportPath, SampleDocuments.ComplianceReport);
        File.SetUnixFileMode(full, UnixFileMode.None);
        using var store = Store();

        var loaded = store.Load(ReportPath);

        Assert.NotNull(loaded);
        if (CanOpen(full))
        {
            // Running as root (CAP_DAC_OVERRIDE): mode 000 does not stop reads, so the store reads the file
            // like any other. This is what an operator running the console as root will see.
            Assert.True(loaded.IsReadable);
            Assert.Equal("RPT-1", loaded.As<ComplianceReport>()?.ReportId);
        }
        else
        {
            Assert.False(loaded.IsReadable);
            Assert.Contains("cannot be read", loaded.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RootIsAvailableWhileItExists()
    {
        using var store = Store();

        Assert.True(store.IsRootAvailable);
        Directory.Delete(_temp.Root, recursive: true);
        Assert.False(store.IsRootAvailable);
    }

    [Fact]
    public void RootGivenThroughASymlinkIsStoredCanonical()
    {
        var link = Path.Join(_temp.Base, "root-link");
        Directory.CreateSymbolicLink(link, _temp.Root);
        _temp.Write(ReportPath, SampleDocuments.ComplianceReport);

        using var store = new ArtifactStore(link);

        Assert.Equal(_temp.CanonicalRoot, store.Root);
        Assert.True(store.Load(ReportPath)?.IsReadable);
    }

    private static bool CanOpen(string path)
    {
        try
        {
            using var _ = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {process.StandardError.ReadToEnd()}");
    }

    public void Dispose() => _temp.Dispose();
}
