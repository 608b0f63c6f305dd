using System.Globalization;

namespace OpsConsole.Core.Read;

/// <summary>The index stores instants as UTC ticks (integers sort in SQLite); rows carry them as instants.</summary>
public static class IndexTime
{
    /// <summary>The instant of stored UTC <paramref name="ticks"/>, or null.</summary>
    public static DateTimeOffset? FromTicks(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>An instant as ISO 8601 round-trip text (exports), or null.</summary>
    public static string? Iso(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture);
}
