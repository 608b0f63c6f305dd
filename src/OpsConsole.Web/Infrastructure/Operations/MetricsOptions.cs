using System.Net;

namespace OpsConsole.Web.Infrastructure.Operations;

/// <summary>Settings of <c>OpsConsole:Metrics</c>: who may scrape <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "OpsConsole:Metrics";

    /// <summary>The scrape path.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.20.0.0/24</c> or <c>::1/128</c>) whose clients may read <c>/metrics</c>;
    /// everyone else gets 404. Empty (the default) means loopback only. The client address is the one
    /// the engagement write check uses: the socket's, or a trusted proxy's <c>X-Forwarded-For</c>.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Loopback, IPv4 and IPv6: the default when nothing is configured.</summary>
    public static readonly IReadOnlyList<IPNetwork> Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    /// <summary>The configured networks, parsed (call after validation).</summary>
    public IReadOnlyList<IPNetwork> Networks() =>
        AllowedNetworks.Count == 0 ? Loopback : [.. AllowedNetworks.Select(n => IPNetwork.Parse(n.Trim()))];

    /// <summary>True when every configured entry is a CIDR network.</summary>
    public bool AllValid() => AllowedNetworks.All(n => IPNetwork.TryParse(n.Trim(), out _));
}
