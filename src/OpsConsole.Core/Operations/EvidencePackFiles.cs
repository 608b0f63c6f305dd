using System.Text;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Operations;

/// <summary>
/// Gathers the files of a pack through the store: the cycle file, every gate file of the ladder, and the
/// evidence the gates cite, each with its state. A file is carried byte for byte only when it is a safe
/// kind and no secret-looking value is in it, by the index's quarantine or by a scan at export time (the
/// index may not have seen the latest bytes yet), so nothing a pack carries needs redacting.
/// </summary>
internal sealed class EvidencePackFiles(ArtifactStore store, IReadOnlySet<string> quarantined)
{
    /// <summary>Folder of the zip that holds copied artifacts, under their root-relative paths.</summary>
    public const string Folder = "artifacts/";

    private readonly Dictionary<string, (EvidencePackFile File, byte[]? Bytes)> _byPath = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    // Cycle and gate files keep ladder order; evidence after them is sorted, so the zip order is fixed.
    private int _fixedCount;

    /// <summary>Collects everything <paramref name="ladder"/> names.</summary>
    public static EvidencePackFiles Collect(ArtifactStore store, IReadOnlySet<string> quarantined, LadderEvaluation ladder)
    {
        var files = new EvidencePackFiles(store, quarantined);
        files.Add(ladder.CyclePath, "cycle", null);
        foreach (var step in ladder.Steps)
        {
            files.Add(step.Path, "gate", null);
        }

        foreach (var step in ladder.Steps)
        {
            foreach (var path in (step.Gate?.Evidence ?? []).Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                files.Add(path, "evidence", step.GateId);
            }
        }

        return files;
    }

    /// <summary>Every file, cycle and gates first (ladder order), then evidence sorted by path.</summary>
    public IReadOnlyList<EvidencePackFile> Files =>
        [.. _order.Take(_fixedCount).Concat(_order.Skip(_fixedCount).Order(StringComparer.Ordinal)).Select(p => _byPath[p].File)];

    /// <summary>The bytes of every included file, by entry name, in entry order.</summary>
    public IEnumerable<(string Entry, byte[] Bytes)> Included =>
        Files.Where(f => f.Entry is not null).Select(f => (f.Entry!, _byPath[f.Path].Bytes!));

    private void Add(string path, string role, string? citedBy)
    {
        if (_byPath.TryGetValue(path, out var known))
        {
            if (citedBy is not null && !known.File.CitedBy.Contains(citedBy))
            {
                _byPath[path] = (known.File with { CitedBy = [.. known.File.CitedBy, citedBy] }, known.Bytes);
            }

            return;
        }

        var (file, bytes) = Read(path, role);
        _byPath[path] = (file with { CitedBy = citedBy is null ? [] : [citedBy] }, bytes);
        _order.Add(path);
        if (role != "evidence")
        {
            _fixedCount = _order.Count;
        }
    }

    private (EvidencePackFile File, byte[]? Bytes) Read(string path, string role)
    {
        EvidencePackFile Listed(string state, string? code, string? detail = null, string? entry = null) =>
            new(SecretRedactor.Redact(path), role, state, code, SecretRedactor.Redact(detail), [], entry);

        if (store.Resolve(path) is null || SecretRedactor.Redact(path) != path)
        {
            return (Listed(EvidenceFileStates.NotAllowed, EvidenceFileReasons.OutsideRoot), null);
        }

        if (SafeFileRule.Refusal(path) is { } refusal)
        {
            return (Listed(EvidenceFileStates.NotAllowed, refusal), null);
        }

        if (quarantined.Contains(path))
        {
            return (Listed(EvidenceFileStates.Withheld, EvidenceFileReasons.Quarantined), null);
        }

        var loaded = store.Load(path);
        if (loaded is null)
        {
            return (Listed(EvidenceFileStates.Missing, EvidenceFileReasons.NoSuchFile), null);
        }

        byte[]? bytes;
        try
        {
            bytes = store.ReadBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (Listed(EvidenceFileStates.Unreadable, EvidenceFileReasons.CannotRead, loaded.Problem ?? ex.GetType().Name), null);
        }

        if (bytes is null)
        {
            return (Listed(EvidenceFileStates.Unreadable, EvidenceFileReasons.CannotRead, loaded.Problem ?? "the file cannot be read"), null);
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (SecretScanner.Scan(text).Count > 0 || SecretRedactor.Redact(text) != text)
        {
            return (Listed(EvidenceFileStates.Withheld, EvidenceFileReasons.Quarantined), null);
        }

        return loaded.IsReadable
            ? (Listed(EvidenceFileStates.Included, null, entry: Folder + path), bytes)
            : (Listed(EvidenceFileStates.IncludedUnreadable, EvidenceFileReasons.DoesNotParse, loaded.Problem, Folder + path), bytes);
    }
}
