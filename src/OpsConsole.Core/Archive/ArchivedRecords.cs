using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Archive;

/// <summary>
/// One archived compliance report as history and metrics need it (kept small: a year of 10,000 devices is 3.65 million of
/// these). The device and status strings are shared across bundles; the path is rebuilt from the day and the device.
/// </summary>
/// <param name="Device">The device (null when the report did not parse when it was archived).</param>
/// <param name="Day">The run day (the bundle's period).</param>
/// <param name="Status">The compliance status (null when unknown).</param>
/// <param name="Divergences">Number of divergences.</param>
/// <param name="FileName">The file name when it is not <c>&lt;device&gt;.json</c>; null otherwise.</param>
public readonly record struct ArchivedReport(string? Device, string Day, string? Status, int Divergences, string? FileName)
{
    /// <summary>The report's root-relative path (where it lived, and where a restore puts it back).</summary>
    public string Path => $"compliance/{Day}/{FileName ?? Device + ".json"}";
}

/// <summary>One bundle as the console shows it: its name, whether it reads, and what its manifest says.</summary>
/// <param name="Name">The bundle's name.</param>
/// <param name="Problem">Why it is unreadable; null when it reads.</param>
/// <param name="CreatedAt">When it was written (from the manifest).</param>
/// <param name="EntryCount">Entries in its manifest (0 when unreadable).</param>
/// <param name="Reports">A compliance bundle's reports (empty for approvals).</param>
/// <param name="Approvals">An approvals bundle's manifest entries (empty for compliance).</param>
/// <param name="InPlace">Entries whose file is still in place (counted as live, not as archived, until the next archive run removes them).</param>
/// <param name="Size">Length of the bundle file.</param>
/// <param name="Sha256">SHA-256 of the bundle file (verified against its sidecar when readable).</param>
public sealed record ArchivedBundle(BundleName Name, string? Problem, DateTimeOffset? CreatedAt, int EntryCount, IReadOnlyList<ArchivedReport> Reports,
    IReadOnlyList<ArchiveEntry> Approvals, IReadOnlySet<string> InPlace, long Size, string? Sha256)
{
    /// <summary>True when the bundle reads.</summary>
    public bool IsReadable => Problem is null;

    /// <summary>The reports counted as archived (not in place).</summary>
    public IEnumerable<ArchivedReport> ArchivedReports => InPlace.Count == 0 ? Reports : Reports.Where(r => !InPlace.Contains(r.Path));

    /// <summary>The approvals counted as archived (not in place).</summary>
    public IEnumerable<ArchiveEntry> ArchivedApprovals => InPlace.Count == 0 ? Approvals : Approvals.Where(a => !InPlace.Contains(a.Path));
}

/// <summary>
/// What the bundles hold, as of one look at <c>archive/</c>: the facts from the manifests (never the entries), with
/// every entry whose file is still in place left out, so a file is counted once (as live) even after an interrupted run.
/// </summary>
public sealed class ArchiveSnapshot
{
    private readonly Lazy<ILookup<string, (BundleName Bundle, ArchivedReport Report)>> _reportsByDevice;

    /// <summary>Builds the snapshot of <paramref name="bundles"/>.</summary>
    public ArchiveSnapshot(IReadOnlyList<ArchivedBundle> bundles)
    {
        Bundles = bundles;
        var reports = bundles.Where(b => b.Name.Kind == ArchiveLayout.Compliance && b.IsReadable).ToList();
        ReportsPerDay = reports.SelectMany(b => b.ArchivedReports)
            .GroupBy(r => r.Day, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(r => r.Status ?? "unknown", StringComparer.Ordinal)
                .ToDictionary(s => s.Key, s => s.Count(), StringComparer.Ordinal), StringComparer.Ordinal);
        Approvals = [.. bundles.Where(b => b.Name.Kind == ArchiveLayout.Approvals && b.IsReadable).SelectMany(b => b.ArchivedApprovals)
            .Where(e => e.ApprovalId is not null).DistinctBy(e => e.ApprovalId, StringComparer.Ordinal)];
        _reportsByDevice = new(() => reports.SelectMany(b => b.ArchivedReports.Where(r => r.Device is not null).Select(r => (b.Name, r)))
            .ToLookup(x => x.r.Device!, StringComparer.Ordinal));
    }

    /// <summary>Every bundle, readable or not, in kind, period and version order.</summary>
    public IReadOnlyList<ArchivedBundle> Bundles { get; }

    /// <summary>Archived compliance reports per run day (yyyy-MM-dd), by status.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ReportsPerDay { get; }

    /// <summary>Archived approvals (one per approval id) with their requested, pending and decided times and state.</summary>
    public IReadOnlyList<ArchiveEntry> Approvals { get; }

    /// <summary>Archived reports counted.</summary>
    public int ReportCount => ReportsPerDay.Values.Sum(d => d.Values.Sum());

    /// <summary>Months with archived approvals.</summary>
    public int ApprovalMonths => Bundles.Where(b => b.Name.Kind == ArchiveLayout.Approvals && b.IsReadable && b.ArchivedApprovals.Any()).Select(b => b.Name.Period).Distinct().Count();

    /// <summary>Bundles that do not read.</summary>
    public int UnreadableCount => Bundles.Count(b => !b.IsReadable);

    /// <summary>The archived reports of <paramref name="device"/>, newest day first, with their bundle.</summary>
    public IReadOnlyList<(BundleName Bundle, ArchivedReport Report)> ReportsOf(string device) =>
        [.. _reportsByDevice.Value[device].OrderByDescending(x => x.Report.Day, StringComparer.Ordinal)];
}

