import type { Command } from "commander";
import { loadConfig } from "../../config/index.js";
import { parseDuration } from "../../gateway/accounting/api-keys.js";
import { IdentityService, type KeyView } from "../../gateway/accounting/identity.js";
import { createGatewayRepositories } from "../../store/repositories/gateway-repositories.js";
import { openStore, type Store } from "../../store/store.js";

/** Flags shared by the keys, users, teams and audit commands. */
export interface AccountingFlags {
  config?: string;
  dataDir?: string;
  json?: boolean;
}

export function withAccountingOptions(command: Command): Command {
  return command
    .option("--config <file>", "poortwachter.yaml (env POORTWACHTER_CONFIG, default ./poortwachter.yaml if present)")
    .option(
      "--data-dir <dir>",
      "data folder (env POORTWACHTER_DATA_DIR, else storage.dataDir); DATABASE_URL selects PostgreSQL",
    );
}

/**
 * Opens the instance's store the way `start` does (flags, then environment, then the config
 * file) for one command and closes it afterwards.
 */
export async function withAccountingStore<T>(flags: AccountingFlags, task: (store: Store) => Promise<T>): Promise<T> {
  const env = process.env;
  const config = loadConfig(flags.config, env);
  const store = await openStore({
    dataDir: flags.dataDir ?? (env.POORTWACHTER_DATA_DIR?.trim() || config.storage.dataDir),
    databaseUrl: config.storage.databaseUrl ?? (env.DATABASE_URL?.trim() || undefined),
    schema: env.POORTWACHTER_DB_SCHEMA?.trim() || undefined,
  });
  try {
    return await task(store);
  } finally {
    await store.close();
  }
}

export function withIdentity<T>(flags: AccountingFlags, task: (service: IdentityService) => Promise<T>): Promise<T> {
  return withAccountingStore(flags, (store) => task(new IdentityService(createGatewayRepositories(store.db).identity)));
}

const STATUS_NL = { active: "actief", revoked: "ingetrokken", expired: "verlopen" } as const;

/** Rows padded into columns, for terminal listings. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

function formatKeys(keys: KeyView[]): string {
  if (keys.length === 0) return "Geen sleutels. Maak er een met: poortwachter keys create --user NAAM\n";
  return table(
    ["ID", "GEBRUIKER", "TEAM", "STATUS", "AANGEMAAKT", "VERLOOPT", "LABEL"],
    keys.map((k) => [
      k.display,
      k.user,
      k.team ?? "-",
      STATUS_NL[k.status],
      k.createdAt.slice(0, 10),
      k.expiresAt?.slice(0, 10) ?? "nooit",
      k.label ?? "",
    ]),
  );
}

interface CreateFlags extends AccountingFlags {
  user: string;
  team?: string;
  expires?: string;
  label?: string;
}

interface ListFlags extends AccountingFlags {
  user?: string;
  team?: string;
}

export function registerKeys(program: Command): void {
  const keys = program.command("keys").description("Personal API keys for the gateway (shown once, stored hashed)");

  withAccountingOptions(
    keys
      .command("create")
      .description("Create a key for a user (user and team are created when new) and print it once")
      .requiredOption("--user <name>", "the user the key belongs to")
      .option("--team <team>", "team whose budget the key counts against (default: the user's team)")
      .option("--expires <duration>", "lifetime, e.g. 90d, 12h, 4w, 1y (default: no expiry)")
      .option("--label <label>", "what the key is for, e.g. laptop or ci")
      .option("--json", "print JSON (key, id, user, team, expiry)"),
  ).action(async (flags: CreateFlags) => {
    const expiresInMs = flags.expires === undefined ? undefined : parseDuration(flags.expires);
    const created = await withIdentity(flags, (service) =>
      service.createKey({ user: flags.user, team: flags.team, expiresInMs, label: flags.label }),
    );
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ key: created.key, ...created.view }, null, 2)}\n`);
      return;
    }
    const v = created.view;
    const out = [
      `Nieuwe sleutel voor ${v.user}${v.team ? ` (team ${v.team})` : ""}${v.expiresAt ? `, geldig tot ${v.expiresAt.slice(0, 10)}` : ""}:`,
      "",
      `  ${created.key}`,
      "",
      "Bewaar hem nu: hij wordt maar één keer getoond (Poortwachter bewaart alleen een hash).",
      "Save it now: it is shown only once.",
      `Gebruik: Authorization: Bearer <sleutel>. Intrekken: poortwachter keys revoke ${v.id}`,
    ];
    process.stdout.write(`${out.join("\n")}\n`);
  });

  withAccountingOptions(
    keys
      .command("list")
      .description("List keys with their status (never the keys themselves)")
      .option("--user <name>", "only this user's keys")
      .option("--team <team>", "only this team's keys")
      .option("--json", "print JSON"),
  ).action(async (flags: ListFlags) => {
    const list = await withIdentity(flags, (service) =>
      service.listKeys({
        ...(flags.user !== undefined ? { user: flags.user } : {}),
        ...(flags.team !== undefined ? { team: flags.team } : {}),
      }),
    );
    process.stdout.write(flags.json ? `${JSON.stringify(list, null, 2)}\n` : formatKeys(list));
  });

  withAccountingOptions(
    keys
      .command("revoke")
      .description("Revoke a key at once (all instances within a few seconds)")
      .argument("<id>", "key id"),
  ).action(async (id: string, flags: AccountingFlags) => {
    const view = await withIdentity(flags, (service) => service.revokeKey(id));
    process.stdout.write(`Sleutel ${view.display} van ${view.user} is ingetrokken (${view.revokedAt}).\n`);
  });
}
