namespace OpsConsole.Core.Read.Executions;

/// <summary>A device an execution file names (or a batch it names plans for), and where the console knows it.</summary>
/// <param name="Name">Device name.</param>
/// <param name="InInventory">True when the inventory lists it (it has a device page).</param>
/// <param name="Engaged">True when its engagement package is indexed (it has an engagement page).</param>
public sealed record ReferencedDevice(string Name, bool InInventory, bool Engaged);
