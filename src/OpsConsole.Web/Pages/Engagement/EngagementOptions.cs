using System.ComponentModel.DataAnnotations;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>Settings of <c>OpsConsole:Engagement</c>: the write's rate limit and trusted proxies.</summary>
public sealed class EngagementOptions
{
    public const string Section = "OpsConsole:Engagement";

    /// <summary>Engagement POSTs (save, validate, finalize) accepted per client address per minute.</summary>
    [Range(1, 10_000)]
    public int WritesPerMinute { get; set; } = 30;

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> is believed. Empty (the default): the
    /// header is ignored and only the socket's remote address counts.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
