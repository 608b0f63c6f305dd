using OpsConsole.Core.Index;

namespace OpsConsole.Core.Tests.Index;

/// <summary>The stored form of a report's divergence fields: distinct, ordered, redacted; and which are new.</summary>
public sealed class DivergentFieldsTests
{
    [Fact]
    public void FieldsAreStoredDistinctAndInOrdinalOrder()
    {
        Assert.Equal("role\ntenant", DivergentFields.Join(["tenant", "role", "tenant", " "]));
        Assert.Null(DivergentFields.Join(Array.Empty<string>()));
    }

    [Fact]
    public void ASecretInAFieldNameIsNeverStored()
    {
        const string token = "0123456789abcdef0123456789abcdef01234567";

        var stored = DivergentFields.Join([$"NETBOX_WRITE_TOKEN={token}"]);

        Assert.NotNull(stored);
        Assert.DoesNotContain(token[4..], stored);
    }

    [Fact]
    public void AddedListsOnlyTheFieldsTheReportBeforeDidNotHave()
    {
        Assert.Equal("tenant", DivergentFields.Added("role", "role\ntenant"));
        Assert.Null(DivergentFields.Added("role\ntenant", "role"));
        Assert.Equal("role\ntenant", DivergentFields.Added(null, "role\ntenant"));
    }
}
