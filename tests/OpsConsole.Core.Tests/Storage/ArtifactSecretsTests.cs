using System.Text;
using OpsConsole.Core.Artifacts;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Storage;

/// <summary>
/// The file-level scan: raw bytes and every decoded form (JSON strings with their names, Markdown as
/// rendered, other encodings), and the redacted document the store hands on.
/// </summary>
public sealed class ArtifactSecretsTests
{
    private const string Token = "0123456789abcdef";
    private const string Bearer = "7f3c9a1e5b2d4f6a8c0e";
    private const string KeyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";

    private static string IncidentWithNotes(string notesJson) =>
        $$"""
        {"schema":"opsconsole/incident@1","incident_id":"INC-7","title":"Core link down","severity":"high",
         "status":"open","opened_at":"2026-05-01T07:00:00Z",
         "notes": {{notesJson}}}
        """;

    /// <summary>(case, JSON string literal as written in the file, the secret).</summary>
    public static TheoryData<string, string, string> HiddenInJson => new()
    {
        { "value quoted inside a string", "\"export NETBOX_WRITE_TOKEN=\\\"" + Token + "\\\"\"", Token },
        { "\\u0027 escapes around a header", "\"curl -H \\u0027Authorization: Bearer " + Bearer + "\\u0027 https://netbox\"", Bearer },
        { "escaped needle", "\"\\u0041KIAQ3EGRTLZ5NX7WJ2M\"", "AKIAQ3EGRTLZ5NX7WJ2M" },
        { "escaped slash in a URL", "\"https:\\/\\/svc:Pr0dPassw0rd42@netbox\\/api\"", "Pr0dPassw0rd42" },
        { "key block with escaped newlines", "\"-----BEGIN PGP PRIVATE KEY BLOCK-----\\n" + KeyBody + "\\n-----END PGP PRIVATE KEY BLOCK-----\"", KeyBody },
    };

