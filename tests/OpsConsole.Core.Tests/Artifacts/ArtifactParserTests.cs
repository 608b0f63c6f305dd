using System.Text;
using System.Text.Json.Nodes;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Artifacts;

public sealed class ArtifactParserTests
{
    public static TheoryData<ArtifactKind> JsonKinds => [.. SampleDocuments.ByKind.Keys];

    private static ParseOutcome Parse(ArtifactKind kind, string text) => ArtifactParser.Parse(kind, Encoding.UTF8.GetBytes(text));

    private static string Unreadable(ArtifactKind kind, string text)
    {
        var outcome = Parse(kind, text);
        Assert.Null(outcome.Document);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Problem), "an unreadable file must say why");
        return outcome.Problem!;
    }

    [Theory]
    [MemberData(nameof(JsonKinds))]
    public void MinimalValidDocumentIsReadable(ArtifactKind kind)
    {
        var outcome = Parse(kind, SampleDocuments.ByKind[kind]);

        Assert.Null(outcome.Problem);
        var document = Assert.IsAssignableFrom<ArtifactDocument>(outcome.Document);
        Assert.StartsWith($"opsconsole/{ArtifactKinds.SchemaName(kind)}@1", document.Schema, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(JsonKinds))]
    public void BomPrefixedDocumentIsReadable(ArtifactKind kind)
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SampleDocuments.ByKind[kind])).ToArray();

        Assert.Null(ArtifactParser.Parse(kind, bytes).Problem);
    }

    [Theory]
    [MemberData(nameof(JsonKinds))]
    public void UnknownExtraFieldsAreIgnored(ArtifactKind kind)
    {
        var json = SampleDocuments.With(SampleDocuments.ByKind[kind], o =>
        {
            o["added_in_v1_7"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
            o["x_note"] = "from a newer tool";
        });

        Assert.Null(Parse(kind, json).Problem);
    }

    [Fact]
    public void ReportFieldsAreReadFromSnakeCase()
    {
        var report = Assert.IsType<ComplianceReport>(Parse(ArtifactKind.ComplianceReport, SampleDocuments.ComplianceReport).Document);

        Assert.Equal("RPT-1", report.ReportId);
        Assert.Equal(101, report.Device.Id);
        Assert.Equal("dev-1", report.Device.Name);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero), report.GeneratedAt);
        Assert.Equal(3, report.Summary.Passed);
    }

    [Fact]
    public void TextThatIsNotJsonIsUnreadable() =>
        Assert.Contains("not valid JSON", Unreadable(ArtifactKind.ComplianceReport, "this is not json"), StringComparison.Ordinal);

    [Fact]
    public void TruncatedJsonIsUnreadable()
    {
        var json = SampleDocuments.ComplianceReport;
        var problem = Unreadable(ArtifactKind.ComplianceReport, json[..(json.Length / 2)]);

        Assert.Contains("not valid JSON", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedBeforeTheSchemaIsUnreadable() =>
        Assert.Contains("not valid JSON", Unreadable(ArtifactKind.Gate, """{ "schema": "opsconsole/ga"""), StringComparison.Ordinal);

    [Fact]
    public void EmptyFileIsUnreadableAsEmpty() =>
        Assert.Contains("empty", ArtifactParser.Parse(ArtifactKind.Approval, []).Problem, StringComparison.Ordinal);

    [Fact]
    public void BomOnlyFileIsUnreadableAsEmpty() =>
        Assert.Contains("empty", ArtifactParser.Parse(ArtifactKind.Approval, Encoding.UTF8.GetPreamble()).Problem, StringComparison.Ordinal);

    [Fact]
    public void StringWhereANumberBelongsIsUnreadableAndNamesTheField()
    {
        var json = SampleDocuments.With(SampleDocuments.ComplianceReport, o => o["summary"]!["checks"] = "3");

        var problem = Unreadable(ArtifactKind.ComplianceReport, json);

        Assert.Contains("summary.checks", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberWhereAStringBelongsIsUnreadableAndNamesTheField()
    {
        var json = SampleDocuments.With(SampleDocuments.Incident, o => o["status"] = 5);

        Assert.Contains("status", Unreadable(ArtifactKind.Incident, json), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportWithoutDeviceNameIsUnreadableAndSaysDeviceName()
    {
        var json = SampleDocuments.With(SampleDocuments.ComplianceReport, o => o["device"]!.AsObject().Remove("name"));

        Assert.Contains("device.name", Unreadable(ArtifactKind.ComplianceReport, json), StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalWithoutIdIsUnreadableAndSaysApprovalId()
    {
        var json = SampleDocuments.With(SampleDocuments.Approval, o => o.Remove("approval_id"));

        Assert.Contains("approval_id", Unreadable(ArtifactKind.Approval, json), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSchemaIsUnreadableAndSaysSchemaIsMissing()
    {
        var json = SampleDocuments.With(SampleDocuments.Gate, o => o.Remove("schema"));

        var problem = Unreadable(ArtifactKind.Gate, json);

        Assert.Contains("\"schema\" field is missing", problem, StringComparison.Ordinal);
        Assert.Contains("opsconsole/gate@1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaOfAnotherKindIsUnreadableAsTheWrongKind()
    {
        var problem = Unreadable(ArtifactKind.ComplianceReport, SampleDocuments.Approval);

        Assert.Contains("wrong kind", problem, StringComparison.Ordinal);
        Assert.Contains("opsconsole/approval@1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaOutsideOpsConsoleIsUnreadable()
    {
        var json = SampleDocuments.With(SampleDocuments.Incident, o => o["schema"] = "acme/incident@1");

        Assert.Contains("not an OpsConsole schema", Unreadable(ArtifactKind.Incident, json), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(JsonKinds))]
    public void UnknownMajorVersionIsAnUnsupportedVersion(ArtifactKind kind)
    {
        var json = SampleDocuments.With(SampleDocuments.ByKind[kind], o => o["schema"] = $"opsconsole/{ArtifactKinds.SchemaName(kind)}@2");

        var problem = Unreadable(kind, json);

        Assert.StartsWith("unsupported version", problem, StringComparison.Ordinal);
        Assert.Contains("@2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMajorIsReportedEvenWhenTheBodyNoLongerMatchesV1()
    {
        const string v2 = """{ "schema": "opsconsole/compliance-report@2", "device": "dev-1", "summary": [1, 2] }""";

        Assert.StartsWith("unsupported version", Unreadable(ArtifactKind.ComplianceReport, v2), StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaWithoutANumericMajorIsUnreadable()
    {
        var json = SampleDocuments.With(SampleDocuments.Incident, o => o["schema"] = "opsconsole/incident@one");

        Assert.Contains("no valid major version", Unreadable(ArtifactKind.Incident, json), StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicatedKeyIsUnreadableAndSaysDuplicate()
    {
        var json = SampleDocuments.ComplianceReport.Replace("\"status\": \"compliant\"", "\"status\": \"compliant\", \"status\": \"divergent\"", StringComparison.Ordinal);
        Assert.NotEqual(SampleDocuments.ComplianceReport, json);

        Assert.Contains("duplicate", Unreadable(ArtifactKind.ComplianceReport, json), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DuplicatedSchemaKeyIsUnreadable()
    {
        var json = SampleDocuments.Incident.Replace("\"schema\": \"opsconsole/incident@1\"",
            "\"schema\": \"opsconsole/incident@1\", \"schema\": \"opsconsole/incident@2\"", StringComparison.Ordinal);

        Unreadable(ArtifactKind.Incident, json);
    }

    [Fact]
    public void DeeplyNestedJsonAfterTheSchemaIsUnreadableWithoutCrashing()
    {
        var deep = new string('[', 1000) + new string(']', 1000);
        var json = SampleDocuments.ComplianceReport.TrimEnd()[..^1] + ", \"extra\": " + deep + " }";

        Assert.Contains("depth", Unreadable(ArtifactKind.ComplianceReport, json), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DeeplyNestedJsonBeforeTheSchemaIsUnreadableWithoutCrashing()
    {
        var deep = new string('[', 1000) + new string(']', 1000);
        var json = "{ \"extra\": " + deep + ", " + SampleDocuments.ComplianceReport.TrimStart()[1..];

        Assert.Contains("depth", Unreadable(ArtifactKind.ComplianceReport, json), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"opsconsole/gate@1\"")]
    [InlineData("42")]
    public void TopLevelValueOtherThanAnObjectIsUnreadable(string json) =>
        Assert.Contains("not a JSON object", Unreadable(ArtifactKind.Gate, json), StringComparison.Ordinal);

    [Fact]
    public void StatusOutsideTheAllowedSetIsUnreadableAndListsTheAllowedValues()
    {
        var json = SampleDocuments.With(SampleDocuments.ComplianceReport, o => o["status"] = "green");

        var problem = Unreadable(ArtifactKind.ComplianceReport, json);

        Assert.Contains("\"green\"", problem, StringComparison.Ordinal);
        Assert.Contains("compliant, divergent, error", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GateStatusOutsideTheAllowedSetIsUnreadable()
    {
        var json = SampleDocuments.With(SampleDocuments.Gate, o => o["status"] = "PASSED");

        Assert.Contains("\"PASSED\"", Unreadable(ArtifactKind.Gate, json), StringComparison.Ordinal);
    }

    [Fact]
    public void TrailingGarbageAfterTheDocumentIsUnreadable() =>
        Unreadable(ArtifactKind.Incident, SampleDocuments.Incident + " {}");

    [Fact]
    public void CommentsAreNotAcceptedAsJson() =>
        Unreadable(ArtifactKind.Incident, "/* note */ " + SampleDocuments.Incident);

    [Fact]
    public void MarkdownIsReadableAsText()
    {
        var outcome = Parse(ArtifactKind.HandoffDocument, "# Handoff\n\nçà");

        Assert.Equal("# Handoff\n\nçà", outcome.Document);
    }

    [Fact]
    public void InvalidUtf8TextIsUnreadable() =>
        Assert.Contains("UTF-8", ArtifactParser.Parse(ArtifactKind.ExecutionLog, [0x41, 0xC0, 0xAE, 0x42]).Problem, StringComparison.Ordinal);
}
