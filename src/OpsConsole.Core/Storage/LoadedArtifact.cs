using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Storage;

/// <summary>
/// One artifact file as the store read it: its identity on disk and either its parsed document or
/// the reason it cannot be used. Pages render <see cref="Problem"/> as "unreadable: reason".
/// </summary>
public sealed record LoadedArtifact
{
    /// <summary>Root-relative path with forward slashes.</summary>
    public required string RelativePath { get; init; }

    /// <summary>Kind by location (ARTIFACTS.md layout).</summary>
    public required ArtifactKind Kind { get; init; }

    /// <summary>Size in bytes when read.</summary>
    public required long Length { get; init; }

    /// <summary>Last write time (UTC) when read.</summary>
    public required DateTimeOffset LastWriteUtc { get; init; }

    /// <summary>The parsed document; null when unreadable.</summary>
    public object? Document { get; init; }

    /// <summary>Why the file is unreadable; null when readable.</summary>
    public string? Problem { get; init; }

    /// <summary>The secrets found in the file (masked, with their lines); empty when none or not read.</summary>
    public IReadOnlyList<SecretHit> Secrets { get; init; } = [];

    /// <summary>
    /// True when the file's bytes were read and decoded, so <see cref="Secrets"/> is complete. False for a
    /// file not read (empty, over the cap, I/O error) or not decodable as text: it is "not scanned", never clean.
    /// </summary>
    public bool ScannedForSecrets { get; init; }

    /// <summary>True when the file parsed and validated.</summary>
    public bool IsReadable => Problem is null;

    /// <summary>The document as <typeparamref name="T"/>, or null when unreadable or of another type.</summary>
    public T? As<T>() where T : class => Document as T;
}
