using OpsConsole.Core.Artifacts;

namespace OpsConsole.Core.Approvals;

/// <summary>The rule ids of <see cref="BatchPlanCheck"/> findings.</summary>
public static class BatchPlanRules
{
    /// <summary>The plan file is missing, unreadable, or not batch-plan@1.</summary>
    public const string Schema = "schema";

    /// <summary>A device id or name differs between the expectation, the plan and the approval (stop condition 6).</summary>
    public const string DeviceMismatch = "device-mismatch";

    /// <summary>The plan's approval cannot be found or read.</summary>
    public const string ApprovalMissing = "approval-missing";

    /// <summary>The approval is not in state <c>approved</c>.</summary>
    public const string ApprovalState = "approval-state";

    /// <summary>The approval record has consistency or separation-of-duties findings.</summary>
    public const string ApprovalInconsistent = "approval-inconsistent";

    /// <summary>The approval's <c>expires_at</c> has passed.</summary>
    public const string ApprovalExpired = "approval-expired";

    /// <summary>The approval covers another batch.</summary>
    public const string BatchMismatch = "batch-mismatch";

    /// <summary>An object without a staged payload, or an empty one (stop condition 5).</summary>
    public const string IncompletePayload = "incomplete-payload";

    /// <summary>The plan lists no objects.</summary>
    public const string NoObjects = "no-objects";

    /// <summary>The inventory (devices.json) is missing or unreadable, or does not list the plan's device.</summary>
    public const string Inventory = "inventory";
}

/// <summary>The inventory a plan is compared with: device ids by name, or why there is none.</summary>
/// <param name="Ids">NetBox id by device name; null when the inventory cannot be used.</param>
/// <param name="Problem">Why it cannot be used ("devices.json is missing"); null when <paramref name="Ids"/> is set.</param>
public sealed record PlanInventory(IReadOnlyDictionary<string, long>? Ids, string? Problem)
{
    /// <summary>The inventory as the index holds it: usable only when devices.json is catalogued and readable.</summary>
    public static PlanInventory From(Index.IndexDbContext db)
    {
        var row = db.Artifacts.Where(a => a.Path == "devices.json").Select(a => new { a.Readable, a.Problem }).FirstOrDefault();
        return row switch
        {
            null => new(null, "devices.json is missing"),
            { Readable: false } => new(null, $"devices.json is unreadable ({row.Problem})"),
            _ => new(db.Devices.ToDictionary(d => d.Name, d => d.NetboxId, StringComparer.Ordinal), null),
        };
    }
}

/// <summary>The outcome of checking one batch plan before it is applied.</summary>
/// <param name="Plan">The parsed plan; null when it could not be read.</param>
/// <param name="Approval">The approval the plan names, when found.</param>
/// <param name="Findings">Every problem found; empty means the plan may proceed.</param>
public sealed record BatchPlanReport(BatchPlan? Plan, StoredApproval? Approval, IReadOnlyList<ApprovalFinding> Findings)
{
    /// <summary>True when nothing was found.</summary>
    public bool IsValid => Findings.Count == 0;
}

/// <summary>
/// Checks a batch plan against what the operator expects, the inventory and its approval: schema, device
/// identity (expected, plan, inventory, approval), approval state <c>approved</c> and unexpired and
/// consistent, batch ids agree, every object has a complete staged payload, and no stop condition
/// concerning the device or batch (1–7) is triggered or unknown.
/// </summary>
public static class BatchPlanCheck
{
    /// <summary>Checks the plan file at <paramref name="planPath"/> (any path; it is only read).</summary>
    public static BatchPlanReport Check(string planPath, long expectedDeviceId, string expectedDevice,
        ApprovalRepository approvals, IApprovalBlockers blockers, DateTimeOffset now, PlanInventory inventory)
    {
        var findings = new List<ApprovalFinding>();
        var plan = ReadPlan(planPath, approvals.Store.MaxBytes, findings);
        if (plan is null)
        {
            return new BatchPlanReport(null, null, findings);
        }

        var batch = plan.BatchId;
        if (plan.Device.Id != expectedDeviceId || plan.Device.Name != expectedDevice)
        {
            findings.Add(new(BatchPlanRules.DeviceMismatch, $"plan {batch} is for {Describe(plan.Device)}, expected {expectedDevice} (id {expectedDeviceId})"));
        }

        CheckInventory(plan, expectedDeviceId, expectedDevice, inventory, findings);
        if (plan.Objects.Count == 0)
        {
            findings.Add(new(BatchPlanRules.NoObjects, $"plan {batch} lists no objects"));
        }

        foreach (var (o, n) in plan.Objects.Select((o, n) => (o, n)).Where(x => !x.o.HasCompletePayload))
        {
            findings.Add(new(BatchPlanRules.IncompletePayload,
                $"plan {batch}: objects[{n}] ({o.Kind} {o.Action}) has {(o.StagedPayload is null ? "no" : "an empty")} staged_payload"));
        }

        var approval = CheckApproval(plan, expectedDeviceId, expectedDevice, approvals, now, findings);
        findings.AddRange(blockers.Find(plan.Device, batch).Select(b => b.ToFinding()));
        return new BatchPlanReport(plan, approval, findings);
    }

