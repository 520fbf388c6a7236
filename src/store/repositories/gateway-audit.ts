import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { Database } from "../schema.js";
import { CachedInsert } from "./cached-insert.js";
import {
  type GatewayAuditEntitiesTable,
  type GatewayAuditTable,
  type GatewayDb,
  withGatewayTables,
} from "./gateway-tables.js";

/**
 * The gateway's audit log: one row per request, codes and numbers only. Every row is validated
 * before it is written, so free text (a prompt, an e-mail address, a name) cannot end up here
 * even when a caller gets around the gateway's types.
 */

/**
 * A code: a model name, provider id, user name, endpoint path, reason, tool id. No spaces, no `@`, and no run of
 * nine or more digits (a BSN, phone or account number is never a code).
 */
export const AUDIT_CODE = /^(?!.*\d{9})[A-Za-z0-9/][A-Za-z0-9._:/+-]{0,127}$/;
const code = z.string().regex(AUDIT_CODE, "not a code (free text is not allowed in audit records)");
const count = z.number().int().nonnegative();
const dataClass = z.enum(["public", "customer", "sensitive", "special"]);

export const storedAuditRecordSchema = z.strictObject({
  id: code,
  time: z.iso.datetime(),
  user: code.nullable(),
  team: code.nullable(),
  keyId: code.nullable(),
  tool: code.nullable(),
  endpoint: code,
  protocol: z.enum(["openai", "anthropic"]),
  provider: code.nullable(),
  modelRequested: code.nullable(),
  modelUsed: code.nullable(),
  tier: dataClass.nullable(),
  classification: dataClass.nullable(),
  decision: z.enum(["forward", "reroute", "block"]),
  reasons: z.array(code).max(64),
  entityCounts: z.record(z.string().regex(/^[A-Z][A-Z_]{0,39}$/, "not an entity type"), count),
  toolCalls: z.boolean(),
  promptInjection: z.boolean(),
  tokensIn: count,
  tokensOut: count,
  costMicros: count,
  latencyMs: count,
  upstreamStatus: z.number().int().min(100).max(599).nullable(),
  httpStatus: z.number().int().min(100).max(599),
  errorCode: code.nullable(),
});

export type StoredAuditRecord = z.infer<typeof storedAuditRecordSchema>;

