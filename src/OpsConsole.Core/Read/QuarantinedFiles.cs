using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Read;

/// <summary>
/// The one answer to "is this file quarantined?". A file in which a secret-looking token was found (stop
/// condition 1) is quarantined: no page renders its content, /download and the evidence pack refuse it;
/// its other facts stay visible. Ask before rendering or serving any raw artifact text.
/// </summary>
public sealed class QuarantinedFiles(StopConditionEvaluator evaluator)
{
    /// <summary>True when the index holds a condition-1 finding for <paramref name="relativePath"/> (cached per index version).</summary>
    public bool IsQuarantined(string relativePath) => evaluator.Evaluate().QuarantinedPaths.Contains(relativePath);

    /// <summary>
    /// Also uses the scan the store made when it read <paramref name="loaded"/>, so a file changed after the
    /// last index pass fails closed (the same rule /download applies to the bytes it would serve).
    /// </summary>
    public bool IsQuarantined(LoadedArtifact loaded) =>
        IsQuarantined(loaded.RelativePath) || loaded.Secrets.Count > 0;

    /// <summary>Every quarantined path of the current index version.</summary>
    public IReadOnlySet<string> Paths => evaluator.Evaluate().QuarantinedPaths;

    /// <summary>The masked findings of a quarantined file (line and masked token), for the page to show where it is.</summary>
    public IReadOnlyList<StopEvidence> Findings(string relativePath) =>
        [.. evaluator.Evaluate()[StopConditionNumber.Secret].Triggers.Where(t => t.Path == relativePath)];
}