    [Theory]
    [MemberData(nameof(HiddenInJson))]
    public void A_secret_in_a_decoded_json_string_is_found_and_the_parsed_document_is_masked(string form, string literal, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(IncidentWithNotes(literal));

        var sweep = ArtifactSecrets.Inspect(ArtifactKind.Incident, "incidents/INC-7.json", bytes);

        Assert.True(sweep.Hits.Count > 0, form);
        Assert.All(sweep.Hits, h => Assert.Equal(3, h.Line));
        var incident = Assert.IsType<Incident>(ArtifactParser.Parse(ArtifactKind.Incident, sweep.ParseBytes).Document);
        Assert.DoesNotContain(secret, incident.Notes, StringComparison.Ordinal);
        Assert.Contains(SecretScanner.Mask(secret), incident.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_object_is_read_with_its_property_name_even_across_lines()
    {
        var json = "{\"schema\":\"opsconsole/batch-plan@1\",\"objects\":[{\"staged_payload\":{\"headers\":{\"Authorization\":\n  \"Bearer " + Bearer + "\"}}}]}";

        var sweep = ArtifactSecrets.Inspect(ArtifactKind.BatchPlan, "batches/plans/B-1.json", Encoding.UTF8.GetBytes(json));

        var hit = Assert.Single(sweep.Hits);
        Assert.Equal(2, hit.Line);
        Assert.DoesNotContain(Bearer, Encoding.UTF8.GetString(sweep.ParseBytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_split_over_an_array_of_lines_is_masked_line_by_line()
    {
        var json = $$"""{"lines":["-----BEGIN OPENSSH PRIVATE KEY-----","{{KeyBody}}","{{KeyBody[..20]}}","-----END OPENSSH PRIVATE KEY-----"]}""";

        var sweep = ArtifactSecrets.Inspect(ArtifactKind.Other, "other/key.json", Encoding.UTF8.GetBytes(json));

        Assert.NotEmpty(sweep.Hits);
        Assert.DoesNotContain(KeyBody[..20], Encoding.UTF8.GetString(sweep.ParseBytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NETBOX_WRITE_TOKEN\\=" + Token, Token)]
    [InlineData("Authorization: **Bearer** " + Bearer, Bearer)]
    [InlineData("Authorization: _Bearer_ " + Bearer, Bearer)]
    [InlineData("NETBOX_WRITE_TOKEN&#61;" + Token, Token)]
    [InlineData("Authorization: <b>Bearer</b> " + Bearer, Bearer)]
    [InlineData("**AK**IAQ3EGRTLZ5NX7WJ2M", "AKIAQ3EGRTLZ5NX7WJ2M")]
    public void Markdown_that_hides_a_secret_in_its_source_is_scanned_as_rendered_and_masked(string line, string secret)
    {
        var markdown = $"# Handoff\n\nAll gates passed.\n\n{line}\n\nNext steps.\n";

        var sweep = ArtifactSecrets.Inspect(ArtifactKind.HandoffDocument, "handoff/notes.md", Encoding.UTF8.GetBytes(markdown));

        var hit = Assert.Single(sweep.Hits);
        Assert.Equal(5, hit.Line);
        Assert.DoesNotContain(secret, sweep.RedactedText, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[4..], OpsConsole.Core.Handoff.HandoffDocument.Parse("notes", sweep.RedactedText!).Html, StringComparison.Ordinal);
        Assert.Contains("Next steps.", sweep.RedactedText, StringComparison.Ordinal);
    }

    public static TheoryData<string> Encodings => ["utf-16LE", "utf-16BE", "utf-32LE", "utf-32BE"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_file_in_another_encoding_with_a_byte_order_mark_is_decoded_and_scanned(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes($"line one\nexport NETBOX_WRITE_TOKEN={Token}\n")).ToArray();

        var sweep = ArtifactSecrets.Inspect(ArtifactKind.ExecutionLog, "executions/run.log", bytes);

        Assert.True(sweep.Scanned);
        Assert.NotNull(sweep.OtherEncoding);
        Assert.Equal(2, Assert.Single(sweep.Hits).Line);
    }

    [Theory]
    [InlineData(new byte[] { 0x6E, 0x6F, 0x74, 0x65, 0x3A, 0x20, 0xE9, 0x74, 0xE9 })] // Latin-1 "note: été"
    [InlineData(new byte[] { 0x4E, 0x00, 0x45, 0x00, 0x54, 0x00 })] // UTF-16 without a byte order mark
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFE, 0xFD })] // gzip
    public void A_file_that_cannot_be_decoded_is_not_scanned_never_clean(byte[] bytes)
    {
        var sweep = ArtifactSecrets.Inspect(ArtifactKind.ExecutionLog, "executions/run.log", bytes);

        Assert.False(sweep.Scanned);
    }

    [Fact]
    public void A_clean_document_is_parsed_from_its_own_bytes_without_a_rewrite()
    {
        var bytes = Encoding.UTF8.GetBytes(ArtifactJson.Incident("INC-1", "high", "open"));

        var sweep = ArtifactSecrets.Inspect(ArtifactKind.Incident, "incidents/INC-1.json", bytes);

        Assert.Empty(sweep.Hits);
        Assert.Same(bytes, sweep.ParseBytes);
    }

    [Fact]
    public void The_store_hands_on_a_masked_document_and_a_masked_problem_text()
    {
        using var root = new IndexedArtifactRoot()
            .Write("incidents/INC-7.json", IncidentWithNotes("\"export NETBOX_WRITE_TOKEN=\\\"" + Token + "\\\"\""))
            .Write("incidents/INC-8.json", ArtifactJson.Incident("INC-8", "Authorization: Bearer " + Bearer, "open"));

        var readable = root.Store.Load("incidents/INC-7.json")!;
        var unreadable = root.Store.Load("incidents/INC-8.json")!;

        Assert.DoesNotContain(Token, readable.As<Incident>()!.Notes, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(readable.Secrets).Line);
        Assert.Contains("severity", unreadable.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Bearer, unreadable.Problem, StringComparison.Ordinal);
        Assert.Contains(SecretScanner.Mask(Bearer), unreadable.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_utf16_file_with_a_secret_triggers_condition_1_with_its_line()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes($"ok\nok\nexport NETBOX_WRITE_TOKEN={Token}\n")).ToArray();
        using var root = new IndexedArtifactRoot().WriteBytes("executions/run.log", bytes);

        var condition = (await root.EvaluateAsync())[1];

        Assert.Equal(StopStates.Triggered, condition.State);
        var trigger = Assert.Single(condition.Triggers);
        Assert.Equal("executions/run.log", trigger.Path);
        Assert.StartsWith("line 3: ", trigger.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, trigger.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_could_not_be_scanned_leaves_condition_1_unknown_never_clear()
    {
        using var root = new IndexedArtifactRoot().WriteBytes("executions/run.log", [0x4E, 0x00, 0x45, 0x00, 0x54, 0x00]);

        var condition = (await root.EvaluateAsync())[1];

        Assert.Equal(StopStates.Unknown, condition.State);
        Assert.Equal("executions/run.log", Assert.Single(condition.UnreadableInputs).Path);
    }
}
