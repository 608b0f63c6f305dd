using OpsConsole.Core.Approvals;

namespace OpsConsole.Cli.Commands;

/// <summary>Plain-text rendering of approvals for the terminal.</summary>
internal static class ApprovalOutput
{
    public static void WriteTable(TextWriter output, IReadOnlyList<StoredApproval> approvals)
    {
        if (approvals.Count == 0)
        {
            output.WriteLine("no approvals");
            return;
        }

        string[] header = ["ID", "STATE", "DEVICE", "BATCH", "REQUESTED BY", "REQUESTED AT", "EXPIRES AT", "FINDINGS"];
        var rows = approvals.Select(a => a.Record is { } r
            ? new[]
            {
                r.ApprovalId, a.FolderState, $"{r.Device.Name} ({r.Device.Id})", r.BatchId, r.RequestedBy,
                ApprovalConsistency.Stamp(r.RequestedAt), r.ExpiresAt is { } e ? ApprovalConsistency.Stamp(e) : "-",
                Summarize(a.Findings),
            }
            : [a.FileId, a.FolderState, "?", "?", "?", "?", "?", $"unreadable: {a.Problem}"]).ToList();

        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(header, widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    public static void WriteDetail(TextWriter output, StoredApproval approval)
    {
        output.WriteLine($"file:          {approval.RelativePath}");
        if (approval.Record is not { } r)
        {
            output.WriteLine($"unreadable:    {approval.Problem}");
            output.WriteLine();
            return;
        }

        output.WriteLine($"approval:      {r.ApprovalId}");
        output.WriteLine($"state:         {r.State} (folder {approval.FolderState})");
        output.WriteLine($"device:        {r.Device.Name} (id {r.Device.Id})");
        output.WriteLine($"batch:         {r.BatchId}");
        output.WriteLine($"requested:     {ApprovalConsistency.Stamp(r.RequestedAt)} by {r.RequestedBy}");
        output.WriteLine($"expires:       {(r.ExpiresAt is { } e ? ApprovalConsistency.Stamp(e) : "-")}");
        output.WriteLine($"risk:          {r.Risk.Level}{(r.Risk.Notes.Length > 0 ? " — " + r.Risk.Notes : "")}");
        output.WriteLine($"changes ({r.Changes.Count}):");
        foreach (var c in r.Changes)
        {
            output.WriteLine($"  {c.Action,-6} {c.Object}: {c.Summary}");
        }

        output.WriteLine($"history ({r.History.Count}):");
        foreach (var h in r.History)
        {
            output.WriteLine($"  {ApprovalConsistency.Stamp(h.At)}  {h.From ?? "(new)"} → {h.To}  by {h.Actor}: {h.Reason}");
        }

        var findings = approval.Findings;
        output.WriteLine(findings.Count == 0 ? "findings:      none" : $"findings ({findings.Count}):");
        foreach (var f in findings)
        {
            output.WriteLine($"  {f}");
        }

        // The artifacts do not record which stop conditions held when a past decision was taken.
        output.WriteLine("not checked:   whether a stop condition held at the time of past decisions (not recorded in the artifacts)");
        output.WriteLine();
    }

    private static string Summarize(IReadOnlyList<ApprovalFinding> findings) =>
        findings.Count == 0 ? "-" : string.Join(", ", findings.Select(f => f.Rule).Distinct());

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
