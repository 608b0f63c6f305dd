using System.Globalization;
using System.Text.Json.Nodes;

namespace OpsConsole.Web.Tests.Infrastructure;

/// <summary>
/// The app over Fixtures/trends: 5 devices on 3 sites (devices.json) and 30 nightly runs, 2026-11-01 to 2026-11-30,
/// written from <see cref="Days"/> before the app starts. One letter per day, oldest first: c compliant, d divergent,
/// e error, u unreadable (broken JSON), - no report. RT-A-01's 30 days hold every status; the last two runs are
/// built for "since yesterday" (RT-A-01 newly divergent, SW-A-02 back to compliant, OLT-B-03 divergent on one
/// more field, FW-B-04 unreadable, PE-C-05 missing).
/// </summary>
public sealed class TrendsFactory : ConsoleFactory
{
    /// <summary>The first run day; day i of a pattern is this day plus i.</summary>
    public static readonly DateOnly FirstDay = new(2026, 11, 1);

    /// <summary>Each device's 30 days (index 0 is 2026-11-01).</summary>
    public static readonly IReadOnlyDictionary<string, string> Days = new Dictionary<string, string>
    {
        ["RT-A-01"] = "ccccdcccceccccucccc-cccccccccd",
        ["SW-A-02"] = "ccccccccccccccccccccccccccccdc",
        ["OLT-B-03"] = "ccccccccccccccccccccccccccccdd",
        ["FW-B-04"] = "cccccccccccccccccccccccccccccu",
        ["PE-C-05"] = "ccccccccccccccccccccccccccccc-",
    };

    /// <summary>The fields a divergent report names: the latest run adds "description" for RT-A-01 and "tenant" for OLT-B-03.</summary>
    private static readonly Dictionary<(string Device, int Day), string[]> Fields = new()
    {
        [("RT-A-01", 29)] = ["tenant", "description"],
        [("SW-A-02", 28)] = ["tenant"],
        [("OLT-B-03", 28)] = ["role"],
        [("OLT-B-03", 29)] = ["role", "tenant"],
    };

    public TrendsFactory() : base("trends", WriteRuns)
    {
    }

    /// <summary>Run day <paramref name="index"/> as yyyy-MM-dd.</summary>
    public static string Day(int index) => FirstDay.AddDays(index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteRuns(string root)
    {
        var ids = new Dictionary<string, int> { ["RT-A-01"] = 4101, ["SW-A-02"] = 4102, ["OLT-B-03"] = 4103, ["FW-B-04"] = 4104, ["PE-C-05"] = 4105 };
        foreach (var (device, pattern) in Days)
        {
            Assert.Equal(30, pattern.Length);
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '-')
                {
                    continue;
                }

                var folder = Path.Combine(root, "compliance", Day(i));
                Directory.CreateDirectory(folder);
                var file = Path.Combine(folder, device + ".json");
                File.WriteAllText(file, pattern[i] == 'u' ? "{ not json" : Report(device, ids[device], i, pattern[i]));
            }
        }
    }

    private static string Report(string device, int id, int day, char status)
    {
        var fields = status == 'd' ? Fields.GetValueOrDefault((device, day), ["tenant"]) : [];
        var divergences = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["field"] = f, ["expected"] = "x", ["actual"] = "y", ["severity"] = "medium" })]);
        var checks = 10;
        return new JsonObject
        {
            ["schema"] = "opsconsole/compliance-report@1",
            ["report_id"] = $"CR-{Day(day)}-{device}",
            ["device"] = new JsonObject { ["id"] = id, ["name"] = device },
            ["generated_at"] = Day(day) + "T06:00:00-03:00",
            ["source"] = "nightly-compliance",
            ["status"] = status switch { 'd' => "divergent", 'e' => "error", _ => "compliant" },
            ["divergences"] = divergences,
            ["incidents"] = new JsonArray(),
            ["summary"] = new JsonObject { ["checks"] = checks, ["passed"] = checks - fields.Length, ["failed"] = fields.Length },
        }.ToJsonString();
    }
}
