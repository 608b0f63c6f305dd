using System.Diagnostics.CodeAnalysis;
namespace OpsConsole.Deploy.Tests.Support;

/// <summary>
/// Runs <c>scripts/publish.sh</c> once per test run (about two minutes on two idle cores, far longer on a
/// shared, loaded machine: hence the generous bound) and unpacks
/// the tarball; every release test reads that one unpacked copy. A failed publish fails them all.
/// </summary>
public sealed class ReleaseFixture : IAsyncLifetime
{
    public const string Version = "0.0.0-test.1";

    private readonly string _work = RepoPaths.NewWorkFolder("release");

    public string Tarball { get; private set; } = "";

    /// <summary>The unpacked release folder (opsconsole-&lt;version&gt;/).</summary>
    public string Folder { get; private set; } = "";

    public string PublishLog { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var publish = await Tool.RunAsync("bash", ["scripts/publish.sh", "--version", Version, "--out", Path.Combine(_work, "out")], TimeSpan.FromMinutes(30));
        PublishLog = publish.All;
        Assert.True(publish.ExitCode == 0, "scripts/publish.sh failed:\n" + publish.All);
        Tarball = publish.Output.Trim().Split('\n')[^1];
        var unpack = await Tool.RunAsync("tar", ["-xzf", Tarball, "-C", _work], TimeSpan.FromMinutes(2));
        Assert.True(unpack.ExitCode == 0, unpack.All);
        Folder = Path.Combine(_work, "opsconsole-" + Version);
    }

    public Task DisposeAsync()
    {
        RepoPaths.DeleteQuietly(_work);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "An xunit collection definition: the suffix is xunit's convention.")]
public sealed class ReleaseCollection : ICollectionFixture<ReleaseFixture>
{
    public const string Name = "release";
}
