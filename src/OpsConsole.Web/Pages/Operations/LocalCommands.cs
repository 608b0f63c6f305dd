using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsConsole.Web.Pages.Operations;

/// <summary>
/// The exact local command lines an operator runs for week 1 (the CLI of this project). The console
/// only shows them; it never runs anything.
/// </summary>
public static partial class LocalCommands
{
    /// <summary>
    /// Commands for the given root and the batch plans the cycle cites, each with its device and the id the
    /// inventory gives that device (a plan whose device the inventory does not list gets no command).
    /// </summary>
    public static IReadOnlyList<LocalCommand> For(string root, IReadOnlyList<(string Path, string? Device, long? DeviceId)> plans)
    {
        var rootArg = Quote(root);
        var list = new List<LocalCommand>
        {
            new("cmd-index", "week1.cmd.index", $"opsconsole index --root {rootArg}"),
            new("cmd-check", "week1.cmd.check", $"opsconsole check --root {rootArg}"),
        };
        var n = 0;
        foreach (var (path, device, deviceId) in plans)
        {
            if (device is null || deviceId is null)
            {
                continue;
            }

            n++;
            list.Add(new LocalCommand($"cmd-validate-{n}", "week1.cmd.validatePlan",
                $"opsconsole validate batch-plan --root {rootArg} --plan {Quote(Join(root, path))} "
                + $"--expected-device-id {deviceId.Value.ToString(CultureInfo.InvariantCulture)} --expected-device {Quote(device)}"));
        }

        return list;
    }

    /// <summary>A shell word: left as is when plain, else single-quoted.</summary>
    public static string Quote(string value) =>
        PlainWord().IsMatch(value) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Join(string root, string relative) => root.TrimEnd('/', '\\') + "/" + relative;

    [GeneratedRegex("^[A-Za-z0-9_./:=+@-]+$")]
    private static partial Regex PlainWord();
}
