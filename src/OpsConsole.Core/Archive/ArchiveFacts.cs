using System.Security.Cryptography;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Archive;

/// <summary>The manifest entry of one file: its hash and size, and the facts history and metrics read without opening it.</summary>
public static class ArchiveFacts
{
    private static readonly string[] Decisions = [ApprovalStates.Approved, ApprovalStates.Rejected, ApprovalStates.Expired];

    /// <summary>The entry for <paramref name="path"/> with content <paramref name="bytes"/> (facts left out when it does not parse).</summary>
    public static ArchiveEntry For(string path, byte[] bytes)
    {
        var entry = new ArchiveEntry { Path = path, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Size = bytes.LongLength };
        var kind = ArtifactKinds.Classify(path);
        var document = ArtifactParser.Parse(kind, bytes).Document;
        return document switch
        {
            ComplianceReport report => entry with
            {
                Device = report.Device.Name,
                Day = ArchiveLayout.DayOf(path),
                Status = report.Status,
                Divergences = report.Divergences.Count,
            },
            ApprovalRecord approval => WithApproval(entry, approval),
            _ => entry with { Day = kind == ArtifactKind.ComplianceReport ? ArchiveLayout.DayOf(path) : null },
        };
    }

    /// <summary>The decision that left pending (approved, rejected or expired), or null when there was none.</summary>
    public static ApprovalHistoryEntry? Decision(ApprovalRecord approval) =>
        approval.History.FirstOrDefault(h => h.From == ApprovalStates.Pending && Decisions.Contains(h.To));

    private static ArchiveEntry WithApproval(ArchiveEntry entry, ApprovalRecord approval)
    {
        var decision = Decision(approval);
        var decidedIndex = decision is null ? approval.History.Count : approval.History.IndexOf(decision);
        var pending = approval.History.Take(decidedIndex).LastOrDefault(h => h.To == ApprovalStates.Pending);
        return entry with
        {
            ApprovalId = approval.ApprovalId,
            Device = approval.Device.Name,
            State = approval.State,
            RequestedAt = approval.RequestedAt,
            PendingAt = pending?.At,
            DecidedAt = decision?.At,
            DecidedBy = decision?.Actor,
            Decision = decision?.To,
        };
    }
}