export interface AuditFilter {
  /** Inclusive, ISO time. */
  from?: string | undefined;
  /** Exclusive, ISO time. */
  to?: string | undefined;
  user?: string | undefined;
  team?: string | undefined;
  decision?: StoredAuditRecord["decision"] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface DailyRequests {
  day: string;
  requests: number;
  blocked: number;
  rerouted: number;
}

export interface EntityTotal {
  entityType: string;
  count: number;
}

export interface DailySpend {
  day: string;
  team: string | null;
  model: string | null;
  requests: number;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
}

/** Day filters of the aggregates: `YYYY-MM-DD` in Europe/Amsterdam, both inclusive. */
export interface DayRange {
  fromDay?: string | undefined;
  toDay?: string | undefined;
  team?: string | undefined;
}

const MAX_LIMIT = 100_000;

/** Every column, once: the compiler checks that none is missing or unknown. */
const AUDIT_COLUMNS = Object.keys({
  id: true,
  time: true,
  day: true,
  user_name: true,
  team: true,
  key_id: true,
  tool: true,
  endpoint: true,
  protocol: true,
  provider: true,
  model_requested: true,
  model_used: true,
  tier: true,
  classification: true,
  decision: true,
  reasons: true,
  entity_counts: true,
  tool_calls: true,
  prompt_injection: true,
  tokens_in: true,
  tokens_out: true,
  cost_micros: true,
  latency_ms: true,
  upstream_status: true,
  http_status: true,
  error_code: true,
} satisfies Record<keyof GatewayAuditTable, true>) as (keyof GatewayAuditTable)[];
const ENTITY_COLUMNS = Object.keys({
  audit_id: true,
  day: true,
  entity_type: true,
  count: true,
} satisfies Record<keyof GatewayAuditEntitiesTable, true>) as (keyof GatewayAuditEntitiesTable)[];

function toRow(record: StoredAuditRecord, day: string): GatewayAuditTable {
  return {
    id: record.id,
    time: record.time,
    day,
    user_name: record.user,
    team: record.team,
    key_id: record.keyId,
    tool: record.tool,
    endpoint: record.endpoint,
    protocol: record.protocol,
    provider: record.provider,
    model_requested: record.modelRequested,
    model_used: record.modelUsed,
    tier: record.tier,
    classification: record.classification,
    decision: record.decision,
    reasons: JSON.stringify(record.reasons),
    entity_counts: JSON.stringify(record.entityCounts),
    tool_calls: record.toolCalls ? 1 : 0,
    prompt_injection: record.promptInjection ? 1 : 0,
    tokens_in: record.tokensIn,
    tokens_out: record.tokensOut,
    cost_micros: record.costMicros,
    latency_ms: record.latencyMs,
    upstream_status: record.upstreamStatus,
    http_status: record.httpStatus,
    error_code: record.errorCode,
  };
}

function fromRow(row: GatewayAuditTable): StoredAuditRecord {
  return {
    id: row.id,
    time: row.time,
    user: row.user_name,
    team: row.team,
    keyId: row.key_id,
    tool: row.tool,
    endpoint: row.endpoint,
    protocol: row.protocol as StoredAuditRecord["protocol"],
    provider: row.provider,
    modelRequested: row.model_requested,
    modelUsed: row.model_used,
    tier: row.tier as StoredAuditRecord["tier"],
    classification: row.classification as StoredAuditRecord["classification"],
    decision: row.decision as StoredAuditRecord["decision"],
    reasons: JSON.parse(row.reasons) as string[],
    entityCounts: JSON.parse(row.entity_counts) as Record<string, number>,
    toolCalls: Number(row.tool_calls) === 1,
    promptInjection: Number(row.prompt_injection) === 1,
    tokensIn: Number(row.tokens_in),
    tokensOut: Number(row.tokens_out),
    costMicros: Number(row.cost_micros),
    latencyMs: Number(row.latency_ms),
    upstreamStatus: row.upstream_status === null ? null : Number(row.upstream_status),
    httpStatus: Number(row.http_status),
    errorCode: row.error_code,
  };
}

export class GatewayAuditRepository {
  private readonly db: GatewayDb;
  private readonly auditInsert = new CachedInsert<GatewayAuditTable>("gateway_audit", AUDIT_COLUMNS);
  private readonly entityInsert = new CachedInsert<GatewayAuditEntitiesTable>("gateway_audit_entities", ENTITY_COLUMNS);

  /** `dayOf` maps a record's time to its calendar day (the gateway passes Europe/Amsterdam). */
  constructor(
    db: Kysely<Database>,
    private readonly dayOf: (time: Date) => string = (t) => t.toISOString().slice(0, 10),
  ) {
    this.db = withGatewayTables(db);
  }

  /** Validates every record first and writes all of them in one transaction, or none. */
  async insertMany(records: readonly StoredAuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const rows = records.map((r) => {
      const valid = storedAuditRecordSchema.parse(r);
      return toRow(valid, this.dayOf(new Date(valid.time)));
    });
    const entities = rows.flatMap((row, i) =>
      Object.entries(records[i]!.entityCounts)
        .filter(([, n]) => n > 0)
        .map(([entityType, n]) => ({ audit_id: row.id, day: row.day, entity_type: entityType, count: n })),
    );
    await this.db.transaction().execute(async (trx) => {
      // Chunks keep SQLite under its limit of bound parameters per statement.
      for (let i = 0; i < rows.length; i += 30) await this.auditInsert.execute(trx, rows.slice(i, i + 30));
      for (let i = 0; i < entities.length; i += 200) await this.entityInsert.execute(trx, entities.slice(i, i + 200));
    });
  }

