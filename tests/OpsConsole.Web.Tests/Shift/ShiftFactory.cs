using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Core.Index;
using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Shift;

/// <summary>
/// The app over Fixtures/basic with shifts at 07:00 and 19:00 São Paulo time and a clock the test sets. The
/// journal rows of a known-answer test are written straight into the index (the indexer writing them is
/// covered by Core's ChangeJournalTests), so the digest's answer does not depend on the file watcher's timing.
/// </summary>
public sealed class ShiftFactory : ConsoleFactory
{
    public ShiftFactory() : base("basic")
    {
    }

    /// <summary>"Now" for the page (the digest's end). Starts before every seeded row, so start-up rows stay outside the window.</summary>
    public SettableClock Clock { get; } = new() { Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OpsConsole:Shift:TimeZone", "America/Sao_Paulo");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Adds journal rows (after the app is ready).</summary>
    public void Seed(params ChangeJournalRecord[] rows)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<IndexDbContext>>().CreateDbContext();
        db.ChangeJournal.AddRange(rows);
        db.SaveChanges();
    }

    /// <summary>The earliest baseline row: when the journal started.</summary>
    public DateTimeOffset JournalStart()
    {
        using var db = Services.GetRequiredService<IDbContextFactory<IndexDbContext>>().CreateDbContext();
        return new DateTimeOffset(db.ChangeJournal.AsNoTracking().Where(j => j.Change == ChangeKinds.Baseline).Min(j => j.AtTicks), TimeSpan.Zero);
    }
}
