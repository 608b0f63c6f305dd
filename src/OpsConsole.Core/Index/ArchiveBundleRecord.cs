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
        return new InspectedFile(record, [], null, isNew);
    }
}
