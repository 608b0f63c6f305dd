using OpsConsole.Core.Approvals;
using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Tests.Approvals;

public class ApprovalTransitionTests
{
    private static readonly HashSet<(string, string)> Allowed =
    [
        ("proposed", "pending"),
        ("pending", "approved"), ("pending", "rejected"), ("pending", "expired"),
        ("approved", "applied"), ("approved", "expired"),
    ];

    public static TheoryData<string, string> EveryStatePair()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in ApprovalStates.All)
        {
            foreach (var to in ApprovalStates.All)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    public static TheoryData<string, string> EveryActionOnEveryState()
    {
        var data = new TheoryData<string, string>();
        foreach (var action in ApprovalAction.All)
        {
            foreach (var state in ApprovalStates.All)
            {
                data.Add(action.Name, state);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatePair))]
    public void Only_the_transitions_listed_in_the_contract_are_allowed(string from, string to) =>
        Assert.Equal(Allowed.Contains((from, to)), ApprovalStates.IsAllowed(from, to));

    [Theory]
    [MemberData(nameof(EveryActionOnEveryState))]
    public void An_action_is_accepted_exactly_from_its_allowed_states(string actionName, string state)
    {
        var action = ApprovalAction.Find(actionName)!;
        var result = Records.Decide(Records.InState(state), action);

        var legal = Allowed.Contains((state, action.To));
        Assert.Equal(legal, result.IsAccepted);
        if (legal)
        {
            Assert.Equal(action.To, result.Record!.State);
        }
        else
        {
            var refusal = Assert.Single(result.Refusals);
            Assert.Equal(ApprovalRules.IllegalTransition, refusal.Rule);
            Assert.Contains($"APR-T is {state}", refusal.Message);
        }
    }

    [Fact]
    public void Each_action_maps_to_the_documented_transition()
    {
        Assert.Equal(["submit: proposed -> pending", "approve: pending -> approved", "reject: pending -> rejected",
            "expire: pending|approved -> expired", "mark-applied: approved -> applied"],
            ApprovalAction.All.Select(a => $"{a.Name}: {string.Join('|', a.From)} -> {a.To}"));
        Assert.All(ApprovalAction.All, a => Assert.Equal($"approval.{a.Name}", a.AuditType));
    }
}
