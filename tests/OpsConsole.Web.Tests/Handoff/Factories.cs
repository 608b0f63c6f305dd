using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Handoff;

/// <summary>Fixtures/stops: an open critical incident, a leaked token in a log and in a handoff document, two handoff documents (en, pt-BR).</summary>
public sealed class StopsFactory : ConsoleFactory
{
    /// <summary>The full secrets planted in the fixture; no page may ever contain them.</summary>
    public static readonly string[] Secrets = ["Zq9xLEAKEDsecretValue0042", "Hx7kQUARANTINEDbearer998877"];

    public StopsFactory() : base("stops")
    {
    }
}

/// <summary>Fixtures/metrics: all stop conditions clear, with known metric answers at <see cref="Now"/>.</summary>
public sealed class MetricsFactory : ConsoleFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public MetricsFactory() : base("metrics")
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FixedClock(Now));
        });
    }
}

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
