namespace OpsConsole.Core.Read.Operations;

/// <summary>A device engaged in week 1 of a cycle and which of its engagement files the index holds.</summary>
/// <param name="Name">Device name (the folder under <c>engagement/</c>).</param>
/// <param name="DeviceId">The device id its package states, when the package was indexed.</param>
/// <param name="HasPackage">True when <c>package.json</c> is indexed.</param>
/// <param name="HasResponses">True when <c>responses.csv</c> is indexed.</param>
/// <param name="HasValidation">True when <c>validation.json</c> is indexed.</param>
public sealed record EngagedDevice(string Name, long? DeviceId, bool HasPackage, bool HasResponses, bool HasValidation);
