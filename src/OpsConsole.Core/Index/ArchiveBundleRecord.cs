using OpsConsole.Core.Archive;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Index;

/// <summary>
/// The catalogue row of an archive bundle: its manifest facts (id, period, kind, entry count), or unreadable with the
/// reason (truncated, sidecar mismatch, bad manifest). Its entries are not indexed: the index stays the hot set.
/// </summary>
/// <remarks>
/// The row carries the bundle's SHA-256 so stop condition 1 does not read "not scanned": what went into a bundle was
/// moved only while no stop condition named it (<see cref="ArchiveRefusals"/>), and an entry opened on the web is shown
/// through the redactor. An unreadable bundle concerns no stop condition (it holds history, not the current state);
/// it is shown as unreadable on <c>/archive</c>, <c>/artifacts</c> and the dashboard.
/// </remarks>
internal static class ArchiveBundleRecord
{
    /// <summary>The bundle whose checksum sidecar <paramref name="rel"/> is (<c>archive/…/x.zip.sha256</c> → <c>archive/…/x.zip</c>); null otherwise.</summary>
    public static string? BundleOfSidecar(string rel) =>
        rel.StartsWith("archive/", StringComparison.Ordinal) && rel.EndsWith(".zip.sha256", StringComparison.Ordinal) ? rel[..^".sha256".Length] : null;

    public static InspectedFile Inspect(string rel, string full, bool isNew)
    {
        var info = new FileInfo(full);
        var record = new ArtifactRecord
        {
            Path = rel,
            Kind = nameof(ArtifactKind.ArchiveBundle),
            Size = info.Length,
            MtimeTicks = info.LastWriteTimeUtc.Ticks,
        };

        if (!ArchiveLayout.TryParse(rel, out var name))
        {
            // A restored bundle (archive/restored/…) or another zip under archive/: kept, not history, not opened.
            record.Readable = true;
            record.Status = "restored";
            record.Sha256 = Backup.BackupArchive.Sha256Of(full);
            return new InspectedFile(record, [], null, isNew);
        }

        var check = ArchiveBundleReader.Check(full, name, verifyEntries: false);
        record.Readable = check.IsReadable;
        record.Problem = check.Problem;
        record.Sha256 = check.Sha256 ?? "";
        record.Key = name.Id;
        record.Day = name.Period;
        record.Status = name.Kind;
        record.Title = $"{name.Kind} {name.Period}";
        record.Count = check.Manifest?.Entries.Count;
        record.AtTicks = check.Manifest?.CreatedAt.UtcTicks;
        var archived = check.Manifest is { } manifest && name.Kind == ArchiveLayout.Compliance ? Reports(rel, name.Period, manifest) : null;
        return new InspectedFile(record, [], null, isNew) { Archived = archived };
    }

    private static ArchivedReports Reports(string bundle, string day, ArchiveManifest manifest)
    {
        var reports = manifest.Entries.Select(e =>
        {
            return new ArchivedReportRecord
            {
                Bundle = bundle,
                Device = e.Device,
                Day = day,
                Status = e.Status,
                Divergences = e.Divergences ?? 0,
                OtherPath = e.Device is not null && e.Path == ArchivedReportRecord.PathOf(day, e.Device, null) ? null : e.Path,
            };
        }).ToList();
        var counts = reports.GroupBy(r => r.Status ?? ArchivedReportCountRecord.UnknownStatus, StringComparer.Ordinal)
            .Select(g => new ArchivedReportCountRecord { Bundle = bundle, Day = day, Status = g.Key, Count = g.Count() })
            .ToList();
        return new ArchivedReports(reports, counts);
    }
}
