namespace OpsConsole.Web.Infrastructure.Demo;

/// <summary>Whether the served artifact root is generated demo data (the layout then labels every page).</summary>
/// <param name="IsDemo">True when the root carries the live demo's stamp.</param>
/// <param name="EndDate">The demo's last day, when known.</param>
internal sealed record DemoData(bool IsDemo, DateOnly? EndDate)
{
    public static DemoData For(string root) => DemoStamp.Read(root) is { } day
        ? new DemoData(true, day == DateOnly.MinValue ? null : day)
        : new DemoData(false, null);
}