/// <summary>
/// The archived records of the artifact root: a small query the metrics board, the history lines of the device page,
/// compliance list and approval queue, and the <c>/archive</c> pages read. A manifest is read once per bundle version
/// (cached by the bundle's and its sidecar's length and time) and kept in a compact form; what is still in place is
/// looked up on every call, which costs one folder check per compliance day. The full manifest of one bundle (hashes
/// included) is read on demand, for its page and its entries.
/// </summary>
public sealed class ArchivedRecords(string canonicalRoot)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Stamp, ArchivedBundle Bundle)> _bundles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private (string Signature, ArchiveSnapshot Snapshot)? _last;

    /// <summary>The snapshot of <c>archive/</c> now.</summary>
    public ArchiveSnapshot Current()
    {
        lock (_lock)
        {
            var names = ArchiveCatalogue.Names(canonicalRoot);
            foreach (var gone in _bundles.Keys.Except(names.Select(n => n.Path)).ToList())
            {
                _bundles.Remove(gone);
            }

            var bundles = names.Select(Load).ToList();
            var signature = string.Join('|', bundles.Select(b => $"{b.Name.Path}:{b.Sha256}:{b.InPlace.Count}"));
            if (_last is { } last && last.Signature == signature)
            {
                return last.Snapshot;
            }

            var snapshot = new ArchiveSnapshot(bundles);
            _last = (signature, snapshot);
            return snapshot;
        }
    }

    /// <summary>The bundle <paramref name="id"/> (e.g. <c>compliance-2026-01-01</c>), or null when there is none.</summary>
    public ArchivedBundle? Find(string? id) =>
        ArchiveLayout.TryParseId(id, out var name) ? Current().Bundles.FirstOrDefault(b => b.Name == name) : null;

    /// <summary>The full manifest of <paramref name="bundle"/> (read now), or why it cannot be read.</summary>
    public BundleCheck Manifest(ArchivedBundle bundle) => ArchiveCatalogue.Check(canonicalRoot, bundle.Name, verifyEntries: false);

    /// <summary>Reads one entry of <paramref name="bundle"/> on demand (verified against the manifest's SHA-256).</summary>
    public EntryRead ReadEntry(ArchivedBundle bundle, string? entryPath)
    {
        var check = Manifest(bundle);
        return check.IsReadable ? ArchiveBundleReader.ReadEntry(Path.Join(canonicalRoot, bundle.Name.Path), check, entryPath)
            : new EntryRead(null, null, check.Problem);
    }

    private ArchivedBundle Load(BundleName name)
    {
        var file = new FileInfo(Path.Join(canonicalRoot, name.Path));
        var sidecar = new FileInfo(Path.Join(canonicalRoot, name.SidecarPath));
        var stamp = HashCode.Combine(file.Length, file.LastWriteTimeUtc.Ticks, sidecar.Exists ? sidecar.Length : -1, sidecar.Exists ? sidecar.LastWriteTimeUtc.Ticks : 0);
        if (!_bundles.TryGetValue(name.Path, out var cached) || cached.Stamp != stamp)
        {
            cached = (stamp, Compact(ArchiveCatalogue.Check(canonicalRoot, name, verifyEntries: false)));
            _bundles[name.Path] = cached;
        }

        return cached.Bundle with { InPlace = FilesInPlace(cached.Bundle) };
    }

    private ArchivedBundle Compact(BundleCheck check)
    {
        var entries = check.Manifest?.Entries ?? [];
        var compliance = check.Name.Kind == ArchiveLayout.Compliance;
        var period = Shared(check.Name.Period);
        IReadOnlyList<ArchivedReport> reports = compliance
            ? [.. entries.Select(e => Report(e, period))]
            : [];
        return new ArchivedBundle(check.Name, check.Problem, check.Manifest?.CreatedAt, entries.Count, reports, compliance ? [] : entries,
            new HashSet<string>(), check.Size, check.Sha256);
    }

    private ArchivedReport Report(ArchiveEntry e, string day)
    {
        var device = e.Device is null ? null : Shared(e.Device);
        var fileName = e.Path[(e.Path.LastIndexOf('/') + 1)..];
        return new ArchivedReport(device, day, e.Status is null ? null : Shared(e.Status), e.Divergences ?? 0,
            device is not null && fileName == device + ".json" ? null : fileName);
    }

    private string Shared(string value)
    {
        if (!_strings.TryGetValue(value, out var shared))
        {
            _strings[value] = shared = value;
        }

        return shared;
    }

    private HashSet<string> FilesInPlace(ArchivedBundle bundle)
    {
        // A compliance day whose folder is gone has nothing in place: one check instead of one per report.
        if (bundle.Name.Kind == ArchiveLayout.Compliance && !Directory.Exists(Path.Join(canonicalRoot, "compliance", bundle.Name.Period)))
        {
            return [];
        }

        var paths = bundle.Name.Kind == ArchiveLayout.Compliance ? bundle.Reports.Select(r => r.Path) : bundle.Approvals.Select(a => a.Path);
        if (bundle.Name.Kind == ArchiveLayout.Compliance)
        {
            // The archiver leaves the emptied day folder in place: one listing of it instead of one check per report
            // (10,000 per day at 10,000 devices, 3.35 million for a year). Only a name the listing holds is checked.
            var prefix = $"compliance/{bundle.Name.Period}/";
            var listed = Directory.EnumerateFileSystemEntries(Path.Join(canonicalRoot, "compliance", bundle.Name.Period))
                .Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
            paths = paths.Where(p => !p.StartsWith(prefix, StringComparison.Ordinal) || listed.Contains(p[prefix.Length..].Split('/')[0]));
        }

        return paths.Where(p => ArtifactKinds.Classify(p) != ArtifactKind.Other && File.Exists(Path.Join(canonicalRoot, p))).ToHashSet(StringComparer.Ordinal);
    }
}
