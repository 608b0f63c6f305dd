using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Operations;

/// <summary>
/// The app over Fixtures/operations: cycle-002 (the full reference ladder of 24 gates, attempt blocked in
/// preflight, freeze in effect), cycle-complete, cycle-preflight, cycle-missing and cycle-disorder.
/// </summary>
public sealed class OperationsFactory : ConsoleFactory
{
    public OperationsFactory() : base("operations")
    {
    }
}
