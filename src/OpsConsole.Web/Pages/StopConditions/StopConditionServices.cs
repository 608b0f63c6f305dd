using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Core.Index;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Pages.StopConditions;

/// <summary>DI for the stop-conditions page, the banner and the quarantine check.</summary>
public static class StopConditionServices
{
    /// <summary>The cached evaluator (one per app; TryAdd so another feature registering it does not clash) and <see cref="Quarantine"/>.</summary>
    public static IServiceCollection AddStopConditionPages(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new StopConditionEvaluator(
            sp.GetRequiredService<Func<IndexDbContext>>(), sp.GetRequiredService<IndexState>(),
            sp.GetRequiredService<ArtifactStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<Quarantine>();
        return services;
    }
}
