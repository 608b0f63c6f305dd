using System.Globalization;

namespace OpsConsole.Bench;

/// <summary>Command line of the driver: <c>--name value</c> pairs.</summary>
internal sealed record Settings(string AppDll, string Root, string Work, int Port, int Reps, int Clients, int RequestsPerRoute, string? Out)
{
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string DatabasePath => Path.Combine(Work, "index.db");

    public static Settings Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected --name value, got \"{args[i]}\"");
            }

            map[args[i][2..]] = args[i + 1];
        }

        string Req(string k) => map.TryGetValue(k, out var v) ? v : throw new ArgumentException($"--{k} is required");
        int Int(string k, int d) => map.TryGetValue(k, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : d;
        return new Settings(Path.GetFullPath(Req("app")), Path.GetFullPath(Req("root")), Path.GetFullPath(Req("work")),
            Int("port", 18890), Int("reps", 3), Int("clients", 8), Int("requests", 400), map.GetValueOrDefault("out"));
    }
}
