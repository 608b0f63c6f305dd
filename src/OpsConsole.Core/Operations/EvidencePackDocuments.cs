using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpsConsole.Core.StopConditions;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Operations;

/// <summary>
/// The JSON entries of a pack (<c>ladder.json</c>, <c>stop-conditions.json</c>, <c>manifest.json</c>), written
/// field by field so their bytes depend on the inputs only. Every string that can come from an artifact
/// passes through <see cref="SecretRedactor.Redact"/>.
/// </summary>
internal static class EvidencePackDocuments
{
    public const string LadderEntry = "ladder.json";
    public const string StopConditionsEntry = "stop-conditions.json";
    public const string ManifestEntry = "manifest.json";
    public const string SummaryEntry = "SUMMARY.md";

    /// <summary>The schema of <c>manifest.json</c>.</summary>
    public const string ManifestSchema = "opsconsole/evidence-pack@1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The export time as written everywhere in a pack: ISO-8601 with its UTC offset.</summary>
    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static byte[] Ladder(LadderEvaluation e, IReadOnlyList<EvidencePackFile> files) => Write(w =>
    {
        w.WriteString("schema", "opsconsole/evidence-pack-ladder@1");
        Text(w, "cycle_id", e.CycleId);
        Text(w, "title", e.Cycle?.Title);
        Text(w, "cycle_file_status", e.Cycle?.Status);
        w.WriteString("overall_status", e.OverallStatus);
        Text(w, "problem", e.Problem?.Text);
        Text(w, "current_gate", e.CurrentGate?.GateId);
        w.WriteBoolean("freeze_in_effect", e.FreezeInEffect);
        Reasons(w, "violations", e.ViolationGates.SelectMany(s => s.Violations.Select(v => (s.GateId, v))));
        Strings(w, "unknown_gates", e.UnknownGates.Select(s => s.GateId));
        Reasons(w, "timestamp_regressions", e.TimestampRegressions.Select(r => (r.GateId, r.Reason)));
        var state = files.ToDictionary(f => f.Path, f => f.State, StringComparer.Ordinal);
        w.WriteStartArray("steps");
        foreach (var s in e.Steps)
        {
            w.WriteStartObject();
            w.WriteNumber("index", s.Index);
            Text(w, "gate", s.GateId);
            Text(w, "title", s.Title);
            Text(w, "stage", s.Stage);
            Strings(w, "requires", s.Requires);
            Text(w, "path", s.Path);
            Text(w, "file_status", s.RawStatus);
            w.WriteString("status", s.EffectiveStatus);
            Text(w, "generated_at", s.Gate is { } g ? Time(g.GeneratedAt) : null);
            Text(w, "mode", s.Gate?.Mode);
            Text(w, "summary", s.Gate?.Summary);
            Text(w, "problem", s.Problem);
            Strings(w, "violations", s.Violations.Select(v => v.Text));
            Strings(w, "reasons", s.Reasons.Select(r => r.Text));
            w.WriteStartArray("checks");
            foreach (var c in s.Gate?.Checks ?? [])
            {
                w.WriteStartObject();
                Text(w, "id", c.Id);
                Text(w, "title", c.Title);
                Text(w, "status", c.Status);
                Text(w, "detail", c.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("evidence");
            foreach (var path in (s.Gate?.Evidence ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal))
            {
                w.WriteStartObject();
                Text(w, "path", path);
                Text(w, "state", state.GetValueOrDefault(SecretRedactor.Redact(path)));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] StopConditions(StopEvaluation stops, DateTimeOffset asOf) => Write(w =>
    {
        w.WriteString("schema", "opsconsole/evidence-pack-stop-conditions@1");
        w.WriteString("as_of", Time(asOf));
        w.WriteString("state", stops.State);
        w.WriteStartArray("conditions");
        foreach (var c in stops.Conditions)
        {
            w.WriteStartObject();
            w.WriteNumber("number", c.Number);
            w.WriteString("title", c.Title);
            w.WriteString("state", c.State);
            w.WriteString("action", c.Action);
            Evidence(w, "triggers", c.Triggers);
            Evidence(w, "unreadable_inputs", c.UnreadableInputs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] Manifest(EvidencePackRequest request, IReadOnlyList<EvidencePackEntry> entries, IReadOnlyList<EvidencePackFile> files) => Write(w =>
    {
        w.WriteString("schema", ManifestSchema);
        Text(w, "cycle_id", request.CycleId);
        w.WriteString("as_of", Time(request.AsOf));
        w.WriteString("as_of_source", request.AsOfGiven ? "given" : "newest-indexed-change");
        w.WriteString("culture", request.Culture);
        w.WriteString("hash", "sha256");
        w.WriteStartArray("entries");
        foreach (var entry in entries)
        {
            w.WriteStartObject();
            Text(w, "name", entry.Name);
            w.WriteNumber("size", entry.Size);
            w.WriteString("sha256", entry.Sha256);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("files");
        foreach (var f in files)
        {
            w.WriteStartObject();
            Text(w, "path", f.Path);
            w.WriteString("role", f.Role);
            w.WriteString("state", f.State);
            Text(w, "reason", f.ReasonCode);
            Text(w, "detail", f.Detail);
            Strings(w, "cited_by", f.CitedBy);
            Text(w, "entry", f.Entry);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void Evidence(Utf8JsonWriter w, string name, IReadOnlyList<StopEvidence> list)
    {
        w.WriteStartArray(name);
        foreach (var e in list)
        {
            w.WriteStartObject();
            Text(w, "path", e.Path);
            Text(w, "reason", e.Reason);
            Text(w, "device", e.Device);
            Text(w, "batch_id", e.BatchId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Reasons(Utf8JsonWriter w, string name, IEnumerable<(string Gate, LadderReason Reason)> reasons)
    {
        w.WriteStartArray(name);
        foreach (var (gate, reason) in reasons)
        {
            w.WriteStartObject();
            Text(w, "gate", gate);
            w.WriteString("code", reason.Code);
            Text(w, "text", reason.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(SecretRedactor.Redact(v));
        }

        w.WriteEndArray();
    }

    // Nulls are written as null (not left out), so every document of a kind has the same fields.
    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, SecretRedactor.Redact(value));
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
