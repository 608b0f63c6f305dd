using OpsConsole.Core.Storage;
using OpsConsole.Tests.Fixtures;

namespace OpsConsole.Core.Tests.Archive;

/// <summary>Compliance reports for the archive tests, and helpers over a <see cref="FixtureTree"/>.</summary>
internal static class ArchiveTree
{
    /// <summary>A compliance-report@1 document of <paramref name="device"/> on <paramref name="day"/>.</summary>
    public static string Report(string device, string day, string status = "compliant", long deviceId = 101, string? note = null) => $$"""
        {
          "schema": "opsconsole/compliance-report@1",
          "report_id": "RPT-{{day}}-{{device}}",
          "device": { "id": {{deviceId}}, "name": "{{device}}" },
          "generated_at": "{{day}}T06:00:00Z",
          "source": "{{note ?? "nightly"}}",
          "status": "{{status}}",
          "divergences": [{{(status == "divergent" ? """{ "field": "tenant", "expected": "a", "actual": "b", "severity": "low" }""" : "")}}],
          "incidents": [],
          "summary": { "checks": 3, "passed": {{(status == "divergent" ? 2 : 3)}}, "failed": {{(status == "divergent" ? 1 : 0)}} }
        }
        """;

    /// <summary>A tree with two devices' reports on three days (2026-01-01..03) and today's run on 2026-02-01.</summary>
    public static FixtureTree ThreeDays()
    {
        var tree = FixtureTree.Empty();
        tree.Write("devices.json", FixtureTree.Inventory(("edge-01", 101), ("core-02", 202)));
        foreach (var day in new[] { "2026-01-01", "2026-01-02", "2026-01-03", "2026-02-01" })
        {
            tree.Write($"compliance/{day}/edge-01.json", Report("edge-01", day, day == "2026-01-02" ? "divergent" : "compliant"));
            tree.Write($"compliance/{day}/core-02.json", Report("core-02", day, deviceId: 202));
        }

        return tree;
    }

    public static string Canonical(this FixtureTree tree) => SafePath.Canonicalize(tree.Root);

    /// <summary>Every file under compliance/ and approvals/ with its bytes (what must never be lost).</summary>
    public static Dictionary<string, byte[]> Originals(this FixtureTree tree) =>
        tree.Snapshot().Where(f => f.Key.StartsWith("compliance/", StringComparison.Ordinal) || f.Key.StartsWith("approvals/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
}
