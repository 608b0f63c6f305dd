namespace OpsConsole.Core.Approvals;

/// <summary>Findings that share one reason, printed once with how many files show it and which.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Reason">The shared reason.</param>
/// <param name="Files">The artifacts that show it (may be empty for a finding about the input itself).</param>
public sealed record RefusalGroup(string Rule, string Reason, IReadOnlyList<string> Files)
{
    /// <summary>One line: <c>[rule] reason (N files: a, b, …)</c>; a single finding reads as it always did.</summary>
    public override string ToString() => Files.Count switch
    {
        0 => $"[{Rule}] {Reason}",
        1 => $"[{Rule}] {Reason} ({Files[0]})",
        _ => $"[{Rule}] {Reason} ({Files.Count} files: {string.Join(", ", Files)})",
    };
}

/// <summary>
/// Groups the findings of a refused decision or plan by rule and shared reason, so one device-id mismatch
/// seen in sixteen files is one line with the count and the list of files, not sixteen near-identical lines.
/// </summary>
public static class RefusalGroups
{
    /// <summary>The groups, in the order their first finding appears.</summary>
    public static IReadOnlyList<RefusalGroup> Of(IEnumerable<ApprovalFinding> findings)
    {
        var groups = new List<RefusalGroup>();
        var byKey = new Dictionary<(string, string), List<string>>();
        foreach (var f in findings)
        {
            if (f.Group is null || f.Source is null)
            {
                groups.Add(new RefusalGroup(f.Rule, f.Message, []));
                continue;
            }

            if (!byKey.TryGetValue((f.Rule, f.Group), out var files))
            {
                files = [];
                byKey[(f.Rule, f.Group)] = files;
                groups.Add(new RefusalGroup(f.Rule, f.Group, files));
            }

            if (!files.Contains(f.Source, StringComparer.Ordinal))
            {
                files.Add(f.Source);
            }
        }

        return groups;
    }
}
