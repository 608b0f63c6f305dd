using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Archive;

/// <summary>One bundle as the console lists it: its name, whether it reads, and what its manifest says.</summary>
/// <param name="Name">The bundle's name.</param>
/// <param name="Problem">Why it is unreadable; null when it reads.</param>
/// <param name="CreatedAt">When it was written (from the manifest).</param>
/// <param name="EntryCount">Entries in its manifest (0 when unreadable).</param>
/// <param name="InPlaceCount">Entries whose file is still in place (counted as live, not as archived, until the next archive run removes them).</param>
/// <param name="Size">Length of the bundle file.</param>
/// <param name="Sha256">SHA-256 of the bundle file (verified against its sidecar when readable).</param>
public sealed record ArchivedBundle(BundleName Name, string? Problem, DateTimeOffset? CreatedAt, int EntryCount, int InPlaceCount, long Size, string? Sha256)
{
    /// <summary>True when the bundle reads.</summary>
    public bool IsReadable => Problem is null;

    /// <summary>Entries counted as archived (not in place).</summary>
    public int ArchivedCount => EntryCount - InPlaceCount;
}

/// <summary>
/// What the bundles hold, as of one look: the facts from the manifests (never the entries), with every entry whose
/// file is still in place left out, so a file is counted once (as live) even after an interrupted run.
/// </summary>
/// <param name="Bundles">Every bundle, readable or not, in kind, period and version order.</param>
/// <param name="ReportsPerDay">Archived compliance reports per run day (yyyy-MM-dd), by status.</param>
/// <param name="Approvals">Archived approvals (one per approval id) with their requested, pending and decided times and state.</param>
public sealed record ArchiveSnapshot(IReadOnlyList<ArchivedBundle> Bundles, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ReportsPerDay,
    IReadOnlyList<ArchiveEntry> Approvals)
{
    /// <summary>Archived reports counted.</summary>
    public int ReportCount => ReportsPerDay.Values.Sum(d => d.Values.Sum());

    /// <summary>Months with archived approvals.</summary>
    public int ApprovalMonths => Bundles.Where(b => b.Name.Kind == ArchiveLayout.Approvals && b.IsReadable && b.ArchivedCount > 0).Select(b => b.Name.Period).Distinct().Count();

    /// <summary>Bundles that do not read.</summary>
    public int UnreadableCount => Bundles.Count(b => !b.IsReadable);
}

/// <summary>The approval bundles and what they hold: small (one bundle per month), read from the manifests.</summary>
/// <param name="Bundles">The approval bundles in period and version order.</param>
/// <param name="Approvals">Archived approvals (not in place), one per approval id.</param>
public sealed record ArchivedApprovals(IReadOnlyList<ArchivedBundle> Bundles, IReadOnlyList<ArchiveEntry> Approvals);

