using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Storage;

/// <summary>
/// The one way into the artifact root. Resolves every path inside the canonical root (symlinks
/// checked), applies the size cap, parses through <see cref="ArtifactParser"/> and caches parsed
/// documents keyed by (path, length, last-write time) and confirmed by the content's SHA-256, so a changed
/// file is re-parsed on next access even when its length and time did not change.
/// </summary>
public sealed partial class ArtifactStore : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly long _maxBytes;

    /// <summary>Creates a store over <paramref name="root"/>; throws when the folder does not exist.</summary>
    public ArtifactStore(string root, long maxBytes = 5 * 1024 * 1024, int cacheEntries = 20_000)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Artifact root \"{root}\" does not exist. Set OpsConsole:ArtifactRoot to an existing folder.");
        }

        Root = SafePath.Canonicalize(root);
        _maxBytes = maxBytes;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = cacheEntries });
    }

    /// <summary>The canonical absolute root.</summary>
    public string Root { get; }

    /// <summary>The size cap in bytes.</summary>
    public long MaxBytes => _maxBytes;

    /// <summary>True while the root folder exists and can be listed.</summary>
    public bool IsRootAvailable
    {
        get
        {
            try
            {
                using var e = Directory.EnumerateFileSystemEntries(Root).GetEnumerator();
                e.MoveNext();
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>Full path of a relative path inside the root, or null when it is not allowed.</summary>
    public string? Resolve(string? relativePath) => SafePath.Resolve(Root, relativePath);

    /// <summary>
    /// Loads and parses the artifact at <paramref name="relativePath"/>. Returns null when the path
    /// is not allowed or no regular file exists there; otherwise a readable or unreadable artifact.
    /// </summary>
    public LoadedArtifact? Load(string? relativePath)
    {
        var full = Resolve(relativePath);
        if (full is null)
        {
            return null;
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return null;
        }

        var rel = SafePath.ToRelative(Root, full);
        var key = new CacheKey(rel, info.Length, info.LastWriteTimeUtc.Ticks);
        if (_cache.TryGetValue(key, out CachedArtifact? cached) && cached is not null && IsSameContent(full, cached.Sha256))
        {
            return cached.Artifact;
        }

        var loaded = Read(rel, full, info, out var bytes);
        _cache.Set(key, new CachedArtifact(loaded, bytes is null ? null : SHA256.HashData(bytes)),
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return loaded;
    }

    // A rewrite of the same length that keeps the modified time (a tool restoring times, a coarse clock, two
    // writes within one tick) keeps the cache key, so a hit is confirmed by the content's SHA-256. Reading a
    // capped artifact and hashing it costs microseconds; parsing and validating it is what the cache saves.
    // (.NET exposes no inode change time, and a stat P/Invoke is platform-specific.)
    private static bool IsSameContent(string full, byte[]? sha256)
    {
        if (sha256 is null)
        {
            return true; // empty or over the cap: never parsed, nothing to compare
        }

        try
        {
            return SHA256.HashData(ReadAll(full)).AsSpan().SequenceEqual(sha256);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Loads and returns the typed document, or null when missing, unreadable or of another kind.</summary>
    public T? LoadDocument<T>(string relativePath) where T : class => Load(relativePath)?.As<T>();

    /// <summary>Reads raw bytes of an allowed file (for downloads and hashing); null when not allowed or missing.</summary>
    public byte[]? ReadBytes(string relativePath)
    {
        var full = Resolve(relativePath);
        if (full is null || !File.Exists(full))
        {
            return null;
        }

        var info = new FileInfo(full);
        return info.Length == 0 || info.Length > _maxBytes ? (info.Length == 0 ? [] : null) : ReadAll(full);
    }

    /// <summary>
    /// Reads and parses one file for the indexer: the same checks and parse as <see cref="Load"/>, but
    /// the file is read once (the bytes are returned for hashing and scanning) and the cache is left
    /// alone, so a full pass over many files does not evict what the pages use. Null when not allowed or missing.
    /// </summary>
    public (LoadedArtifact Artifact, byte[]? Bytes)? ReadForIndex(string relativePath)
    {
        var full = Resolve(relativePath);
        if (full is null)
        {
            return null;
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return null;
        }

        var artifact = Read(SafePath.ToRelative(Root, full), full, info, out var bytes);
        return (artifact, bytes);
    }

    private LoadedArtifact Read(string rel, string full, FileInfo info, out byte[]? bytes)
    {
        bytes = null;
        var kind = ArtifactKinds.Classify(rel);
        var baseline = new LoadedArtifact
        {
            RelativePath = rel,
            Kind = kind,
            Length = info.Length,
            LastWriteUtc = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero),
        };

        // A 0-byte entry is never opened: FIFOs and devices report length 0 and would block a read.
        if (info.Length == 0)
        {
            return baseline with { Problem = "the file is empty (0 bytes)", ScannedForSecrets = true };
        }

        if (info.Length > _maxBytes)
        {
            return baseline with { Problem = $"the file is {info.Length / 1024.0 / 1024.0:0.0} MiB, over the {_maxBytes / 1024.0 / 1024.0:0.#} MiB size cap" };
        }

        try
        {
            bytes = ReadAll(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return baseline with { Problem = $"the file cannot be read ({ex.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)})" };
        }

        // The redaction choke point: what leaves the store was parsed from the masked bytes, and every
        // text, CSV cell and problem text is masked, so no page, export, log or CLI line sees a secret.
        var sweep = ArtifactSecrets.Inspect(kind, rel, bytes);
        var scanned = baseline with { Secrets = sweep.Hits, ScannedForSecrets = sweep.Scanned };
        if (sweep.OtherEncoding is { } encoding)
        {
            return scanned with { Problem = $"the file is encoded as {encoding}; artifacts must be UTF-8" };
        }

        var outcome = ArtifactParser.Parse(kind, sweep.ParseBytes);
        return scanned with { Document = Redacted(outcome.Document, sweep), Problem = SecretRedactor.Redact(outcome.Problem) };
    }

    // JSON documents were parsed from masked bytes already; text and CSV cells are masked here.
    private static object? Redacted(object? document, SecretSweep sweep) => document switch
    {
        string text => sweep.RedactedText ?? SecretRedactor.Redact(text),
        List<EngagementResponse> rows => rows.ConvertAll(r => r with
        {
            ItemId = SecretRedactor.Redact(r.ItemId),
            Field = SecretRedactor.Redact(r.Field),
            Value = SecretRedactor.Redact(r.Value),
            Evidence = SecretRedactor.Redact(r.Evidence),
            RespondedBy = SecretRedactor.Redact(r.RespondedBy),
        }),
        _ => document,
    };

    internal static byte[] ReadAll(string full)
    {
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var length = stream.Length;
        var buffer = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = stream.Read(buffer, read, (int)length - read);
            if (n == 0)
            {
                Array.Resize(ref buffer, read); // truncated while reading: parse what is there
                break;
            }

            read += n;
        }

        return buffer;
    }

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private readonly record struct CacheKey(string Path, long Length, long Ticks);

    private sealed record CachedArtifact(LoadedArtifact Artifact, byte[]? Sha256);
}
