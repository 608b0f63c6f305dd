using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Tests.Artifacts;

public sealed class ComplianceContradictionTests
{
    private static readonly Divergence TenantDivergence = new() { Field = "tenant", Severity = "high" };

    private static ComplianceReport Report(string status, int checks, int passed, int failed, params Divergence[] divergences) => new()
    {
        ReportId = "RPT-1",
        Device = new DeviceRef { Id = 101, Name = "dev-1" },
        Status = status,
        Divergences = [.. divergences],
        Summary = new ComplianceSummary { Checks = checks, Passed = passed, Failed = failed },
    };

    [Fact]
    public void CompliantReportListingDivergencesIsAContradiction()
    {
        var report = Report("compliant", 3, 2, 1, TenantDivergence);

        Assert.True(report.IsContradiction);
        Assert.Contains("compliant", report.ContradictionReason, StringComparison.Ordinal);
        Assert.Contains("1 divergence", report.ContradictionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryThatDoesNotAddUpIsAContradiction()
    {
        var report = Report("divergent", 5, 3, 1, TenantDivergence);

        Assert.True(report.IsContradiction);
        Assert.Contains("does not add up", report.ContradictionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void CompliantReportWhoseSummaryDoesNotAddUpIsAContradiction() =>
        Assert.True(Report("compliant", 4, 3, 0).IsContradiction);

    [Fact]
    public void CoherentCompliantReportIsNotAContradiction()
    {
        var report = Report("compliant", 3, 3, 0);

        Assert.False(report.IsContradiction);
        Assert.Null(report.ContradictionReason);
    }

    [Fact]
    public void CoherentDivergentReportIsNotAContradiction() =>
        Assert.False(Report("divergent", 3, 2, 1, TenantDivergence).IsContradiction);
}
