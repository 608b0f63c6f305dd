namespace OpsConsole.Core.Read.Operations;

/// <summary>A batch plan a cycle's gates cite, with the plan's device and the id the INVENTORY gives that device.</summary>
/// <param name="Path">The plan's path as the gate cites it.</param>
/// <param name="Device">The device the plan names; null when the plan is not indexed.</param>
/// <param name="DeviceId">The inventory's NetBox id of that device; null when the inventory does not list it.</param>
public sealed record CitedPlan(string Path, string? Device, long? DeviceId);
