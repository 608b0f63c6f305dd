using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.FailClosed;

/// <summary>
/// Fixtures/stops with its incidents folder replaced by a link to a sibling folder inside the root
/// (<c>incidents/</c> → <c>incidents-store/</c>), and a handoff document that is a link leaving the root.
/// </summary>
public sealed class LinkedFoldersFactory : ConsoleFactory
{
    public const string OutsideLinkPath = "handoff/outside.md";

    public LinkedFoldersFactory() : base("stops", Prepare)
    {
    }

    private static void Prepare(string root)
    {
        Directory.Move(Path.Combine(root, "incidents"), Path.Combine(root, "incidents-store"));
        Directory.CreateSymbolicLink(Path.Combine(root, "incidents"), "incidents-store");
        var outside = Path.Combine(Path.GetDirectoryName(root)!, "outside.md");
        File.WriteAllText(outside, "# Outside the root\n");
        File.CreateSymbolicLink(Path.Combine(root, OutsideLinkPath), outside);
    }
}

/// <summary>Fixtures/operations with the week-1 plan naming its device with an id the inventory does not give it.</summary>
public sealed class WrongPlanIdFactory : ConsoleFactory
{
    public WrongPlanIdFactory() : base("operations", root =>
    {
        var plan = Path.Combine(root, "batches/plans/BATCH-0201.json");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("\"id\": 1890", "\"id\": 9999", StringComparison.Ordinal));
    })
    {
    }
}
