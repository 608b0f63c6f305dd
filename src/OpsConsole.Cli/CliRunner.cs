using System.CommandLine;

namespace OpsConsole.Cli;

/// <summary>Runs the parsed command; failures print one clear line (a stack trace only with --verbose).</summary>
internal static class CliRunner
{
    /// <summary>Exit code for a refused or failed operation.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for wrong usage or an unexpected error.</summary>
    public const int Error = 2;

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parse = root.Parse(args);

        // The one way out of the CLI: both streams are redacting writers, so no command prints a secret.
        using var stdout = new RedactingWriter(output ?? Console.Out);
        using var stderr = new RedactingWriter(error ?? Console.Error);
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = stdout, Error = stderr };
        try
        {
            var exit = await parse.InvokeAsync(config);

            // System.CommandLine reports usage errors with 1; keep 1 for refusals and use 2 for usage, as documented above.
            return parse.Errors.Count > 0 && exit != 0 ? Error : exit;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            if (parse.GetValue(CliContext.VerboseOption))
            {
                await stderr.WriteLineAsync(ex.ToString());
            }

            return Error;
        }
    }
}
