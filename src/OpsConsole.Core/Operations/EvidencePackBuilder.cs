using System.Security.Cryptography;
using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Operations;

/// <summary>
/// Builds the evidence pack of one cycle (docs/evidence-pack.md): the cycle file, every gate file and the
/// evidence they cite (safe kinds only; quarantined files withheld and listed), <c>ladder.json</c>,
/// <c>stop-conditions.json</c>, <c>SUMMARY.md</c> and <c>manifest.json</c> with the size and SHA-256 of
/// every other entry. Shared by <c>GET /controlled-operation/{cycle}/evidence-pack</c> and
/// <c>opsconsole evidence-pack</c>. Reproducible: entries in a fixed order, every timestamp the request's
/// <see cref="EvidencePackRequest.AsOf"/>, no clock and no random ids, so unchanged inputs give the same bytes.
/// </summary>
public sealed partial class EvidencePackBuilder(ArtifactStore store)
{
    /// <summary>True for a cycle id the console serves (<c>^[a-z0-9][a-z0-9-]{0,63}$</c>).</summary>
    public static bool IsValidCycleId(string? cycleId) => Read.Operations.OperationIds.IsValid(cycleId);

    /// <summary>The pack of <see cref="EvidencePackRequest.CycleId"/>; null when the id is not valid or the cycle has no <c>cycle.json</c>.</summary>
    public EvidencePack? Build(EvidencePackRequest request)
    {
        if (!IsValidCycleId(request.CycleId) || store.Load(GateLadder.CyclePath(request.CycleId)) is null)
        {
            return null;
        }

        request = request with { Culture = EvidencePackText.Normalize(request.Culture) };
        var ladder = GateLadder.Evaluate(request.CycleId, store.Load);
        var files = EvidencePackFiles.Collect(store, request.StopConditions.QuarantinedPaths, ladder);
        var listed = files.Files;
        var zipName = $"evidence-pack-{request.CycleId}.zip";
        List<(string Name, byte[] Bytes)> contents =
        [
            (EvidencePackDocuments.SummaryEntry, EvidencePackSummary.Write(request, ladder, listed, zipName)),
            (EvidencePackDocuments.LadderEntry, EvidencePackDocuments.Ladder(ladder, listed)),
            (EvidencePackDocuments.StopConditionsEntry, EvidencePackDocuments.StopConditions(request.StopConditions, request.AsOf)),
            .. files.Included,
        ];
        var entries = contents.Select(c => new EvidencePackEntry(c.Name, c.Bytes.LongLength, Hash(c.Bytes))).ToList();
        var manifest = EvidencePackDocuments.Manifest(request, entries, listed);
        var zip = ReproducibleZip.Create([(EvidencePackDocuments.ManifestEntry, manifest), .. contents], EvidencePackAsOf.ForZip(request.AsOf));
        return new EvidencePack(request.CycleId, zip, Hash(zip), ladder, listed, entries);
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    internal static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
