import type { Command } from "commander";
import {
  ApprovalAlreadyDecidedError,
  ApprovalNotFoundError,
  type ApprovalRecord,
  ApprovalService,
  type ApprovalStatus,
} from "../../gateway/approvals/index.js";
import { type AccountingFlags, table, withAccountingOptions, withAccountingStore } from "./keys.js";

const STATUS_NL: Record<ApprovalStatus, string> = {
  pending: "wacht",
  approved: "goedgekeurd",
  denied: "afgewezen",
};

function counts(record: ApprovalRecord): string {
  const entries = Object.entries(record.entityCounts).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "-" : entries.map(([type, n]) => `${type}=${n}`).join(",");
}

function formatApprovals(list: ApprovalRecord[], status: string): string {
  if (list.length === 0) {
    return status === "pending" ? "Geen verzoeken die op goedkeuring wachten.\n" : "Geen goedkeuringen gevonden.\n";
  }
  return table(
    ["ID", "STATUS", "GEBRUIKER", "TEAM", "MODEL", "TOOLS", "GEGEVENS", "AANTALLEN", "GEVRAAGD", "GELDIG TOT"],
    list.map((a) => [
      a.id,
      STATUS_NL[a.status],
      a.user,
      a.team ?? "-",
      a.model,
      a.tools.join(",") || "-",
      a.classification,
      counts(a),
      a.requestedAt.slice(0, 16).replace("T", " "),
      a.expiresAt ? a.expiresAt.slice(0, 16).replace("T", " ") : "-",
    ]),
  );
}

interface ListFlags extends AccountingFlags {
  status?: string;
  all?: boolean;
}

interface DecideFlags extends AccountingFlags {
  by?: string;
  note?: string;
}

function withApprovals<T>(flags: AccountingFlags, task: (service: ApprovalService) => Promise<T>): Promise<T> {
  return withAccountingStore(flags, (store) => task(new ApprovalService(store.db)));
}

/** Not found / already decided as a clear Dutch line and exit code 1, not a stack of English. */
async function decide(id: string, flags: DecideFlags, action: "approve" | "deny"): Promise<void> {
  const by = flags.by ?? process.env.USER ?? "cli";
  try {
    const record = await withApprovals(flags, (service) =>
      action === "approve" ? service.approve(id, by, flags.note) : service.deny(id, by, flags.note),
    );
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
      return;
    }
    const what = `${record.user} (${record.model}, tools ${record.tools.join(", ") || "-"})`;
    process.stdout.write(
      action === "approve"
        ? `Goedkeuring ${id} voor ${what} is gegeven, geldig tot ${record.expiresAt?.slice(0, 16).replace("T", " ")} UTC.\nDe gebruiker stuurt het verzoek opnieuw met de header 'x-poortwachter-approval: ${id}'.\n`
        : `Goedkeuring ${id} voor ${what} is afgewezen.\n`,
    );
  } catch (error) {
    if (error instanceof ApprovalNotFoundError) {
      process.stderr.write(`poortwachter: goedkeuring ${id} bestaat niet (zie: poortwachter approvals list)\n`);
    } else if (error instanceof ApprovalAlreadyDecidedError) {
      process.stderr.write(`poortwachter: goedkeuring ${id} is al beslist (${STATUS_NL[error.status]})\n`);
    } else throw error;
    process.exitCode = 1;
  }
}

export function registerApprovals(program: Command): void {
  const approvals = program
    .command("approvals")
    .description("Requests held for approval by the policy (toolCalls: require-approval): list, approve, deny");

  withAccountingOptions(
    approvals
      .command("list")
      .description("List approvals (default: the pending ones), newest first; never prompt text")
      .option("--status <status>", "pending, approved or denied", "pending")
      .option("--all", "every status")
      .option("--json", "print JSON"),
  ).action(async (flags: ListFlags) => {
    const status = flags.all ? undefined : flags.status;
    if (status !== undefined && !["pending", "approved", "denied"].includes(status)) {
      process.stderr.write("poortwachter: --status moet pending, approved of denied zijn\n");
      process.exitCode = 1;
      return;
    }
    const list = await withApprovals(flags, (service) =>
      service.list({ status: status as ApprovalStatus | undefined }),
    );
    process.stdout.write(flags.json ? `${JSON.stringify(list, null, 2)}\n` : formatApprovals(list, status ?? "all"));
  });

  for (const action of ["approve", "deny"] as const) {
    withAccountingOptions(
      approvals
        .command(action)
        .description(
          action === "approve"
            ? "Approve: the user's conversation may use these tools with this model for one hour"
            : "Deny: the held request stays refused",
        )
        .argument("<id>", "approval id (apr_...)")
        .option("--by <name>", "who decides, for the record (default: $USER)")
        .option("--note <text>", "a short note")
        .option("--json", "print JSON"),
    ).action((id: string, flags: DecideFlags) => decide(id, flags, action));
  }
}
