using OpsConsole.Web.Infrastructure;
using OpsConsole.Web.Infrastructure.Demo;
using OpsConsole.Web.Infrastructure.Identity;
using OpsConsole.Web.Infrastructure.Operations;
using OpsConsole.Web.Infrastructure.ScaleOut;
using Serilog;
using Log = Serilog.Log;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddOpsConsoleLogging();
    LiveDemo.Prepare(builder);
    builder.Services.AddOpsConsoleCore(builder.Environment, builder.Configuration);
    builder.Services.AddOpsConsoleWeb();
    builder.AddOpsConsoleOperations();
    builder.Services.AddOpsConsoleIdentity(builder.Configuration);

    var app = builder.Build();
    app.HoldDataFolderLock();
    app.PrepareIndex();
    app.PrepareSharedKeyRing();
    app.MapOpsConsoleMetrics();
    app.UseOpsConsolePipeline();
    app.MapOpsConsoleEndpoints();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // Start-up failures (e.g. a missing artifact root) end with one clear line, not a crash dump.
    Log.Fatal("OpsConsole failed to start: {Message}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
