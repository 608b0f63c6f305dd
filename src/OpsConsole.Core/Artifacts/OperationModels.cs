using System.Text.Json;

namespace OpsConsole.Core.Artifacts;

// The controlled-operation kinds (cycle@1, gate@1) and execution reports; the other kinds are in Models.cs.

/// <summary>A controlled-operation cycle and its ordered gate ladder (cycle@1).</summary>
public sealed record Cycle : ArtifactDocument
{
    public string CycleId { get; init; } = "";
    public string Title { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public string Status { get; init; } = "";
    public List<LadderStep> Ladder { get; init; } = [];
}

/// <summary>One step of a cycle's ladder: the gate id, its stage and the gates it requires.</summary>
public sealed record LadderStep
{
    public string Gate { get; init; } = "";
    public string Title { get; init; } = "";
    public string Stage { get; init; } = "";
    public List<string> Requires { get; init; } = [];
}

/// <summary>One gate artifact of a cycle (gate@1).</summary>
public sealed record Gate : ArtifactDocument
{
    public string CycleId { get; init; } = "";

    /// <summary>The gate id (<c>gate</c> in the file).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("gate")]
    public string GateId { get; init; } = "";
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset GeneratedAt { get; init; }
    public string Summary { get; init; } = "";
    public List<GateCheck> Checks { get; init; } = [];
    public List<string> Evidence { get; init; } = [];
    public string? Mode { get; init; }
}

/// <summary>One check of a gate.</summary>
public sealed record GateCheck
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public string Detail { get; init; } = "";
}

/// <summary>
/// An execution report (<c>executions/&lt;name&gt;.json</c>). The contract fixes no fields beyond
/// <c>schema</c>, so the console keeps the parsed document and shows it as-is.
/// </summary>
public sealed record ExecutionReport : ArtifactDocument
{
    public string? Status { get; init; }
    public DateTimeOffset? GeneratedAt { get; init; }
    public string? Summary { get; init; }

    /// <summary>Every other field as written (cycle, batches, checks, results…): the execution pages show them as tables.</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; set; } // settable: System.Text.Json cannot fill extension data through init
}
