namespace OpsConsole.Core.Read.Devices;

/// <summary>Filters of the device list.</summary>
public sealed record DeviceFilter(string? Search, string? Site, string? Role, string? Status);
