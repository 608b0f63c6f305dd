using System.Net;

namespace OpsConsole.Web.Infrastructure.Identity;

/// <summary>The proxies whose identity headers are believed, parsed once from CIDR text (like ForwardedHeaders' KnownNetworks).</summary>
internal sealed class TrustedNetworks(IReadOnlyList<IPNetwork> networks)
{
    public static TrustedNetworks From(IEnumerable<string> entries) =>
        new(entries.Select(e => TryParse(e, out var n) ? n : (IPNetwork?)null).OfType<IPNetwork>().ToList());

    /// <summary>A CIDR (<c>10.0.0.0/24</c>) or a single address (taken as /32 or /128).</summary>
    public static bool TryParse(string text, out IPNetwork network)
    {
        var trimmed = text.Trim();
        if (IPAddress.TryParse(trimmed, out var single) && !trimmed.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(trimmed, out network);
    }

    /// <summary>True when the TCP peer is one of the trusted proxies (IPv4-mapped IPv6 compared as IPv4).</summary>
    public bool Contains(IPAddress? peer)
    {
        if (peer is null)
        {
            return false;
        }

        var address = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
        return networks.Any(n => n.Contains(address));
    }
}
