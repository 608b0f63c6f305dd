using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Read.Approvals;

/// <summary>One approval with its history, as the monthly review reads it.</summary>
/// <param name="ApprovalId">approval_id.</param>
/// <param name="Device">The device it changes (null when unknown).</param>
/// <param name="History">Its history, oldest first.</param>
/// <param name="Source">Where it was read: "index" for a file under <c>approvals/</c>, "archive" for a decided approval of an archive bundle.</param>
public sealed record DecidedApproval(string ApprovalId, string? Device, IReadOnlyList<ApprovalHistoryEntry> History, string Source);

/// <summary>
/// Where the monthly review (approval trends, decisions audit view) reads approvals from: the one method to
/// extend when decided approvals also live elsewhere (archive bundles: compose <see cref="IndexedDecidedApprovals"/>
/// with an archive-backed source in <see cref="CompositeDecidedApprovals"/>).
/// </summary>
public interface IDecidedApprovalSource
{
    /// <summary>Every approval with its history (each approval id once).</summary>
    IReadOnlyList<DecidedApproval> All();
}

/// <summary>The approvals of the index (the readable files under <c>approvals/</c>) and of the archive bundles, as of the current index version.</summary>
public sealed class IndexedDecidedApprovals(MetricsInputsSource inputs) : IDecidedApprovalSource
{
    /// <inheritdoc />
    public IReadOnlyList<DecidedApproval> All()
    {
        var current = inputs.Current();
        var devices = current.Rows[nameof(ArtifactKind.Approval)].Where(r => r.Readable && r.Key is not null)
            .GroupBy(r => r.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Device, StringComparer.Ordinal);
        // An interrupted move can leave two copies for a moment; the review counts each approval once.
        // The inputs also hold the decided approvals of the archive bundles (MetricsInputsSource adds them from the
        // manifests): an id without an index row is one of those.
        return [.. current.Approvals.DistinctBy(a => a.ApprovalId, StringComparer.Ordinal)
            .Select(a => new DecidedApproval(a.ApprovalId, devices.GetValueOrDefault(a.ApprovalId), a.History,
                devices.ContainsKey(a.ApprovalId) ? "index" : "archive"))];
    }
}

/// <summary>Several sources asked in turn; an approval id seen in an earlier source wins (the live file over an archived copy).</summary>
public sealed class CompositeDecidedApprovals(params IDecidedApprovalSource[] sources) : IDecidedApprovalSource
{
    /// <inheritdoc />
    public IReadOnlyList<DecidedApproval> All() =>
        [.. sources.SelectMany(s => s.All()).DistinctBy(a => a.ApprovalId, StringComparer.Ordinal)];
}
