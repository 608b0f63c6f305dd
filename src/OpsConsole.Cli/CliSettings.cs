using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using OpsConsole.Core;

namespace OpsConsole.Cli;

/// <summary>
/// The CLI's <see cref="OpsConsoleOptions"/>, bound from the same sources as the web app so both use the same
/// artifact root, index and audit trail. Precedence, lowest first: the options' defaults (artifact root
/// <c>./reports</c>); the web app's <c>appsettings.json</c> (its <c>OpsConsole</c> section); environment
/// variables <c>OpsConsole__…</c>; the command-line flags (<c>--root</c>, <c>--db</c>, <c>--audit-db</c>).
/// Validated with the same data annotations the web app validates on start.
/// </summary>
internal static class CliSettings
{
    /// <summary>The settings file the web app reads.</summary>
    public const string FileName = "appsettings.json";

    public static readonly Option<FileInfo?> ConfigOption = new("--config")
    {
        Description = "The web app's settings file to read the OpsConsole section from (default: ./appsettings.json, "
            + "else the one of the installed or repository web app).",
        Recursive = true,
    };

    private static readonly string[] PathSettings =
        [nameof(OpsConsoleOptions.ArtifactRoot), nameof(OpsConsoleOptions.DatabasePath), nameof(OpsConsoleOptions.AuditPath), nameof(OpsConsoleOptions.LogDirectory)];

    /// <summary>Binds and validates the options for the command in <paramref name="result"/>.</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid (the message names it).</exception>
    public static OpsConsoleOptions Load(ParseResult result)
    {
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [Key(nameof(OpsConsoleOptions.ArtifactRoot))] = "reports" });
        if (SettingsFile(result) is { } file)
        {
            var fromFile = new ConfigurationBuilder().AddJsonFile(file, optional: false).Build();
            var folder = Path.GetDirectoryName(file)!;
            builder.AddConfiguration(fromFile);

            // The web app resolves relative paths against its content root, the folder of this file: so does the CLI.
            builder.AddInMemoryCollection(PathSettings.Select(Key).Where(k => !string.IsNullOrEmpty(fromFile[k]))
                .ToDictionary(k => k, k => (string?)Path.GetFullPath(fromFile[k]!, folder)));
        }

        builder.AddEnvironmentVariables();
        builder.AddInMemoryCollection(Flags(result));

        var options = new OpsConsoleOptions();
        builder.Build().GetSection(OpsConsoleOptions.Section).Bind(options);

        // What is still relative came from the environment: relative to the current directory, as a shell user expects.
        options.ArtifactRoot = Path.GetFullPath(options.ArtifactRoot);
        options.DatabasePath = Path.GetFullPath(options.DatabasePath);
        options.AuditPath = Path.GetFullPath(options.AuditPath);
        options.LogDirectory = Path.GetFullPath(options.LogDirectory);
        Validate(options);
        return options;
    }

    /// <summary>The settings file: <c>--config</c>, else <c>./appsettings.json</c>, else the web app's next to the CLI.</summary>
    public static string? SettingsFile(ParseResult result)
    {
        if (result.GetValue(ConfigOption) is { } explicitFile)
        {
            return explicitFile.Exists ? explicitFile.FullName
                : throw new InvalidOperationException($"--config: {explicitFile.FullName} does not exist.");
        }

        var here = Path.GetFullPath(FileName);
        return File.Exists(here) ? here : WebAppSettingsNear(AppContext.BaseDirectory);
    }

    /// <summary>
    /// The web app's settings in a release (<c>web/appsettings.json</c> beside <c>cli/</c>) or in this repository
    /// (<c>src/OpsConsole.Web/appsettings.json</c>), found by walking up from <paramref name="start"/>.
    /// </summary>
    private static string? WebAppSettingsNear(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "web", FileName), Path.Combine(dir.FullName, "src", "OpsConsole.Web", FileName) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static Dictionary<string, string?> Flags(ParseResult result)
    {
        var flags = new Dictionary<string, string?>();
        if (result.GetValue(CliContext.RootOption) is { } root)
        {
            flags[Key(nameof(OpsConsoleOptions.ArtifactRoot))] = root.FullName;
        }

        if (result.GetValue(CliContext.DatabaseOption) is { } db)
        {
            flags[Key(nameof(OpsConsoleOptions.DatabasePath))] = db.FullName;
        }

        if (result.GetValue(CliContext.AuditOption) is { } audit)
        {
            flags[Key(nameof(OpsConsoleOptions.AuditPath))] = audit.FullName;
        }

        return flags;
    }

    private static void Validate(OpsConsoleOptions options)
    {
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new InvalidOperationException("invalid settings: " + string.Join("; ",
                problems.Select(p => $"{OpsConsoleOptions.Section}:{string.Join(",", p.MemberNames)}: {p.ErrorMessage}")));
        }
    }

    private static string Key(string setting) => OpsConsoleOptions.Section + ":" + setting;
}