    private static StoredApproval? CheckApproval(BatchPlan plan, long expectedId, string expectedName,
        ApprovalRepository approvals, DateTimeOffset now, List<ApprovalFinding> findings)
    {
        var id = plan.ApprovalId;
        var copies = approvals.FindCopies(id);
        if (copies.Count != 1)
        {
            findings.Add(new(BatchPlanRules.ApprovalMissing, copies.Count == 0
                ? $"plan {plan.BatchId} names approval {id}, which is not under approvals/<state>/"
                : $"approval {id} exists in {copies.Count} state folders ({string.Join(", ", copies.Select(c => c.RelativePath))})"));
            return copies.Count == 0 ? null : copies[0];
        }

        var stored = copies[0];
        if (stored.Record is not { } record)
        {
            findings.Add(new(BatchPlanRules.ApprovalMissing, $"{stored.RelativePath} is unreadable: {stored.Problem}"));
            return stored;
        }

        if (record.Device.Id != expectedId || record.Device.Name != expectedName)
        {
            findings.Add(new(BatchPlanRules.DeviceMismatch, $"approval {id} is for {Describe(record.Device)}, expected {expectedName} (id {expectedId})"));
        }

        if (record.Device.Id != plan.Device.Id || record.Device.Name != plan.Device.Name)
        {
            findings.Add(new(BatchPlanRules.DeviceMismatch, $"approval {id} is for {Describe(record.Device)} but plan {plan.BatchId} is for {Describe(plan.Device)}"));
        }

        if (record.BatchId != plan.BatchId)
        {
            findings.Add(new(BatchPlanRules.BatchMismatch, $"approval {id} covers batch {record.BatchId}, not {plan.BatchId}"));
        }

        if (record.State != ApprovalStates.Approved)
        {
            findings.Add(new(BatchPlanRules.ApprovalState, $"approval {id} is {record.State}, not approved ({stored.RelativePath})"));
        }

        if (record.ExpiresAt is { } expires && now > expires)
        {
            findings.Add(new(BatchPlanRules.ApprovalExpired, $"approval {id} expired at {ApprovalConsistency.Stamp(expires)}"));
        }

        findings.AddRange(stored.Findings.Select(f => new ApprovalFinding(BatchPlanRules.ApprovalInconsistent, $"{f.Rule}: {f.Message}")));
        return stored;
    }

    // The inventory is the reference: a plan and an expectation that agree with each other prove nothing
    // when both were copied from the same wrong file.
    private static void CheckInventory(BatchPlan plan, long expectedId, string expectedName, PlanInventory inventory, List<ApprovalFinding> findings)
    {
        if (inventory.Ids is not { } ids)
        {
            findings.Add(new(BatchPlanRules.Inventory, $"{inventory.Problem}: the device id of plan {plan.BatchId} cannot be compared with the inventory", "devices.json"));
            return;
        }

        if (!ids.TryGetValue(plan.Device.Name, out var id))
        {
            findings.Add(new(BatchPlanRules.Inventory, $"plan {plan.BatchId} is for {plan.Device.Name}, which the inventory (devices.json) does not list", "devices.json"));
            return;
        }

        if (id != plan.Device.Id)
        {
            findings.Add(new(BatchPlanRules.DeviceMismatch, $"plan {plan.BatchId} gives {Describe(plan.Device)}, but the inventory (devices.json) gives id {id}", "devices.json"));
        }

        if (expectedName == plan.Device.Name && id != expectedId)
        {
            findings.Add(new(BatchPlanRules.DeviceMismatch, $"expected id {expectedId} for {expectedName}, but the inventory (devices.json) gives id {id}", "devices.json"));
        }
    }

    private static BatchPlan? ReadPlan(string path, long maxBytes, List<ApprovalFinding> findings)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            findings.Add(new(BatchPlanRules.Schema, $"plan file {path} does not exist"));
            return null;
        }

        if (info.Length == 0 || info.Length > maxBytes)
        {
            findings.Add(new(BatchPlanRules.Schema, info.Length == 0 ? $"plan file {path} is empty (0 bytes)" : $"plan file {path} is over the {maxBytes} byte size cap"));
            return null;
        }

        var outcome = ArtifactParser.Parse(ArtifactKind.BatchPlan, File.ReadAllBytes(path));
        if (outcome.Document is BatchPlan plan)
        {
            return plan;
        }

        findings.Add(new(BatchPlanRules.Schema, $"plan file {path} is not a valid batch-plan@1: {outcome.Problem}"));
        return null;
    }

    private static string Describe(DeviceRef d) => $"{d.Name} (id {d.Id})";
}
