using System.Net;
using Microsoft.Extensions.Options;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>
/// Who is asking: the socket's remote address, or, only when that address is a configured trusted
/// proxy, the right-most address of <c>X-Forwarded-For</c>. Writes are accepted from loopback only.
/// </summary>
internal static class ClientAddress
{
    public static IPAddress? Of(HttpContext http)
    {
        var remote = Normalize(http.Connection.RemoteIpAddress);
        if (remote is null)
        {
            return null;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<EngagementOptions>>().Value;
        if (options.TrustedProxies.Count == 0 || !options.TrustedProxies.Any(p => IPAddress.TryParse(p, out var proxy) && Normalize(proxy)!.Equals(remote)))
        {
            return remote;
        }

        var forwarded = http.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return forwarded.Length > 0 && IPAddress.TryParse(forwarded[^1], out var client) ? Normalize(client) : remote;
    }

    public static bool IsLocal(HttpContext http) => Of(http) is { } ip && IPAddress.IsLoopback(ip);

    public static string Describe(HttpContext http) => Of(http)?.ToString() ?? "unknown";

    private static IPAddress? Normalize(IPAddress? ip) => ip is { IsIPv4MappedToIPv6: true } ? ip.MapToIPv4() : ip;
}