  /** Records in time order (oldest first). */
  async query(filter: AuditFilter = {}): Promise<StoredAuditRecord[]> {
    let query = this.db.selectFrom("gateway_audit").selectAll();
    if (filter.from) query = query.where("time", ">=", filter.from);
    if (filter.to) query = query.where("time", "<", filter.to);
    if (filter.user) query = query.where("user_name", "=", filter.user);
    if (filter.team) query = query.where("team", "=", filter.team);
    if (filter.decision) query = query.where("decision", "=", filter.decision);
    const limit = Math.min(Math.max(1, filter.limit ?? 1000), MAX_LIMIT);
    const rows = await query
      .orderBy("time")
      .orderBy("id")
      .limit(limit)
      .offset(Math.max(0, filter.offset ?? 0))
      .execute();
    return rows.map(fromRow);
  }

  async requestsPerDay(range: DayRange = {}): Promise<DailyRequests[]> {
    let query = this.db
      .selectFrom("gateway_audit")
      .select((eb) => [
        "day",
        eb.fn.countAll<number | string>().as("requests"),
        eb.fn.sum<number | string>(sql`case when decision = 'block' then 1 else 0 end`).as("blocked"),
        eb.fn.sum<number | string>(sql`case when decision = 'reroute' then 1 else 0 end`).as("rerouted"),
      ]);
    if (range.fromDay) query = query.where("day", ">=", range.fromDay);
    if (range.toDay) query = query.where("day", "<=", range.toDay);
    if (range.team) query = query.where("team", "=", range.team);
    const rows = await query.groupBy("day").orderBy("day").execute();
    return rows.map((r) => ({
      day: r.day,
      requests: Number(r.requests),
      blocked: Number(r.blocked),
      rerouted: Number(r.rerouted),
    }));
  }

  async entitiesPerType(range: DayRange = {}): Promise<EntityTotal[]> {
    let query = this.db
      .selectFrom("gateway_audit_entities as e")
      .innerJoin("gateway_audit as a", "a.id", "e.audit_id")
      .select((eb) => ["e.entity_type", eb.fn.sum<number | string>("e.count").as("total")]);
    if (range.fromDay) query = query.where("e.day", ">=", range.fromDay);
    if (range.toDay) query = query.where("e.day", "<=", range.toDay);
    if (range.team) query = query.where("a.team", "=", range.team);
    const rows = await query.groupBy("e.entity_type").orderBy("e.entity_type").execute();
    return rows.map((r) => ({ entityType: r.entity_type, count: Number(r.total) }));
  }

  async spendPerDay(range: DayRange = {}): Promise<DailySpend[]> {
    let query = this.db
      .selectFrom("gateway_audit")
      .select((eb) => [
        "day",
        "team",
        "model_used",
        eb.fn.countAll<number | string>().as("requests"),
        eb.fn.sum<number | string>("tokens_in").as("tokens_in"),
        eb.fn.sum<number | string>("tokens_out").as("tokens_out"),
        eb.fn.sum<number | string>("cost_micros").as("cost"),
      ]);
    if (range.fromDay) query = query.where("day", ">=", range.fromDay);
    if (range.toDay) query = query.where("day", "<=", range.toDay);
    if (range.team) query = query.where("team", "=", range.team);
    const rows = await query
      .groupBy(["day", "team", "model_used"])
      .orderBy("day")
      .orderBy("team")
      .orderBy("model_used")
      .execute();
    return rows.map((r) => ({
      day: r.day,
      team: r.team,
      model: r.model_used,
      requests: Number(r.requests),
      tokensIn: Number(r.tokens_in),
      tokensOut: Number(r.tokens_out),
      costMicros: Number(r.cost),
    }));
  }

  /** Deletes records older than `before` (ISO time): retention. */
  async deleteBefore(before: string): Promise<number> {
    const result = await this.db.deleteFrom("gateway_audit").where("time", "<", before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
