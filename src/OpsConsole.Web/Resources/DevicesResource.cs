namespace OpsConsole.Web;

/// <summary>Marker for the strings of the device list and device page (<c>Pages/Devices</c>).</summary>
public sealed class DevicesResource;
