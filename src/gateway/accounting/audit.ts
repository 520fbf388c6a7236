import { randomUUID } from "node:crypto";
import { AUDIT_CODE, type StoredAuditRecord } from "../../store/repositories/gateway-audit.js";

/**
 * The audit record of one gateway request. Only codes and numbers: every string field is an
 * `AuditCode`, which only `auditCode()` produces, so prompt text, answers or entity values cannot
 * be put in by accident. The repository validates again before writing.
 */

declare const auditCodeBrand: unique symbol;
export type AuditCode = string & { readonly [auditCodeBrand]: true };

export type DataClassCode = "public" | "customer" | "sensitive" | "special";
export type AuditDecision = "forward" | "reroute" | "block";

export interface AuditRecord {
  id: string;
  /** ISO time the request arrived. */
  time: string;
  user: AuditCode | null;
  team: AuditCode | null;
  keyId: AuditCode | null;
  /** The client tool: X-Poortwachter-Tool, or the product token of the user agent. */
  tool: AuditCode | null;
  /** e.g. `/v1/chat/completions`. */
  endpoint: AuditCode;
  protocol: "openai" | "anthropic";
  provider: AuditCode | null;
  modelRequested: AuditCode | null;
  modelUsed: AuditCode | null;
  tier: DataClassCode | null;
  classification: DataClassCode | null;
  decision: AuditDecision;
  /** Why: codes such as `bsn_blocked`, `tier_too_low`, `budget_soft_team_daily`. */
  reasons: AuditCode[];
  /** Entities found per type (`EMAIL: 2`), never their values. */
  entityCounts: Partial<Record<string, number>>;
  toolCalls: boolean;
  promptInjection: boolean;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
  latencyMs: number;
  upstreamStatus: number | null;
  httpStatus: number;
  errorCode: AuditCode | null;
}

/** Replaces any value that is not a code, so a record is kept but the free text is not. */
export const REDACTED = "redacted" as AuditCode;

export function auditCode(value: string): AuditCode {
  return value.length <= 128 && AUDIT_CODE.test(value) ? (value as AuditCode) : REDACTED;
}

export function optionalAuditCode(value: string | null | undefined): AuditCode | null {
  return value === null || value === undefined || value === "" ? null : auditCode(value);
}

// The token must end at a space or the end: `jan@example.nl` is not a product called `jan`.
const PRODUCT_TOKEN = /^([A-Za-z0-9][A-Za-z0-9._+-]{0,47})(?:\/([A-Za-z0-9][A-Za-z0-9._+-]{0,31}))?(?=\s|$)/;

/**
 * Which tool sent the request: the `X-Poortwachter-Tool` header when set, otherwise the first
 * product token of the User-Agent (`OpenAI/Python 1.52.0` -> `OpenAI/Python`,
 * `curl/8.5.0` -> `curl/8.5.0`). Anything that is not a code becomes `redacted`.
 */
export function toolFromHeaders(
  toolHeader: string | null | undefined,
  userAgent: string | null | undefined,
): AuditCode | null {
  const explicit = toolHeader?.trim();
  if (explicit) return auditCode(explicit.slice(0, 64));
  const ua = userAgent?.trim();
  if (!ua) return null;
  const match = PRODUCT_TOKEN.exec(ua);
  if (!match) return REDACTED;
  return auditCode(match[2] ? `${match[1]}/${match[2]}` : match[1]!);
}

export type AuditDraft = Omit<AuditRecord, "id" | "time"> & { id?: string; time?: string };

/**
 * A random id that is also a code. About one UUID in twenty has nine or more digits in a row in
 * its last group, which a code may not (it could be a BSN or an account number), so those are drawn
 * again: such a record would otherwise be refused by the repository and lost.
 */
export function auditId(): string {
  for (;;) {
    const id = randomUUID();
    if (AUDIT_CODE.test(id)) return id;
  }
}

/** Fills in id and time. */
export function newAuditRecord(draft: AuditDraft, now = new Date()): AuditRecord {
  return { ...draft, id: draft.id ?? auditId(), time: draft.time ?? now.toISOString() };
}

const ENTITY_TYPE = /^[A-Z][A-Z_]{0,39}$/;
/** 0000-01-01 and 10000-01-01: the instants plain ISO-8601 (four-digit years) can write. */
const FIRST_ISO_MS = -62_167_219_200_000;
const AFTER_ISO_MS = 253_402_300_800_000;

/**
 * The last line of defence for records built around the types (casts, `any`, JSON from
 * elsewhere): every string that is not a code is replaced, numbers are clamped to counts.
 * The result always passes the repository's validation.
 */
export function sanitizeAuditRecord(record: AuditRecord): StoredAuditRecord {
  const c = (v: unknown): string => (typeof v === "string" ? auditCode(v) : REDACTED);
  const cn = (v: unknown): string | null => (v === null || v === undefined ? null : c(v));
  const n = (v: unknown): number =>
    typeof v === "number" && Number.isFinite(v) && v > 0 ? Math.min(Math.round(v), Number.MAX_SAFE_INTEGER) : 0;
  const status = (v: unknown): number | null =>
    typeof v === "number" && Number.isInteger(v) && v >= 100 && v <= 599 ? v : null;
  const dataClass = (v: unknown): DataClassCode | null =>
    v === "public" || v === "customer" || v === "sensitive" || v === "special" ? v : null;
  const entityCounts: Record<string, number> = {};
  for (const [type, count] of Object.entries(record.entityCounts ?? {})) {
    if (ENTITY_TYPE.test(type) && n(count) > 0) entityCounts[type] = n(count);
  }
  const parsed = typeof record.time === "string" ? Date.parse(record.time) : Number.NaN;
  // Four-digit years only: the stored form is plain ISO-8601.
  const time = parsed >= FIRST_ISO_MS && parsed < AFTER_ISO_MS ? new Date(parsed) : new Date();
  const sanitized: StoredAuditRecord = {
    id: typeof record.id === "string" && AUDIT_CODE.test(record.id) ? record.id : auditId(),
    time: time.toISOString(),
    user: cn(record.user),
    team: cn(record.team),
    keyId: cn(record.keyId),
    tool: cn(record.tool),
    endpoint: c(record.endpoint),
    protocol: record.protocol === "anthropic" ? "anthropic" : "openai",
    provider: cn(record.provider),
    modelRequested: cn(record.modelRequested),
    modelUsed: cn(record.modelUsed),
    tier: dataClass(record.tier),
    classification: dataClass(record.classification),
    decision: record.decision === "reroute" || record.decision === "block" ? record.decision : "forward",
    reasons: (Array.isArray(record.reasons) ? record.reasons : []).slice(0, 64).map(c),
    entityCounts,
    toolCalls: record.toolCalls === true,
    promptInjection: record.promptInjection === true,
    tokensIn: n(record.tokensIn),
    tokensOut: n(record.tokensOut),
    costMicros: n(record.costMicros),
    latencyMs: n(record.latencyMs),
    upstreamStatus: status(record.upstreamStatus),
    httpStatus: status(record.httpStatus) ?? 500,
    errorCode: cn(record.errorCode),
  };
  // Valid by construction; the repository validates once more (with the schema) as it writes.
  return sanitized;
}
