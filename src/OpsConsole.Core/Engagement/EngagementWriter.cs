using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Audit;
using OpsConsole.Core.Index;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Engagement;

/// <summary>
/// The console's one writer. It appends answers to <c>responses.csv</c>, writes the local
/// <c>validation.json</c> and the finalized marker, always under the device's own lock (in-process and
/// <see cref="DeviceFileLock"/> across processes and machines), always by
/// replacing the whole file atomically, and never over a file it cannot read. Every outcome (written
/// or refused) is audited with ids only, never answer values.
/// </summary>
public sealed class EngagementWriter(ArtifactStore store, ArtifactIndexer indexer, AuditLog audit, TimeProvider clock, Database.IDeviceWriteLock? sharedLock = null)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Test seam: runs after a temp file is flushed and before it replaces the target (fault injection).</summary>
    internal Action<string>? AfterTempWritten { get; set; }

    /// <summary>Appends one answer as a new row of <c>responses.csv</c>.</summary>
    /// <param name="device">Device name (must have a package).</param>
    /// <param name="answer">The answer; it is normalized and checked against the package again here.</param>
    /// <param name="source">Where the request came from, for the audit log (e.g. <c>web 127.0.0.1</c>).</param>
    /// <param name="ct">Cancels waiting for the device lock only; a started write always completes.</param>
    public async Task<EngagementWriteResult> SaveAsync(string device, EngagementAnswer answer, string source, CancellationToken ct = default)
    {
        try
        {
            var result = await SaveUnderLockAsync(device, answer, source, ct);
            EngagementSaveCounts.Record(result.Written ? EngagementSaveCounts.Saved : EngagementSaveCounts.Refused);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EngagementSaveCounts.Record(EngagementSaveCounts.Failed);
            throw;
        }
    }

    private async Task<EngagementWriteResult> SaveUnderLockAsync(string device, EngagementAnswer answer, string source, CancellationToken ct)
    {
        answer = EngagementAnswerRules.Normalize(answer);
        var actor = Printable(answer.RespondedBy);
        var detail = "item " + Printable(answer.ItemId);
        var result = await UnderLockAsync(device, () =>
        {
            var prepared = Prepare(device);
            if (prepared.Refusal is { } refused)
            {
                return refused;
            }

            var (package, rows, _) = prepared.State!.Value;
            var problems = EngagementAnswerRules.Problems(package, answer);
            if (problems.Count > 0)
            {
                return EngagementWriteResult.Refused(EngagementRefusal.InvalidAnswer, string.Join("; ", problems));
            }

            var item = package.Items.First(i => i.ItemId == answer.ItemId);
            var row = new EngagementResponse(item.ItemId, device, item.Field, answer.Value, answer.Evidence, answer.RespondedBy, clock.GetUtcNow());
            var bytes = ToCsv([.. rows, row]);

            // Never write what cannot be read back: the new file must parse and end with this row.
            if (ResponsesCsv.Parse(bytes).Document is not List<EngagementResponse> check || check.Count != rows.Count + 1)
            {
                return EngagementWriteResult.Refused(EngagementRefusal.InvalidAnswer, "the new responses.csv would not read back");
            }

            var rel = EngagementPaths.Responses(device);
            AtomicFile.Replace(Full(rel), bytes, AfterTempWritten);
            return EngagementWriteResult.Done(rel, $"{detail}; row {rows.Count + 1}");
        }, ct);

        return await FinishAsync("engagement.save", device, actor, source, result, detail);
    }

    /// <summary>Validates the device's answers and writes <c>validation.json</c> (engagement-validation@1).</summary>
    public async Task<EngagementWriteResult> ValidateAsync(string device, string actor, string source, CancellationToken ct = default)
    {
        var result = await UnderLockAsync(device, () =>
        {
            var prepared = Prepare(device, allowFinalized: true);
            if (prepared.Refusal is { } refused)
            {
                return refused;
            }

            var (package, rows, _) = prepared.State!.Value;
            var validation = EngagementValidator.Validate(package, rows, clock.GetUtcNow());
            var rel = EngagementPaths.Validation(device);
            AtomicFile.Replace(Full(rel), ArtifactParser.Serialize(validation), AfterTempWritten);
            var counts = string.Join(", ", validation.Results.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
            return EngagementWriteResult.Done(rel, $"{validation.Status}: {counts}");
        }, ct);

        return await FinishAsync("engagement.validate", device, Printable(actor), source, result, null);
    }

    /// <summary>
    /// Records the finalized marker when the latest validation passed, is newer than the latest
    /// answer, and every required item has a valid answer. Nothing is written anywhere upstream.
    /// </summary>
    public async Task<EngagementWriteResult> FinalizeAsync(string device, string finalizedBy, string source, CancellationToken ct = default)
    {
        finalizedBy = (finalizedBy ?? "").Trim();
        var result = await UnderLockAsync(device, () =>
        {
            if (finalizedBy.Length is 0 or > EngagementAnswerRules.MaxNameLength || EngagementAnswerRules.HasControlCharacters(finalizedBy))
            {
                return EngagementWriteResult.Refused(EngagementRefusal.InvalidAnswer, "the name of who finalizes is missing or not acceptable");
            }

            var prepared = Prepare(device);
            if (prepared.Refusal is { } refused)
            {
                return refused;
            }

            var (package, rows, responseBytes) = prepared.State!.Value;
            var stored = ReadValidation(device);
            var progress = EngagementValidator.Progress(package, rows);
            var refusal = stored is null ? EngagementWriteResult.Refused(EngagementRefusal.ValidationMissing, "no validation report yet")
                : stored.Status != "passed" ? EngagementWriteResult.Refused(EngagementRefusal.ValidationFailed, "the latest validation did not pass")
                : rows.Count > 0 && rows.Max(r => r.RespondedAt) > stored.GeneratedAt
                    ? EngagementWriteResult.Refused(EngagementRefusal.ValidationStale, "answers changed after the latest validation")
                : !progress.Complete ? EngagementWriteResult.Refused(EngagementRefusal.RequiredUnanswered, $"{progress.Answered} of {progress.Required} required items answered")
                : EngagementValidator.Validate(package, rows, clock.GetUtcNow()).Status != "passed"
                    ? EngagementWriteResult.Refused(EngagementRefusal.ValidationFailed, "the answers do not pass validation now")
                : null;
            if (refusal is not null)
            {
                return refusal;
            }

            var marker = new FinalizedMarker(device, clock.GetUtcNow(), finalizedBy, stored!.GeneratedAt,
                Convert.ToHexStringLower(SHA256.HashData(responseBytes)), progress.Answered, progress.Required);
            var rel = EngagementPaths.Finalized(device);
            AtomicFile.Replace(Full(rel), marker.ToJson(), AfterTempWritten);
            return EngagementWriteResult.Done(rel, $"{progress.Answered} of {progress.Required} required items answered");
        }, ct);

        return await FinishAsync("engagement.finalize", device, Printable(finalizedBy), source, result, null);
    }

    /// <summary>True when the device's finalized marker exists.</summary>
    public bool IsFinalized(string device) => File.Exists(Full(EngagementPaths.Finalized(device)));

    private async Task<EngagementWriteResult> UnderLockAsync(string device, Func<EngagementWriteResult> write, CancellationToken ct)
    {
        if (!DeviceNames.IsValid(device))
        {
            return EngagementWriteResult.Refused(EngagementRefusal.NoPackage, "not a legal device name");
        }

        // In-process first (cheap, fair among this process's requests), then across instances (the shared
        // database's queue, fair among them), then the file lock any process on the share honours: another
        // instance or a tool may write the same responses.csv (issue 15: answers were lost without it).
        var gate = _locks.GetOrAdd(device, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var instancesLock = sharedLock is null ? null : await sharedLock.AcquireAsync(device, ct);
            using var fileLock = await DeviceFileLock.AcquireAsync(Path.GetDirectoryName(store.Resolve(EngagementPaths.Responses(device))), ct);
            return write();
        }
        finally
        {
            gate.Release();
        }
    }

    private Prepared Prepare(string device, bool allowFinalized = false)
    {
        var loaded = store.Load(EngagementPaths.Package(device));
        if (loaded is null)
        {
            return new(EngagementWriteResult.Refused(EngagementRefusal.NoPackage, "the device has no engagement package"), null);
        }

        if (loaded.As<EngagementPackage>() is not { } package)
        {
            return new(EngagementWriteResult.Refused(EngagementRefusal.PackageUnreadable, "package.json is unreadable: " + loaded.Problem), null);
        }

        if (!allowFinalized && IsFinalized(device))
        {
            return new(EngagementWriteResult.Refused(EngagementRefusal.Finalized, "the package is finalized"), null);
        }

        // Read the file itself (not the cache) under the lock: the rows must be exactly what is on disk now.
        var full = Full(EngagementPaths.Responses(device));
        if (!File.Exists(full))
        {
            return new(null, (package, [], []));
        }

        var bytes = store.ReadBytes(EngagementPaths.Responses(device));
        var parsed = bytes is null ? ParseOutcome.Unreadable("responses.csv is over the size cap") : ResponsesCsv.Parse(bytes);
        return parsed.Document is List<EngagementResponse> rows
            ? new(null, (package, rows, bytes!))
            : new(EngagementWriteResult.Refused(EngagementRefusal.ResponsesUnreadable, parsed.Problem ?? "responses.csv is unreadable"), null);
    }

    private EngagementValidation? ReadValidation(string device)
    {
        var rel = EngagementPaths.Validation(device);
        return store.ReadBytes(rel) is { Length: > 0 } bytes
            ? ArtifactParser.Parse(ArtifactKind.EngagementValidation, bytes).Document as EngagementValidation
            : null;
    }

    private async Task<EngagementWriteResult> FinishAsync(string type, string device, string actor, string source, EngagementWriteResult result, string? detail)
    {
        if (result.Written)
        {
            try
            {
                await indexer.RefreshAsync([result.Path!]);
            }
            catch (Exception)
            {
                // The file is written; the watcher and the periodic rescan index it if this refresh failed.
            }
        }

        var shownDevice = DeviceNames.IsValid(device) ? device : "(invalid)";
        audit.Record(type, actor.Length == 0 ? "(unnamed)" : actor, shownDevice, source, result.Written ? "ok" : "refused",
            result.Written ? result.Detail : $"{detail}{(detail is null ? "" : ": ")}{result.Refusal}: {result.Detail}");
        return result;
    }

    private string Full(string rel) => store.Resolve(rel) ?? throw new InvalidOperationException("engagement path outside the artifact root");

    private static byte[] ToCsv(IEnumerable<EngagementResponse> rows)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        ResponsesCsv.Write(text, rows);
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>Names and ids go into the audit log only without control characters and at bounded length.</summary>
    private static string Printable(string? value)
    {
        var clean = new string((value ?? "").Select(c => char.IsControl(c) ? '?' : c).ToArray()).Trim();
        return clean.Length > 100 ? clean[..100] + "…" : clean;
    }

    private sealed record Prepared(EngagementWriteResult? Refusal, (EngagementPackage Package, List<EngagementResponse> Rows, byte[] Bytes)? State);
}