/// <summary>
/// The archive as the files say it. <see cref="Current"/> reads every manifest (the CLI's <c>archive list</c>; the web
/// reads the compliance history from the index instead, <c>Read.ArchivedHistory.IndexedArchive</c>, because a year of
/// day bundles is 3.35 million entries at 10,000 devices). The approval bundles are one per month: their manifests are
/// read once per bundle version (the bundle's and its sidecar's length and time). One bundle is opened on demand for
/// its page and its entries.
/// </summary>
public sealed class ArchivedRecords(string canonicalRoot)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Stamp, BundleCheck Check)> _approvalBundles = new(StringComparer.Ordinal);

    /// <summary>Every bundle and what it holds, read from the files now.</summary>
    public ArchiveSnapshot Current()
    {
        var bundles = new List<ArchivedBundle>();
        var perDay = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var name in ArchiveCatalogue.Names(canonicalRoot, ArchiveLayout.Compliance))
        {
            var check = ArchiveCatalogue.Check(canonicalRoot, name, verifyEntries: false);
            var entries = check.IsReadable ? check.Manifest!.Entries : [];
            var inPlace = FilesInPlace(name, entries);
            bundles.Add(Summary(check, inPlace.Count));
            foreach (var entry in entries.Where(e => !inPlace.Contains(e.Path)))
            {
                var day = perDay.TryGetValue(name.Period, out var d) ? d : perDay[name.Period] = new(StringComparer.Ordinal);
                var status = entry.Status ?? "unknown";
                day[status] = day.GetValueOrDefault(status) + 1;
            }
        }

        var approvals = Approvals();
        return new ArchiveSnapshot([.. approvals.Bundles.Concat(bundles).OrderBy(b => b.Name.Kind, StringComparer.Ordinal)],
            perDay.ToDictionary(d => d.Key, d => (IReadOnlyDictionary<string, int>)d.Value, StringComparer.Ordinal), approvals.Approvals);
    }

    /// <summary>The approval bundles and the approvals they hold that are not in place.</summary>
    public ArchivedApprovals Approvals()
    {
        lock (_lock)
        {
            var names = ArchiveCatalogue.Names(canonicalRoot, ArchiveLayout.Approvals);
            foreach (var gone in _approvalBundles.Keys.Except(names.Select(n => n.Path)).ToList())
            {
                _approvalBundles.Remove(gone);
            }

            var bundles = new List<ArchivedBundle>();
            var approvals = new List<ArchiveEntry>();
            foreach (var name in names)
            {
                var check = Load(name);
                var entries = check.IsReadable ? check.Manifest!.Entries : [];
                var inPlace = FilesInPlace(name, entries);
                bundles.Add(Summary(check, inPlace.Count));
                approvals.AddRange(entries.Where(e => !inPlace.Contains(e.Path)));
            }

            return new ArchivedApprovals(bundles,
                [.. approvals.Where(e => e.ApprovalId is not null).DistinctBy(e => e.ApprovalId, StringComparer.Ordinal)]);
        }
    }

    /// <summary>Opens the bundle <paramref name="id"/> (e.g. <c>compliance-2026-01-01</c>): its checksum and manifest, read now; null when there is none.</summary>
    public BundleCheck? Find(string? id) =>
        ArchiveLayout.TryParseId(id, out var name) && File.Exists(Path.Join(canonicalRoot, name.Path))
            ? ArchiveCatalogue.Check(canonicalRoot, name, verifyEntries: false)
            : null;

    /// <summary>Reads one entry of <paramref name="bundle"/> on demand (verified against the manifest's SHA-256).</summary>
    public EntryRead ReadEntry(BundleCheck bundle, string? entryPath) =>
        bundle.IsReadable ? ArchiveBundleReader.ReadEntry(Path.Join(canonicalRoot, bundle.Name.Path), bundle, entryPath)
            : new EntryRead(null, null, bundle.Problem);

    /// <summary>Which of <paramref name="paths"/> are still in place under the root.</summary>
    public IReadOnlySet<string> InPlace(IEnumerable<string> paths) =>
        paths.Where(p => ArtifactKinds.Classify(p) != ArtifactKind.Other && File.Exists(Path.Join(canonicalRoot, p))).ToHashSet(StringComparer.Ordinal);

    /// <summary>A bundle's line from its check.</summary>
    public static ArchivedBundle Summary(BundleCheck check, int inPlace) =>
        new(check.Name, check.Problem, check.Manifest?.CreatedAt, check.Manifest?.Entries.Count ?? 0, inPlace, check.Size, check.Sha256);

    private BundleCheck Load(BundleName name)
    {
        var file = new FileInfo(Path.Join(canonicalRoot, name.Path));
        var sidecar = new FileInfo(Path.Join(canonicalRoot, name.SidecarPath));
        var stamp = HashCode.Combine(file.Length, file.LastWriteTimeUtc.Ticks, sidecar.Exists ? sidecar.Length : -1, sidecar.Exists ? sidecar.LastWriteTimeUtc.Ticks : 0);
        if (!_approvalBundles.TryGetValue(name.Path, out var cached) || cached.Stamp != stamp)
        {
            cached = (stamp, ArchiveCatalogue.Check(canonicalRoot, name, verifyEntries: false));
            _approvalBundles[name.Path] = cached;
        }

        return cached.Check;
    }

    private IReadOnlySet<string> FilesInPlace(BundleName bundle, IReadOnlyList<ArchiveEntry> entries)
    {
        if (bundle.Kind != ArchiveLayout.Compliance)
        {
            return InPlace(entries.Select(e => e.Path));
        }

        // The archiver leaves the emptied day folder in place: one listing of it instead of one check per report
        // (10,000 per day at 10,000 devices). Only a name the listing holds is checked.
        var folder = Path.Join(canonicalRoot, "compliance", bundle.Period);
        if (!Directory.Exists(folder))
        {
            return new HashSet<string>();
        }

        var prefix = $"compliance/{bundle.Period}/";
        var listed = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        return InPlace(entries.Select(e => e.Path).Where(p => !p.StartsWith(prefix, StringComparison.Ordinal) || listed.Contains(p[prefix.Length..].Split('/')[0])));
    }
}
