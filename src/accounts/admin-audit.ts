/**
 * The audit of admin actions: who did what to whom, and when. Other routers call
 * `recordAdminAction` for their own admin actions (settings changed, provider added). Details are
 * names and flags only: never passwords, codes, keys or customer data.
 */
import { randomUUID } from "node:crypto";
import type { Store } from "../store/index.js";
import { AccountsRepository, type AdminAuditRecord } from "../store/repositories/accounts.js";

export type AdminAction =
  | "account.created"
  | "account.role_changed"
  | "account.team_changed"
  | "account.disabled"
  | "account.enabled"
  | "account.totp_reset"
  | "account.password_reset"
  | "account.sessions_ended"
  | "account.removed"
  | "team.created"
  | "key.created"
  | "key.revoked"
  | "settings.changed"
  // Other modules may add their own, namespaced: "providers.added", "policy.changed", ...
  | (string & {});

export interface AdminActor {
  id: string | null;
  name: string;
}

/** Field names that hold secrets: `password`, `apiKey`, `accessToken`, `totpSecret`, `code` … (not `maxTokens`). */
const SECRET_KEYS =
  /^(code|key|token|secret|otp|.*(password|passwd|passphrase|secret|apikey|api_key|token|recoverycodes?))$/i;

/** Drops anything that looks like a secret, so a careless caller cannot leak one into the audit. */
function scrub(details: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (SECRET_KEYS.test(key)) continue;
    if (value === undefined) continue;
    clean[key] = typeof value === "string" && value.length > 200 ? `${value.slice(0, 200)}…` : value;
  }
  return clean;
}

export async function recordAdminAction(
  store: Store,
  actor: AdminActor,
  action: AdminAction,
  target: string | null,
  details: Record<string, unknown> = {},
  now: Date = new Date(),
): Promise<AdminAuditRecord> {
  const record: AdminAuditRecord = {
    id: randomUUID(),
    time: now.toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action,
    target,
    details: scrub(details),
  };
  await new AccountsRepository(store.db).insertAudit(record);
  return record;
}

export async function listAdminActions(
  store: Store,
  options: { limit?: number; before?: string } = {},
): Promise<AdminAuditRecord[]> {
  return new AccountsRepository(store.db).listAudit(options);
}

function csvField(value: string): string {
  // A leading = + - @ would make a spreadsheet evaluate the cell (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function adminActionsCsv(records: AdminAuditRecord[]): string {
  const lines = [["time", "actor", "action", "target", "details"].join(",")];
  for (const r of records) {
    lines.push([r.time, r.actorName, r.action, r.target ?? "", JSON.stringify(r.details)].map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
