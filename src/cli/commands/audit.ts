import type { Command } from "commander";
import { AuditLog } from "../../gateway/accounting/accounting.js";
import { amsterdamDay } from "../../gateway/accounting/windows.js";
import { createGatewayRepositories } from "../../store/repositories/gateway-repositories.js";
import { emit } from "./governance-options.js";
import { type AccountingFlags, withAccountingOptions, withAccountingStore } from "./keys.js";

interface ExportFlags extends AccountingFlags {
  format: string;
  from?: string;
  to?: string;
  user?: string;
  team?: string;
  decision?: string;
  out?: string;
}

const DECISIONS = ["forward", "reroute", "block"] as const;

/** `2026-03-01` or a full ISO time -> ISO time; dates are taken as UTC midnight. */
function isoTime(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw new Error(`${flag} moet een datum zijn (YYYY-MM-DD) of ISO-tijd, niet "${value}"`);
  return new Date(time).toISOString();
}

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("The gateway's audit log (no prompt text, counts and codes only)");

  withAccountingOptions(
    audit
      .command("export")
      .description("Export audit records as CSV or JSON")
      .option("--format <format>", "csv or json", "csv")
      .option("--from <date>", "from this date/time (inclusive)")
      .option("--to <date>", "up to this date/time (exclusive)")
      .option("--user <name>", "only this user")
      .option("--team <team>", "only this team")
      .option("--decision <decision>", "forward, reroute or block")
      .option("--out <file>", "write to a file instead of stdout"),
  ).action(async (flags: ExportFlags) => {
    if (flags.format !== "csv" && flags.format !== "json")
      throw new Error(`--format moet csv of json zijn, niet "${flags.format}"`);
    const decision = flags.decision as (typeof DECISIONS)[number] | undefined;
    if (decision !== undefined && !DECISIONS.includes(decision)) {
      throw new Error(`--decision moet forward, reroute of block zijn, niet "${flags.decision}"`);
    }
    const format = flags.format;
    const text = await withAccountingStore(flags, (store) =>
      new AuditLog(createGatewayRepositories(store.db, { auditDayOf: amsterdamDay }).audit).export(format, {
        from: isoTime(flags.from, "--from"),
        to: isoTime(flags.to, "--to"),
        user: flags.user,
        team: flags.team,
        decision,
      }),
    );
    await emit(text, flags.out);
  });
}
