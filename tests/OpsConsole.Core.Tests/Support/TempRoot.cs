using System.Text;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Tests.Support;

/// <summary>A throw-away folder for one test: the artifact root, plus siblings for "outside" targets.</summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Base = Path.Join(Path.GetTempPath(), "opsconsole-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Join(Base, "root");
        Outside = Path.Join(Base, "outside");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Outside);
        CanonicalRoot = SafePath.Canonicalize(Root);
    }

    /// <summary>Parent of <see cref="Root"/> and <see cref="Outside"/>.</summary>
    public string Base { get; }

    /// <summary>The artifact root.</summary>
    public string Root { get; }

    /// <summary>A folder next to the root, never inside it.</summary>
    public string Outside { get; }

    public string CanonicalRoot { get; }

    /// <summary>Full path of a root-relative path.</summary>
    public string PathOf(string relative) => Path.Join(Root, relative);

    /// <summary>Writes UTF-8 text (no BOM) at a root-relative path, creating folders.</summary>
    public string Write(string relative, string content) => WriteBytes(relative, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relative, byte[] content)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>Writes a file outside the root and returns its full path.</summary>
    public string WriteOutside(string name, string content)
    {
        var full = Path.Join(Outside, name);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Base, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
