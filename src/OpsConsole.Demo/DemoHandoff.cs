namespace OpsConsole.Demo;

/// <summary>The NOC handoff package of this console (English), with figures taken from the demo itself.</summary>
internal static class DemoHandoff
{
    public const string HandoffPath = "handoff/noc-operational-handoff.md";
    public const string RunbookPath = "handoff/runbook-operacao-noc.md";

    public static void Write(DemoWorld world, DemoWriter writer)
    {
        writer.Text(HandoffPath, Handoff(world), "handoff");
        writer.Text(RunbookPath, DemoRunbook.Text(world), "handoff");
    }

    private static string Handoff(DemoWorld w)
    {
        var end = DemoClock.Iso(w.Clock.EndDate);
        var start = DemoClock.Iso(w.Clock.EndDate.AddDays(2));
        var pending = w.Approvals.Count(a => a.State == "pending");
        var stale = w.Approvals.Count(a => a.State == "pending" && a.History[^1].At < w.Clock.At(7, 0, 0));
        var open = w.Incidents.Count(i => i.Status == "open");
        var d0 = w.Devices[0];
        var blocked = w.Approval("APR-2026-0107");
        var contradiction = DemoWorld.ReportPath(w.Clock.Day(w.ContradictionDaysBefore), w.ContradictionDevice);
        return $$"""
            # OpsConsole — NOC Operational Handoff

            **Date:** {{end}}
            **Status:** Ready for NOC handoff (read-only console; real writes stay on the command line)
            **Version:** 1.2

            ---

            ## 1. Summary

            OpsConsole is a read-only web console and a command line over one folder of artifacts written by the
            compliance job, the approval CLI, the batch runner and the gate generators. The NOC uses it to watch
            {{w.Devices.Count}} devices across the MNS, KTG and BEL sites, follow approvals from proposal to apply,
            and see at a glance whether any stop condition holds. The console never writes to NetBox; the only
            file it writes is an engagement `responses.csv`.

            ### State at handoff

            - [x] Daily compliance reports for the last {{w.Options.Days}} days are indexed and readable
            - [x] Approval records in all six states are shown with their full history
            - [x] Cycle-001 Week 1 real run applied 3 batches; final validation passed
            - [x] Cycle-002 ladder passed up to `real-write-freeze`
            - [ ] Cycle-002 `real-write-attempt` is **blocked**: no `NETBOX_WRITE_TOKEN` existed at execution time and
                  the package pointed at a read-only endpoint. Nothing was written; {{blocked.Id}} is still approved.
            - [ ] {{pending}} approvals wait for a decision ({{stale}} of them for more than 7 days)
            - [ ] {{open}} incidents are open (none critical)
            - [ ] One compliance report contradicts itself (`{{contradiction}}`): escalated to engineering;
                  no approval for that device until the compliance job is explained

            ---

            ## 2. How to start

            ```bash
            # index the artifact root, then start the console (loopback only)
            dotnet run --project src/OpsConsole.Cli -- index --root reports
            dotnet run --project src/OpsConsole.Cli -- check --root reports   # stop conditions, exit 1 when any holds
            dotnet run --project src/OpsConsole.Web
            # open http://127.0.0.1:8890
            ```

            ### Main sections

            | Route | What it shows |
            |-------|---------------|
            | `/` | Dashboard: counts, latest compliance run, stop conditions |
            | `/devices`, `/devices/{name}` | Inventory and one device's reports, approvals, incidents |
            | `/compliance` | Reports per day, divergences by field and severity |
            | `/approval-queue`, `/approval-timeline/{id}` | Approvals by state and their history |
            | `/batches` | Plans and dry-run / real results |
            | `/incidents` | Incidents by severity and status |
            | `/service-engagement` | Packages, the pending-item editor, validation |
            | `/controlled-operation/cycle-002` | The gate ladder of Cycle-002 |
            | `/handoff` | This package and the runbook |

            ---

            ## 3. Daily checklist

            - [ ] Open the dashboard and read the stop-condition banner first
            - [ ] Check today's compliance run: every device reported, errors explained
            - [ ] Review `/approval-queue`: anything pending for more than 7 days goes to the approver
            - [ ] Check `/incidents` for open high or critical items
            - [ ] Check `/service-engagement` for packages past their due date
            - [ ] Look at the latest batch results; a real run must never show `exists`
            - [ ] Record anything unusual in the shift log

            ---

            ## 4. Workflows

            ### Daily compliance review (NOC)
            1. Open `/compliance` on today's date.
            2. Sort by status: `error` first (collector problems), then `divergent`.
            3. For a divergence, open the device and check whether an approval already covers it.
            4. A report marked compliant that lists divergences is a contradiction: stop and escalate.

            ### Approval queue (NOC and approver)
            1. Go to `/approval-queue` and filter by state.
            2. Open `/approval-timeline/{id}` to read who asked, who decided and why.
            3. Decisions are taken on the command line by an approver, never from the browser:

            ```bash
            dotnet run --project src/OpsConsole.Cli -- approval approve APR-2026-0109 --actor "[APPROVER]" --reason "Approved by [NAME]"
            ```

            ### Service engagement (service team lead)
            1. Open `/service-engagement` and select the device (for example `{{d0.Name}}`).
            2. Answer each pending item in the editor; the answer is saved to `responses.csv` only.
            3. Run the local validation and check its result before the Week 2 review.

            ### Controlled operation / Cycle-002
            1. Open `/controlled-operation/cycle-002` and read the ladder top to bottom.
            2. `/controlled-operation/cycle-002/week1` covers activation, intake and validation.
            3. `/controlled-operation/cycle-002/week2` covers review, proposed approvals and readiness.
            4. `/controlled-operation/cycle-002/approvals` and `/controlled-operation/cycle-002/applyplan` show the
               manual review, dry-run and simulation gates.
            5. `/controlled-operation/cycle-002/real-write` shows readiness, authorization, preflight, package,
               freeze and the attempt. These pages are read-only: nothing there writes NetBox or starts automation.

            ### Real write (operations, with approval and token)

            ```bash
            # only inside an authorized window, with the token handed over by the approver
            export NETBOX_WRITE_TOKEN="[TOKEN_FROM_APPROVER]"
            batch-runner apply --plan batches/plans/{{blocked.BatchId}}.json --confirm-batch-id {{blocked.BatchId}} --operator "[OPERATOR_NAME]" --real
            unset NETBOX_WRITE_TOKEN
            ```

            ---

            ## 5. Roles

            | Role | Reads | Writes |
            |------|-------|--------|
            | NOC operator | everything in the console | nothing |
            | Approver | everything | approval decisions, on the command line |
            | Operations | everything | real batch runs, with approval and token |
            | Service team lead | its engagement package | `responses.csv` through the editor |

            ---

            ## 6. Stopping conditions — do not proceed

            - **A token in any file or log.** Revoke it in NetBox, isolate the file, call security.
            - **A contradictory compliance report.** Do not approve or execute for that device; escalate to engineering.
            - **An object that already exists upstream** (`exists` in a real run). The batch stops (all or none); fix the plan.
            - **An open critical incident.** Pause approvals and writes until it is mitigated or resolved.
            - **An apply plan with an incomplete payload.** Do not execute; ask for a new plan.
            - **A device id that differs between artifacts.** Do not execute; check the device in NetBox.
            - **A gate out of order** (passed while a required gate is not). Treat the ladder as not passed.

            ---

            ## 7. Metrics

            | Metric | Target | Where to check |
            |--------|--------|----------------|
            | Approval decision time | under 7 days | `/approval-queue` |
            | Real batch success | 100% | `/batches` |
            | Devices reported per daily run | 100% | `/compliance` |
            | Collector errors per run | under 2% | `/compliance` |
            | Open critical incidents | 0 | dashboard |

            ---

            ## 8. Support and escalation

            1. **Level 1:** NOC shift lead, immediately.
            2. **Level 2:** network engineering on call, within 30 minutes for high, 4 hours otherwise.
            3. **Level 3:** head of operations, for critical incidents or any leaked token.

            Contacts: [OPS_LEAD_EMAIL], [APPROVER_EMAIL], [ENGINEERING_LEAD_EMAIL].

            ---

            **Handed over:** {{end}} · **NOC start:** {{start}} · **Runbook:** `handoff/runbook-operacao-noc.md`

            """;
    }
}
