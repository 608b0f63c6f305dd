using OpsConsole.Core.Index;
using OpsConsole.Core.Shift;

namespace OpsConsole.Web.Pages.Shift;

/// <summary>DI for the shift handoff page.</summary>
public static class ShiftRegistration
{
    /// <summary>Shift options (validated on start), the digest query and the line writer.</summary>
    public static IServiceCollection AddShiftHandoff(this IServiceCollection services)
    {
        services.AddOptions<ShiftOptions>()
            .BindConfiguration(ShiftOptions.Section)
            .Validate(o => o.IsValid(), "OpsConsole:Shift:Starts must list times as \"HH:mm\" and OpsConsole:Shift:TimeZone must be a known time zone id.")
            .ValidateOnStart();
        services.AddSingleton(sp => new ShiftDigestQuery(sp.GetRequiredService<Func<IndexDbContext>>()));
        services.AddScoped<ShiftLineWriter>();
        return services;
    }
}
