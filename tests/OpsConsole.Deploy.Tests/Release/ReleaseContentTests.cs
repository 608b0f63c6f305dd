using System.Reflection.PortableExecutable;
using System.Text.Json;
using OpsConsole.Deploy.Tests.Support;

namespace OpsConsole.Deploy.Tests.Release;

/// <summary>What <c>scripts/publish.sh</c> puts in the release tarball.</summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseContentTests(ReleaseFixture release)
{
    [Fact]
    public void The_tarball_is_named_after_its_version_and_holds_the_web_app_the_cli_the_unit_and_the_guide()
    {
        Assert.Equal($"opsconsole-{ReleaseFixture.Version}-linux-x64.tar.gz", Path.GetFileName(release.Tarball));
        Assert.Equal(ReleaseFixture.Version, File.ReadAllText(Path.Combine(release.Folder, "VERSION")).Trim());
        foreach (var file in new[] { "web/OpsConsole.Web.dll", "web/appsettings.json", "cli/opsconsole.dll", "bin/opsconsole",
            "deploy/opsconsole.env.example", "deploy/nginx/opsconsole.conf", "deploy/prometheus-rules.yml", "docs/operations.md" })
        {
            Assert.True(File.Exists(Path.Combine(release.Folder, file)), file + " is missing from the tarball");
        }

        Assert.Equal(File.ReadAllText(RepoPaths.Deploy("opsconsole.service")), File.ReadAllText(Path.Combine(release.Folder, "deploy", "opsconsole.service")));
        Assert.True(File.GetUnixFileMode(Path.Combine(release.Folder, "bin", "opsconsole")).HasFlag(UnixFileMode.UserExecute));
    }

    [Theory]
    [InlineData("web", "OpsConsole.Web")]
    [InlineData("web", "OpsConsole.Core")]
    [InlineData("cli", "opsconsole")]
    public void The_assemblies_are_ready_to_run_and_framework_dependent(string folder, string assembly)
    {
        var dll = Path.Combine(release.Folder, folder, assembly + ".dll");
        using (var pe = new PEReader(File.OpenRead(dll)))
        {
            // A ReadyToRun image carries precompiled native code behind the managed-native header.
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, dll + " is not ReadyToRun");
        }

        Assert.False(File.Exists(Path.Combine(release.Folder, folder, "libcoreclr.so")), "the runtime was bundled (self-contained)");
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(release.Folder, folder, assembly == "OpsConsole.Core" ? "OpsConsole.Web.runtimeconfig.json" : assembly + ".runtimeconfig.json")));
        var options = config.RootElement.GetProperty("runtimeOptions");
        Assert.True(options.TryGetProperty("framework", out _) || options.TryGetProperty("frameworks", out _), "no shared framework named");
    }
}
