using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Tests.Artifacts;

public sealed class ApprovalTransitionTests
{
    private static readonly HashSet<(string, string)> Allowed =
    [
        ("proposed", "pending"),
        ("pending", "approved"),
        ("pending", "rejected"),
        ("pending", "expired"),
        ("approved", "applied"),
        ("approved", "expired"),
    ];

    public static TheoryData<string, string, bool> EveryPair()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var from in ApprovalStates.All)
        {
            foreach (var to in ApprovalStates.All)
            {
                data.Add(from, to, Allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Fact]
    public void TheSixContractStatesAreKnown() =>
        Assert.Equal(["proposed", "pending", "approved", "rejected", "applied", "expired"], ApprovalStates.All);

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void TransitionIsAllowedExactlyWhenTheContractListsIt(string from, string to, bool allowed) =>
        Assert.Equal(allowed, ApprovalStates.IsAllowed(from, to));

    [Theory]
    [InlineData("Proposed", "pending")]
    [InlineData("pending", "Approved")]
    [InlineData("draft", "pending")]
    [InlineData("", "")]
    public void UnknownOrDifferentlyCasedStateIsNeverAllowed(string from, string to) =>
        Assert.False(ApprovalStates.IsAllowed(from, to));
}
