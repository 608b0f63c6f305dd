using System.Net;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using OpsConsole.Core.Index;

namespace OpsConsole.Web.Tests.Shift;

/// <summary>
/// The digest of a known journal: every kind of change, in both languages, the Markdown export byte for byte,
/// and a secret in a title masked everywhere.
/// </summary>
public sealed class ShiftDigestKnownAnswerTests : IDisposable
{
    private const string Token = "0123456789abcdef0123456789abcdef01234567";
    private const string Since = "?since=2026-11-30T07:00:00-03:00";
    private static readonly long At = new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero).UtcTicks;
    private static readonly long Later = new DateTimeOffset(2026, 11, 30, 12, 30, 0, TimeSpan.Zero).UtcTicks;
    private readonly ShiftFactory _factory = new();

    private async Task<HttpClient> SeededClientAsync(string culture)
    {
        var client = await _factory.CreateReadyClientAsync(culture);
        _factory.Seed(
            new ChangeJournalRecord { AtTicks = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero).UtcTicks, Change = ChangeKinds.Baseline, Kind = ChangeKinds.Baseline },
            new ChangeJournalRecord { AtTicks = At, Change = ChangeKinds.StopConditions, Kind = ChangeKinds.StopConditionsKind, StatusBefore = "2:unknown", StatusAfter = "4:triggered" },
            Row(At, ChangeKinds.Added, "compliance/2026-11-30/EDGE-BEL-01.json", "ComplianceReport", r =>
                (r.Key, r.Device, r.StatusBefore, r.StatusAfter, r.CountBefore, r.CountAfter, r.NewDivergentFields) = ("CR-1", "EDGE-BEL-01", "compliant", "divergent", 0, 2, "description\ntenant")),
            // Same status and count as the day before, but one field cleared and another new: news.
            Row(At, ChangeKinds.Added, "compliance/2026-11-30/PE-BEL-02.json", "ComplianceReport", r =>
                (r.Device, r.StatusBefore, r.StatusAfter, r.CountBefore, r.CountAfter, r.NewDivergentFields) = ("PE-BEL-02", "divergent", "divergent", 1, 1, "role")),
            Row(At, ChangeKinds.Added, "compliance/2026-11-30/OLT-KTG-07.json", "ComplianceReport", r =>
                (r.Device, r.StatusBefore, r.StatusAfter, r.Problem) = ("OLT-KTG-07", "compliant", "unreadable", "invalid JSON")),
            // Same status and count as the day before: not news, left out.
            Row(At, ChangeKinds.Added, "compliance/2026-11-30/4WNET-MNS-KTG-RX.json", "ComplianceReport", r =>
                (r.Device, r.StatusBefore, r.StatusAfter, r.CountBefore, r.CountAfter) = ("4WNET-MNS-KTG-RX", "compliant", "compliant", 0, 0)),
            Row(At, ChangeKinds.Added, "approvals/approved/approval-APR-2026-0110.json", "Approval", r =>
                (r.Key, r.StatusBefore, r.StatusAfter, r.Actor) = ("APR-2026-0110", "pending", "approved", "carlos.lima")),
            // The old folder's removal of the same decision: folded into the line above.
            Row(At, ChangeKinds.Removed, "approvals/pending/approval-APR-2026-0110.json", "Approval", r => (r.Key, r.StatusBefore) = ("APR-2026-0110", "pending")),
            Row(At, ChangeKinds.Added, "incidents/INC-0043.json", "Incident", r =>
                (r.Key, r.StatusAfter, r.Category, r.Title) = ("INC-0043", "open", "critical", $"core down NETBOX_WRITE_TOKEN={Token}")),
            Row(Later, ChangeKinds.Changed, "incidents/INC-0042.json", "Incident", r =>
                (r.Key, r.StatusBefore, r.StatusAfter, r.Category, r.Title) = ("INC-0042", "open", "resolved", "high", "BGP flap on uplink")),
            Row(At, ChangeKinds.Added, "batches/results/BATCH-0111-run2.json", "BatchResult", r =>
                (r.Key, r.GroupKey, r.StatusAfter, r.Category, r.Actor) = ("run2", "BATCH-0111", "failed", "real", "joao.pereira")),
            Row(At, ChangeKinds.Changed, "operations/cycle-002/start-gate.json", "Gate", r =>
                (r.Key, r.GroupKey, r.StatusBefore, r.StatusAfter, r.Title) = ("start-gate", "cycle-002", "passed", "blocked", "Start gate")),
            Row(At, ChangeKinds.Changed, "engagement/4WNET-MNS-KTG-RX/responses.csv", "EngagementResponses", r =>
                (r.Key, r.Device, r.CountBefore, r.CountAfter, r.Actor) = ("4WNET-MNS-KTG-RX", "4WNET-MNS-KTG-RX", 1, 3, "lead.transport")),
            Row(At, ChangeKinds.Added, "engagement/4WNET-MNS-KTG-RX/validation.json", "EngagementValidation", r =>
                (r.Key, r.Device, r.StatusAfter) = ("4WNET-MNS-KTG-RX", "4WNET-MNS-KTG-RX", "failed")),
            Row(At, ChangeKinds.Added, "executions/week1-real-run.log", "ExecutionLog", r =>
                (r.Key, r.StatusAfter, r.CountAfter, r.Title) = ("week1-real-run", "failed", 3, "ERROR push to EDGE-BEL-01 refused")),
            Row(At, ChangeKinds.Added, "executions/week1-final-validation.json", "ExecutionReport", r =>
                (r.Key, r.StatusAfter, r.Actor, r.Title) = ("week1-final-validation", "passed", "joao.pereira", "All 12 checks passed")),
            Row(At, ChangeKinds.Removed, "handoff/noc-handoff.md", "HandoffDocument", r => r.Key = "noc-handoff"));
        _factory.Clock.Now = new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);
        return client;
    }

    private static ChangeJournalRecord Row(long at, string change, string path, string kind, Action<ChangeJournalRecord> set)
    {
        var row = new ChangeJournalRecord { AtTicks = at, Change = change, Path = path, Kind = kind };
        set(row);
        return row;
    }

    [Fact]
    public async Task TheMarkdownExportIsExactlyTheKnownDigest()
    {
        var client = await SeededClientAsync("en");

        var md = await client.GetStringAsync("/shift" + Since + "&format=md");

        Assert.Equal(
            """
            # Shift handoff

            Changes from 2026-11-30 07:00 -03:00 to 2026-11-30 11:00 -03:00

            ## Stop conditions raised or cleared

            - 2026-11-30 08:00 -03:00 · [Stop conditions](http://localhost/stop-conditions) · raised: 4 Open critical incident (Triggered) · cleared: 2 Compliance report contradicts itself

            ## Devices whose compliance changed

            - 2026-11-30 08:00 -03:00 · [EDGE-BEL-01](http://localhost/devices/EDGE-BEL-01) · Compliant → Divergent · 0 → 2 divergences · new divergences: description, tenant
            - 2026-11-30 08:00 -03:00 · [OLT-KTG-07](http://localhost/devices/OLT-KTG-07) · Compliant → Unreadable · unreadable: invalid JSON
            - 2026-11-30 08:00 -03:00 · [PE-BEL-02](http://localhost/devices/PE-BEL-02) · Divergent → Divergent · new divergences: role

            ## Approvals that changed state

            - 2026-11-30 08:00 -03:00 · [APR-2026-0110](http://localhost/approval-timeline/APR-2026-0110) · Pending → Approved · by carlos.lima

            ## Incidents opened, mitigated or resolved

            - 2026-11-30 08:00 -03:00 · [INC-0043](http://localhost/incidents/INC-0043) · new: Open · Critical · core down NETBOX\_WRITE\_TOKEN=0123••••••••
            - 2026-11-30 09:30 -03:00 · [INC-0042](http://localhost/incidents/INC-0042) · Open → Resolved · High · BGP flap on uplink

            ## Batch runs and outcomes

            - 2026-11-30 08:00 -03:00 · [BATCH-0111 / run2](http://localhost/batch-results/BATCH-0111) · Real · new: Failed · by joao.pereira

            ## Gates whose status changed

            - 2026-11-30 08:00 -03:00 · [cycle-002 / start-gate](http://localhost/controlled-operation/cycle-002/gates/start-gate) · Passed → Blocked · Start gate

            ## Engagement answers saved and validations run

            - 2026-11-30 08:00 -03:00 · [4WNET-MNS-KTG-RX](http://localhost/service-engagement/4WNET-MNS-KTG-RX) · 2 answers saved · by lead.transport
            - 2026-11-30 08:00 -03:00 · [4WNET-MNS-KTG-RX](http://localhost/service-engagement/4WNET-MNS-KTG-RX/validation) · validation run: Failed

            ## Executions (logs and final validation reports)

            - 2026-11-30 08:00 -03:00 · [week1-real-run.log](http://localhost/executions/week1-real-run.log) · new: Failed · 3 error lines · ERROR push to EDGE-BEL-01 refused
            - 2026-11-30 08:00 -03:00 · [week1-final-validation.json](http://localhost/executions/week1-final-validation.json) · new: Passed · by joao.pereira · All 12 checks passed

            ## Other files

            - 2026-11-30 08:00 -03:00 · handoff/noc-handoff.md · removed


            """.Replace("\r\n", "\n"), md);
    }

    [Fact]
    public async Task TheMarkdownExportParsesBackToOneListItemPerLineWithTheirLinks()
    {
        var client = await SeededClientAsync("pt-BR");

        var md = await client.GetStringAsync("/shift" + Since + "&format=md");
        var document = Markdig.Markdown.Parse(md);

        var headings = document.Descendants<HeadingBlock>().Select(h => h.Level).ToList();
        var items = document.Descendants<ListItemBlock>().Count();
        var links = document.Descendants<LinkInline>().Select(l => l.Url).ToList();
        Assert.Equal([1, 2, 2, 2, 2, 2, 2, 2, 2, 2], headings);
        Assert.Equal(14, items);
        Assert.Equal(13, links.Count);
        Assert.All(links, l => Assert.StartsWith("http://localhost/", l));
        Assert.Contains("Passagem de turno", md);
    }

    [Fact]
    public async Task ThePageShowsEveryKindInPortuguese()
    {
        var client = await SeededClientAsync("pt-BR");

        var html = await client.GetStringAsync("/shift" + Since);

        var text = Infrastructure.Page.Text(html);
        Assert.Contains("Passagem de turno", text);
        Assert.Contains("Pendente → Aprovada · por carlos.lima", text);
        Assert.Contains("2 respostas salvas · por lead.transport", text);
        Assert.Contains("validação executada: Falhou", text);
        Assert.Contains("acionadas: 4", text);
        Assert.Contains("href=\"/approval-timeline/APR-2026-0110\"", html);
        Assert.Contains("Execuções (logs e relatórios finais de validação)", text);
        Assert.Contains("novo: Falhou · 3 linhas de erro", text);
        Assert.Contains("href=\"/executions/week1-real-run.log\"", html);
        Assert.Contains("Conforme → Divergente · 0 → 2 divergências · novas divergências: description, tenant", text);
        Assert.Contains("href=\"/controlled-operation/cycle-002/gates/start-gate\"", html);
        Assert.DoesNotContain("Nada mudou", text);
    }

    [Fact]
    public async Task ASecretInATitleIsMaskedInThePageAndEveryExport()
    {
        var client = await SeededClientAsync("en");

        foreach (var format in new[] { "", "&format=md", "&format=csv", "&format=json" })
        {
            var body = await client.GetStringAsync("/shift" + Since + format);
            Assert.DoesNotContain(Token, body);
            Assert.DoesNotContain(Token[4..], body);
        }
    }

    [Fact]
    public async Task TheJsonExportSaysWhetherTheJournalCoversTheWindow()
    {
        var client = await SeededClientAsync("en");

        var covered = await client.GetStringAsync("/shift" + Since + "&format=json");
        var uncovered = await client.GetStringAsync("/shift?since=2026-11-01T00:00:00Z&format=json");

        Assert.Contains("\"journal_covers_window\":true", covered);
        Assert.Contains("\"status_after\":\"approved\"", covered);
        Assert.Contains("\"journal_covers_window\":false", uncovered);
    }

    [Fact]
    public async Task ASinceBeforeTheJournalStartSaysSoInsteadOfNothingChanged()
    {
        var client = await _factory.CreateReadyClientAsync("en");
        _factory.Clock.Now = DateTimeOffset.UtcNow.AddDays(1);

        var html = await client.GetStringAsync("/shift?since=2020-01-01T00:00:00Z");
        var md = await client.GetStringAsync("/shift?since=2020-01-01T00:00:00Z&format=md");

        Assert.Contains("The change journal only starts at", Infrastructure.Page.Text(html));
        Assert.DoesNotContain("Nothing changed", html);
        Assert.Contains("The change journal only starts at", md);
    }

    [Theory]
    [InlineData("en", "is not a date and time with a UTC offset")]
    [InlineData("pt-BR", "não é uma data e hora com deslocamento UTC")]
    public async Task AnInvalidSinceIsAClearLocalizedError(string culture, string message)
    {
        var client = await _factory.CreateReadyClientAsync(culture);

        var response = await client.GetAsync("/shift?since=yesterday");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("role=\"alert\"", html);
    }

    [Fact]
    public async Task ASinceWithoutAnOffsetIsRefused()
    {
        var client = await _factory.CreateReadyClientAsync("en");

        var response = await client.GetAsync("/shift?since=2026-11-30T07:00:00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WithoutSinceTheWindowStartsAtThePreviousShift()
    {
        var client = await _factory.CreateReadyClientAsync("en");
        _factory.Clock.Now = new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero); // 14:00 in São Paulo

        var html = await client.GetStringAsync("/shift");

        Assert.Contains("Changes from 2026-11-29 19:00 -03:00 to 2026-11-30 14:00 -03:00", Infrastructure.Page.Text(html));
    }

    [Fact]
    public async Task TheNavigationLinksTheShiftPage()
    {
        var client = await _factory.CreateReadyClientAsync("en");

        var html = await client.GetStringAsync("/");

        Assert.Contains("<a href=\"/shift\" aria-current=\"false\">Shift handoff</a>", html);
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>The whole way: a file changed on disk, the indexer journals it, the page lists it.</summary>
public sealed class ShiftDigestFromFilesTests : IDisposable
{
    private readonly ShiftFactory _factory = new();

    [Fact]
    public async Task AnIncidentResolvedOnDiskAppearsOnThePageWithItsLink()
    {
        var client = await _factory.CreateReadyClientAsync("en");
        var since = _factory.JournalStart();
        var path = Path.Combine(_factory.Root, "incidents", "INC-0042.json");
        var staged = Path.Combine(Path.GetTempPath(), $"shift-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(staged, (await File.ReadAllTextAsync(path)).Replace("\"open\"", "\"resolved\"", StringComparison.Ordinal) + "\n");
        File.Move(staged, path, overwrite: true);

        await _factory.ReindexAsync();
        _factory.Clock.Now = DateTimeOffset.UtcNow.AddHours(1);
        var html = await client.GetStringAsync("/shift?since=" + Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("<a href=\"/incidents/INC-0042\">INC-0042</a>", html);
        Assert.Contains("Open → Resolved", Infrastructure.Page.Text(html));
        Assert.DoesNotContain("The change journal only starts", Infrastructure.Page.Text(html));
    }

    public void Dispose() => _factory.Dispose();
}
