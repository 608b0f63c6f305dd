namespace OpsConsole.Core.StopConditions;

/// <summary>
/// Titles and runbook actions of the seven stop conditions, in English. Pages translate them by the
/// keys <c>stop.&lt;n&gt;.title</c> and <c>stop.&lt;n&gt;.action</c>.
/// </summary>
public static class StopConditionCatalogue
{
    /// <summary>The condition numbers, in order.</summary>
    public static readonly IReadOnlyList<int> Numbers = [1, 2, 3, 4, 5, 6, 7];

    private static readonly string[] Titles =
    [
        "Secret-looking token in an artifact",
        "Compliance report contradicts itself",
        "Object already exists upstream in a real run",
        "Open critical incident",
        "Apply plan with an incomplete payload",
        "Device id differs between artifacts",
        "Gate out of order",
    ];

    private static readonly string[] Actions =
    [
        "Isolate the file, revoke the token in NetBox, escalate to the security team.",
        "Do not approve or execute; escalate to engineering; investigate the root cause.",
        "The batch stays blocked (all-or-none policy); find out why the object exists; update the import plan if necessary.",
        "Pause all approvals and writes; investigate the incident; resume only after it is resolved.",
        "Do not execute; request re-validation of the payload; check that every staged_payload is complete.",
        "Do not execute the batch; verify the device in NetBox; correct the device id in the import plan.",
        "Do not proceed past the gate; regenerate it once every gate it requires has passed and its checks pass; escalate to the cycle owner.",
    ];

    /// <summary>English title of condition <paramref name="number"/>.</summary>
    public static string Title(int number) => Titles[number - 1];

    /// <summary>English runbook action of condition <paramref name="number"/>.</summary>
    public static string Action(int number) => Actions[number - 1];
}
