using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Operations;

/// <summary>
/// Works out each step's effective status. Requires are followed through the console's own view of
/// the required gate (not the status its file claims), so one bad gate taints every gate above it.
/// </summary>
internal sealed class LadderResolver
{
    private readonly List<LadderStep> _ladder;
    private readonly GateLadder.GateRead[] _reads;
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly bool[] _visiting;

    public LadderResolver(List<LadderStep> ladder, GateLadder.GateRead[] reads)
    {
        _ladder = ladder;
        _reads = reads;
        _visiting = new bool[ladder.Count];
        Status = new string?[ladder.Count];
        Cause = new string?[ladder.Count];
        Violations = new List<LadderReason>[ladder.Count];
        Reasons = new List<LadderReason>[ladder.Count];
        for (var i = 0; i < ladder.Count; i++)
        {
            _byId.TryAdd(ladder[i].Gate, i);
        }
    }

    /// <summary>Effective status per step.</summary>
    public string?[] Status { get; }

    /// <summary>A short "because" for steps that are not passed, quoted by the gates that require them.</summary>
    public string?[] Cause { get; }

    public List<LadderReason>[] Violations { get; }
    public List<LadderReason>[] Reasons { get; }

    public string Resolve(int i)
    {
        if (Status[i] is { } done)
        {
            return done;
        }

        var violations = Violations[i] = [];
        var reasons = Reasons[i] = [];
        var read = _reads[i];
        if (read.Problem is not null || read.Gate is not { } gate)
        {
            var problem = read.Problem ?? LadderReasons.Create(LadderReasons.FileUnreadable, read.Path, "it is not a gate document");
            reasons.Add(problem);
            Cause[i] = problem.Text;
            return Status[i] = GateStatuses.Unknown;
        }

        var passedClaim = gate.Status == GateStatuses.Passed;
        _visiting[i] = true;
        foreach (var required in _ladder[i].Requires.Distinct(StringComparer.Ordinal))
        {
            if (!_byId.TryGetValue(required, out var j))
            {
                violations.Add(LadderReasons.Create(LadderReasons.RequiresNotInLadder, required));
                continue;
            }

            if (_visiting[j])
            {
                violations.Add(LadderReasons.Create(LadderReasons.RequiresLoop, required));
                continue;
            }

            var status = Resolve(j);
            if (status != GateStatuses.Passed)
            {
                (passedClaim ? violations : reasons).Add(Unmet(passedClaim, required, status, Cause[j]));
            }
        }

        _visiting[i] = false;
        foreach (var check in gate.Checks.Where(c => c.Status == "fail"))
        {
            var detail = string.IsNullOrWhiteSpace(check.Detail) ? check.Title : check.Detail;
            (passedClaim ? violations : reasons).Add(passedClaim
                ? LadderReasons.Create(LadderReasons.PassedWithFailedCheck, check.Id, detail)
                : LadderReasons.Create(LadderReasons.CheckFailed, check.Id, detail));
        }

        if (gate.Status is GateStatuses.Blocked or GateStatuses.Failed && !string.IsNullOrWhiteSpace(gate.Summary))
        {
            reasons.Add(LadderReasons.Create(LadderReasons.Summary, gate.Summary));
        }

        if (violations.Count > 0)
        {
            Cause[i] = violations[0].Text;
            return Status[i] = GateStatuses.Violation;
        }

        Cause[i] = reasons.FirstOrDefault(r => r.Code is LadderReasons.CheckFailed or LadderReasons.Summary)?.Text;
        return Status[i] = gate.Status;
    }

    private static LadderReason Unmet(bool passedClaim, string required, string status, string? cause) => (passedClaim, cause) switch
    {
        (true, null) => LadderReasons.Create(LadderReasons.PassedWhileRequires, required, status),
        (true, { } c) => LadderReasons.Create(LadderReasons.PassedWhileRequiresBecause, required, status, c),
        (false, null) => LadderReasons.Create(LadderReasons.RequiresNotPassed, required, status),
        (false, { } c) => LadderReasons.Create(LadderReasons.RequiresNotPassedBecause, required, status, c),
    };
}
