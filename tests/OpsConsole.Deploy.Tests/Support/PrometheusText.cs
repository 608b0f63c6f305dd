using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsConsole.Deploy.Tests.Support;

/// <summary>One sample line of the Prometheus text format.</summary>
internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>Reads a <c>/metrics</c> answer the way Prometheus does (sample lines; comments skipped).</summary>
internal static partial class PrometheusText
{
    public static IReadOnlyList<Sample> Parse(string text) =>
        [.. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(ParseLine)];

    /// <summary>The value of the one sample of <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public static double Value(this IReadOnlyList<Sample> samples, string name, params (string Key, string Value)[] labels)
    {
        var matches = samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        Assert.True(matches.Count == 1, $"expected one sample {name}{{{string.Join(',', labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}, found {matches.Count}");
        return matches[0].Value;
    }

    private static Sample ParseLine(string line)
    {
        var m = SampleLine().Match(line);
        Assert.True(m.Success, "not a Prometheus sample line: " + line);
        var labels = LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(p => p.Groups[1].Value, p => p.Groups[2].Value, StringComparer.Ordinal);
        return new Sample(m.Groups["name"].Value, labels, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
