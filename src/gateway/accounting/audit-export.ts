import type { StoredAuditRecord } from "../../store/repositories/gateway-audit.js";
import { MICROS_PER_EURO } from "./pricing.js";

/** Audit records as CSV (for a spreadsheet) or JSON (for other systems). */

export const AUDIT_CSV_COLUMNS = [
  "id",
  "time",
  "user",
  "team",
  "key_id",
  "tool",
  "endpoint",
  "protocol",
  "provider",
  "model_requested",
  "model_used",
  "tier",
  "classification",
  "decision",
  "reasons",
  "entity_counts",
  "tool_calls",
  "prompt_injection",
  "tokens_in",
  "tokens_out",
  "cost_eur",
  "latency_ms",
  "upstream_status",
  "http_status",
  "error_code",
] as const;

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  // A leading =, +, - or @ makes spreadsheets evaluate the cell as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvValues(r: StoredAuditRecord): (string | number | boolean | null)[] {
  return [
    r.id,
    r.time,
    r.user,
    r.team,
    r.keyId,
    r.tool,
    r.endpoint,
    r.protocol,
    r.provider,
    r.modelRequested,
    r.modelUsed,
    r.tier,
    r.classification,
    r.decision,
    r.reasons.join(" "),
    Object.entries(r.entityCounts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, n]) => `${type}=${n}`)
      .join(" "),
    r.toolCalls,
    r.promptInjection,
    r.tokensIn,
    r.tokensOut,
    (r.costMicros / MICROS_PER_EURO).toFixed(6),
    r.latencyMs,
    r.upstreamStatus,
    r.httpStatus,
    r.errorCode,
  ];
}

export function auditToCsv(records: readonly StoredAuditRecord[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(",")];
  for (const r of records) lines.push(csvValues(r).map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** JSON with the cost in euros next to the exact micro-euros. */
export function auditToJson(records: readonly StoredAuditRecord[]): string {
  return `${JSON.stringify(
    records.map((r) => ({ ...r, costEur: r.costMicros / MICROS_PER_EURO })),
    null,
    2,
  )}\n`;
}
