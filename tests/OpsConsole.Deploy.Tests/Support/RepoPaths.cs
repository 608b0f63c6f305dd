namespace OpsConsole.Deploy.Tests.Support;

/// <summary>Where the checkout is: these tests read deploy/, run scripts/ and copy the demo tree.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Deploy(string relative) => Path.Combine(Root, "deploy", relative);

    /// <summary>A private copy of the demo tree (reports/) under <paramref name="work"/>; returns its path.</summary>
    public static string CopyDemoTree(string work)
    {
        var from = Path.Combine(Root, "reports");
        var to = Path.Combine(work, "root");
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    /// <summary>A fresh folder under the temp folder (the caller deletes it).</summary>
    public static string NewWorkFolder(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "opsconsole-deploy-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRoot()
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
