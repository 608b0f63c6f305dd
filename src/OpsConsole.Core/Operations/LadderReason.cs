using System.Globalization;

namespace OpsConsole.Core.Operations;

/// <summary>
/// One plain-language statement about a gate or cycle: a resource-key-friendly <see cref="Code"/>
/// (pages look up a translated template by it and format it with <see cref="Args"/>) and the
/// English <see cref="Text"/> the CLI prints.
/// </summary>
/// <param name="Code">Template id, e.g. <c>gate.requires-not-passed</c>; see <see cref="LadderReasons"/>.</param>
/// <param name="Text">The English sentence.</param>
/// <param name="Args">The values the template is formatted with, in order.</param>
public sealed record LadderReason(string Code, string Text, IReadOnlyList<string> Args)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>The English templates of every <see cref="LadderReason"/> code (composite-format strings).</summary>
public static class LadderReasons
{
    public const string FileMissing = "gate.file-missing";
    public const string FileUnreadable = "gate.file-unreadable";
    public const string WrongCycle = "gate.wrong-cycle";
    public const string WrongGate = "gate.wrong-gate";
    public const string RequiresNotPassed = "gate.requires-not-passed";
    public const string RequiresNotPassedBecause = "gate.requires-not-passed-because";
    public const string CheckFailed = "gate.check-failed";
    public const string Summary = "gate.summary";
    public const string GeneratedBeforeEarlier = "gate.generated-before-earlier";
    public const string PassedWhileRequires = "gate.violation.requires";
    public const string PassedWhileRequiresBecause = "gate.violation.requires-because";
    public const string PassedWithFailedCheck = "gate.violation.check-failed";
    public const string RequiresNotInLadder = "gate.violation.requires-not-in-ladder";
    public const string RequiresLoop = "gate.violation.requires-loop";
    public const string CycleFileMissing = "cycle.file-missing";
    public const string CycleFileUnreadable = "cycle.file-unreadable";
    public const string CycleWrongId = "cycle.wrong-id";

    /// <summary>Code → English template. Pages keep translations under the same keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> Templates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FileMissing] = "file {0} is missing",
        [FileUnreadable] = "file {0} is unreadable: {1}",
        [WrongCycle] = "file {0} says cycle_id \"{1}\", but it lies in the folder of cycle {2}",
        [WrongGate] = "file {0} says gate \"{1}\", but its name is that of gate {2}",
        [RequiresNotPassed] = "requires {0}, which is {1}",
        [RequiresNotPassedBecause] = "requires {0}, which is {1} ({2})",
        [CheckFailed] = "check {0} failed: {1}",
        [Summary] = "the gate says: {0}",
        [GeneratedBeforeEarlier] = "generated at {0}, before {1} (generated at {2}), which comes earlier in the ladder",
        [PassedWhileRequires] = "marked passed while it requires {0}, which is {1}",
        [PassedWhileRequiresBecause] = "marked passed while it requires {0}, which is {1} ({2})",
        [PassedWithFailedCheck] = "marked passed while check {0} failed: {1}",
        [RequiresNotInLadder] = "requires {0}, which is not a gate of this ladder",
        [RequiresLoop] = "its requires lead back to itself through {0}",
        [CycleFileMissing] = "file {0} is missing",
        [CycleFileUnreadable] = "file {0} is unreadable: {1}",
        [CycleWrongId] = "file {0} says cycle_id \"{1}\", but it lies in folder operations/{2}/",
    };

    /// <summary>Builds a reason from its code and arguments.</summary>
    public static LadderReason Create(string code, params string[] args) =>
        new(code, string.Format(CultureInfo.InvariantCulture, Templates[code], args), args);
}
