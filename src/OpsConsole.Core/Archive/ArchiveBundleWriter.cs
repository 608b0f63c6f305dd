using System.IO.Compression;
using System.Text.Json;
using OpsConsole.Core.Engagement;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Archive;

/// <summary>A bundle written and renamed into place.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Manifest">Its manifest (each entry hashed from the bytes that went into the bundle).</param>
/// <param name="Sha256">SHA-256 of the bundle file (also in its sidecar).</param>
public sealed record WrittenBundle(BundleName Name, ArchiveManifest Manifest, string Sha256);

/// <summary>
/// Writes one bundle atomically: the zip goes to a dot-file in the bundle folder (never indexed), is flushed to disk,
/// its SHA-256 is written to the sidecar, and only then is it renamed to its final name. A bundle under its final
/// name is therefore always complete; an interruption before the rename leaves only a dot-file the next run removes.
/// The originals are not touched here (see <see cref="ArchiveMover"/>).
/// </summary>
public sealed class ArchiveBundleWriter
{
    /// <summary>
    /// Deflate level of every entry. Fastest, not Optimal: reports are small JSON documents that deflate nearly as well
    /// either way (docs/performance.md gives the sizes), and Optimal cost more CPU than the rest of the bundle.
    /// </summary>
    public const CompressionLevel EntryCompression = CompressionLevel.Fastest;

    /// <summary>Test seam: runs after the temp file and the sidecar are on disk, before the rename (a kill here loses nothing).</summary>
    public Action<string>? AfterTempWritten { get; init; }

    /// <summary>Writes the bundle of <paramref name="files"/> (root-relative, in this order) under the first free version of the period.</summary>
    /// <returns>The bundle; files that vanished before they were read are left out of it.</returns>
    public WrittenBundle Write(string canonicalRoot, string kind, string period, IReadOnlyList<string> files, DateTimeOffset createdAt)
    {
        var folder = Path.Join(canonicalRoot, ArchiveLayout.FolderOf(kind));
        Directory.CreateDirectory(folder);
        var name = NextFree(canonicalRoot, kind, period);
        var final = Path.Join(canonicalRoot, name.Path);
        var temp = Path.Join(folder, $".{name.FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            var entries = new List<ArchiveEntry>(files.Count);
            var originals = new BundleOriginals(canonicalRoot);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    // One file in memory at a time: memory stays flat however many files a day holds.
                    foreach (var rel in files)
                    {
                        if (originals.Read(rel) is not { } bytes)
                        {
                            continue;
                        }

                        entries.Add(ArchiveFacts.For(rel, bytes));
                        ReproducibleZip.Add(zip, rel, bytes, createdAt, EntryCompression);
                    }

                    var manifest = new ArchiveManifest { CreatedAt = createdAt, Kind = kind, Period = period, Entries = entries };
                    ReproducibleZip.Add(zip, ArchiveLayout.ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, ArchiveJsonContext.Default.ArchiveManifest), createdAt, EntryCompression);
                }

                stream.Flush(flushToDisk: true);
            }

            originals.CheckFoldersUnchanged();

            var sha = Backup.BackupArchive.Sha256Of(temp);
            AtomicFile.Replace(Path.Join(canonicalRoot, name.SidecarPath), System.Text.Encoding.UTF8.GetBytes($"{sha}  {name.FileName}\n"));
            AfterTempWritten?.Invoke(temp);
            File.Move(temp, final, overwrite: false);
            return new WrittenBundle(name, new ArchiveManifest { CreatedAt = createdAt, Kind = kind, Period = period, Entries = entries }, sha);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The first version of the period whose bundle file does not exist (a stale sidecar of an interrupted run is overwritten).</summary>
    public static BundleName NextFree(string canonicalRoot, string kind, string period)
    {
        for (var version = 1; ; version++)
        {
            var name = new BundleName(kind, period, version);
            if (!File.Exists(Path.Join(canonicalRoot, name.Path)))
            {
                return name;
            }
        }
    }

    /// <summary>The bytes of an original, or null when it is gone; a link is never archived (its bytes live elsewhere).</summary>
    internal static byte[]? ReadOriginal(string canonicalRoot, string rel)
    {
        var full = SafePath.Resolve(canonicalRoot, rel);
        return full is null ? null : BundleOriginals.ReadFile(full);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover dot-file is never indexed or read; the next run removes it.
        }
    }
}
