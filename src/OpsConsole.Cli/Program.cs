using OpsConsole.Cli;

return await CliRunner.RunAsync(CliApp.BuildRoot(), args);
