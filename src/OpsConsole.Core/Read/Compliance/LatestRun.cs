namespace OpsConsole.Core.Read.Compliance;

/// <summary>The newest compliance run (day folder): when, how many reports, and their statuses.</summary>
public sealed record LatestRun(string Day, DateTimeOffset? At, int Reports, IReadOnlyDictionary<string, int> ByStatus)
{
    public int Count(string status) => ByStatus.GetValueOrDefault(status);
}
