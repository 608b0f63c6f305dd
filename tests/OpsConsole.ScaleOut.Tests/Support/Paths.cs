namespace OpsConsole.ScaleOut.Tests.Support;

/// <summary>Where the checkout and the built apps are, and private copies of the demo tree.</summary>
internal static class Paths
{
    public static string Repo { get; } = FindRepo();

    /// <summary>Release or Debug: the configuration these tests were built with (the apps are built with it too).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string WebProject => Path.Combine(Repo, "src", "OpsConsole.Web");

    public static string WebDll => Path.Combine(WebProject, "bin", Configuration, "net10.0", "OpsConsole.Web.dll");

    public static string CliDll => Path.Combine(Repo, "src", "OpsConsole.Cli", "bin", Configuration, "net10.0", "opsconsole.dll");

    /// <summary>A fresh folder under the temp folder.</summary>
    public static string NewWorkFolder(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "opsconsole-scaleout-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A private copy of the demo tree (reports/) under <paramref name="work"/>; returns its path.</summary>
    public static string CopyDemoTree(string work)
    {
        var from = Path.Combine(Repo, "reports");
        var to = Path.Combine(work, "root");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    public static void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OpsConsole.sln not found above " + AppContext.BaseDirectory);
    }
}
