using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpsConsole.Core.Artifacts;

/// <summary>
/// Source-generated (reflection-free) JSON metadata for every artifact kind. Nullable annotations are
/// respected, so a JSON <c>null</c> in a field the model declares non-nullable is a parse error with
/// its path, not a null that later code trusts.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    AllowDuplicateProperties = false,
    MaxDepth = 64,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(DeviceInventory))]
[JsonSerializable(typeof(ComplianceReport))]
[JsonSerializable(typeof(ApprovalRecord))]
[JsonSerializable(typeof(BatchPlan))]
[JsonSerializable(typeof(BatchResult))]
[JsonSerializable(typeof(Incident))]
[JsonSerializable(typeof(EngagementPackage))]
[JsonSerializable(typeof(EngagementValidation))]
[JsonSerializable(typeof(ExecutionReport))]
[JsonSerializable(typeof(Cycle))]
[JsonSerializable(typeof(Gate))]
[JsonSerializable(typeof(ComplianceReview))]
public sealed partial class ArtifactJsonContext : JsonSerializerContext;
