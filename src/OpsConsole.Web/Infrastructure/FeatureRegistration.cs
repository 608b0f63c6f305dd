using OpsConsole.Core.Engagement;
using OpsConsole.Core.Executions;
using OpsConsole.Core.Read;
using OpsConsole.Core.Read.Approvals;
using OpsConsole.Core.Read.Batches;
using OpsConsole.Core.Read.Catalogue;
using OpsConsole.Core.Read.Compliance;
using OpsConsole.Core.Read.Dashboard;
using OpsConsole.Core.Read.Devices;
using OpsConsole.Core.Read.Engagement;
using OpsConsole.Core.Read.Executions;
using OpsConsole.Core.Read.Handoff;
using OpsConsole.Core.Read.Incidents;
using OpsConsole.Core.Read.Operations;
using OpsConsole.Core.Shift;
using OpsConsole.Core.StopConditions;
using OpsConsole.Web.Pages.Approvals;
using OpsConsole.Web.Pages.Audit;
using OpsConsole.Web.Pages.Dashboard;
using OpsConsole.Web.Pages.Engagement;
using OpsConsole.Web.Pages.Executions;
using OpsConsole.Web.Pages.Handoff;
using OpsConsole.Web.Pages.Metrics;
using OpsConsole.Web.Pages.Operations;
using OpsConsole.Web.Pages.Shift;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Infrastructure;

/// <summary>
/// The one list of the web features' services. Lifetimes are chosen by one rule:
/// <list type="bullet">
/// <item><b>Singleton</b> for everything that holds no per-request state: the read layer and the page
/// queries only hold singletons (the context factory, the store, the clock, options) and open one
/// <c>IndexDbContext</c> per call, so one instance serves every request; and for the caches keyed by
/// index version (stop conditions, dashboard, approval reads), which must outlive a request to be useful.</item>
/// <item><b>Scoped</b> only for what needs the request: FluentValidation validators (registered scoped by
/// <c>AddEngagement</c>) and the engagement queries, which read the signed-in user's answers per request.</item>
/// </list>
/// </summary>
internal static class FeatureRegistration
{
    public static IServiceCollection AddOpsConsoleFeatures(this IServiceCollection services)
    {
        // Shared by every feature: the stop-condition evaluation (cached per index version) and the one
        // "is this file quarantined?" answer built on it.
        services.AddSingleton(sp => new StopConditionEvaluator(
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Index.IndexDbContext>>().CreateDbContext,
            sp.GetRequiredService<Core.Index.IndexState>(), sp.GetRequiredService<Core.Storage.ArtifactStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<QuarantinedFiles>();

        // Archive: the compliance history from the index, the approval manifests once per bundle version, one bundle on demand.
        services.AddSingleton(sp => new Core.Archive.ArchivedRecords(sp.GetRequiredService<Core.Storage.ArtifactStore>().Root));
        services.AddSingleton<Core.Read.ArchivedHistory.IndexedArchive>();
        services.AddSingleton<Pages.Archive.ArchiveSnapshots>();

        // The typed read layer (Core): stateless, one context per call.
        services.AddSingleton<LatestReports>();
        services.AddSingleton<ComplianceReportReads>();
        services.AddSingleton<IncidentReads>();
        services.AddSingleton<BatchReads>();
        services.AddSingleton<DeviceHistoryReader>();
        services.AddSingleton<ComplianceRunDays>();
        services.AddSingleton<DeviceReads>();
        services.AddSingleton<ComplianceTrendReads>();
        services.AddSingleton<DashboardReads>();
        services.AddSingleton<CatalogueReads>();
        services.AddSingleton<OperationReads>();
        services.AddSingleton<EngagementReads>();

        // Dashboard: the figures are cached per index version; the view adds the clock's freshness.
        services.AddSingleton<DashboardCache>();
        services.AddSingleton<DashboardQueries>();

        // Approvals: the read layer's entries are cached per index version; queue and timeline read from it.
        services.AddSingleton<ApprovalReads>();
        services.AddSingleton<ApprovalQueue>();
        services.AddSingleton<ApprovalTimeline>();

        // Executions: the log reader keeps a small cache of line indexes across requests.
        services.AddSingleton(sp => new LogLineIndexStore(
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Index.IndexDbContext>>().CreateDbContext));
        services.AddSingleton<ExecutionLogReader>();
        services.AddSingleton<ExecutionReads>();
        services.AddSingleton<ExecutionReferences>();
        services.AddSingleton<ExecutionDetailQueries>();

        services.AddSingleton<OperationQueries>();
        services.AddSingleton<HandoffReads>();
        // Metrics board: its inputs are read once per index version; the clock's figures per request.
        services.AddSingleton<MetricsInputsSource>();
        services.AddSingleton<MetricsQueries>();
        // Monthly review (approval trends, decisions audit view): decided approvals come from one source, the
        // metrics inputs, which hold the index's approvals and the archive bundles' decided ones (from their manifests).
        services.AddSingleton<IDecidedApprovalSource, IndexedDecidedApprovals>();
        services.AddSingleton(sp => new ApprovalDecisionLog(sp.GetRequiredService<IDecidedApprovalSource>(), sp.GetRequiredService<Core.Audit.IAuditStore>(),
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Index.IndexDbContext>>().CreateDbContext));
        services.AddSingleton<MonthlyReviewQueries>();
        services.AddSingleton<AuditQueries>();

        // Shift handoff: options checked at start; the digest reads the change journal, one context per call.
        services.AddOptions<ShiftOptions>()
            .BindConfiguration(ShiftOptions.Section)
            .Validate(o => o.IsValid(), "OpsConsole:Shift:Starts must list times as \"HH:mm\" and OpsConsole:Shift:TimeZone must be a known time zone id.")
            .ValidateOnStart();
        services.AddSingleton(sp => new ShiftDigestQuery(
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Index.IndexDbContext>>().CreateDbContext));
        // Its localizers read the request's UI culture when called, so one instance serves every request.
        services.AddSingleton<ShiftLineWriter>();

        // NOC wall view of the dashboard and /stop-conditions.
        services.AddOptions<WallOptions>().BindConfiguration(WallOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Engagement: the one writer is a singleton so its per-device locks are shared by every request.
        services.AddSingleton<EngagementWriter>();
        services.AddScoped<EngagementQueries>();
        services.AddEngagement();
        return services;
    }
}
