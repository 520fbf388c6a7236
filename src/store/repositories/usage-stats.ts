import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../schema.js";
import { type GatewayDb, type GatewayTables, withGatewayTables } from "./gateway-tables.js";

/**
 * The usage page's numbers, aggregated in SQL over the gateway's audit log (GROUP BY day, team,
 * model, entity type, user). Days are the audit rows' calendar days in Europe/Amsterdam, so a
 * period is a range of days, both ends inclusive. Portable SQL: the same queries run on SQLite and
 * PostgreSQL (sums come back as strings from PostgreSQL, hence the Number() everywhere).
 */

export interface UsageFilter {
  /** YYYY-MM-DD, inclusive. */
  fromDay: string;
  /** YYYY-MM-DD, inclusive. */
  toDay: string;
  team?: string | undefined;
  /** The model used, or for a blocked request the model asked for. */
  model?: string | undefined;
}

export interface UsageTotals {
  requests: number;
  forwarded: number;
  rerouted: number;
  blocked: number;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
  entities: number;
  users: number;
}

export interface DecisionsPerDay {
  day: string;
  forward: number;
  reroute: number;
  block: number;
}

export interface SpendPerDay {
  day: string;
  /** The team, or null for requests of users without a team. */
  key: string | null;
  requests: number;
  tokens: number;
  costMicros: number;
}

export interface EntityCount {
  type: string;
  count: number;
}

export interface UserUsage {
  user: string;
  team: string | null;
  requests: number;
  blocked: number;
  tokens: number;
  costMicros: number;
}

type AuditQuery<O> = SelectQueryBuilder<GatewayTables, "gateway_audit", O>;

const num = (value: unknown): number => Number(value ?? 0);

function matchModel(eb: ExpressionBuilder<GatewayTables, "gateway_audit">, model: string) {
  return eb.or([
    eb("gateway_audit.model_used", "=", model),
    eb.and([eb("gateway_audit.model_used", "is", null), eb("gateway_audit.model_requested", "=", model)]),
  ]);
}

export class UsageStatsRepository {
  private readonly db: GatewayDb;

  constructor(db: Kysely<Database>) {
    this.db = withGatewayTables(db);
  }

  private filtered<O>(query: AuditQuery<O>, filter: UsageFilter): AuditQuery<O> {
    let q = query.where("gateway_audit.day", ">=", filter.fromDay).where("gateway_audit.day", "<=", filter.toDay);
    if (filter.team !== undefined) q = q.where("gateway_audit.team", "=", filter.team);
    const model = filter.model;
    if (model !== undefined) q = q.where((eb) => matchModel(eb, model));
    return q;
  }

  async totals(filter: UsageFilter): Promise<UsageTotals> {
    const row = await this.filtered(
      this.db
        .selectFrom("gateway_audit")
        .select((eb) => [
          eb.fn.countAll<number | string>().as("requests"),
          eb.fn.sum<number | string>(sql`case when decision = 'forward' then 1 else 0 end`).as("forwarded"),
          eb.fn.sum<number | string>(sql`case when decision = 'reroute' then 1 else 0 end`).as("rerouted"),
          eb.fn.sum<number | string>(sql`case when decision = 'block' then 1 else 0 end`).as("blocked"),
          eb.fn.sum<number | string>("tokens_in").as("tokens_in"),
          eb.fn.sum<number | string>("tokens_out").as("tokens_out"),
          eb.fn.sum<number | string>("cost_micros").as("cost"),
          eb.fn.count<number | string>("user_name").distinct().as("users"),
        ]),
      filter,
    ).executeTakeFirst();
    const entities = await this.entitiesByType(filter);
    return {
      requests: num(row?.requests),
      forwarded: num(row?.forwarded),
      rerouted: num(row?.rerouted),
      blocked: num(row?.blocked),
      tokensIn: num(row?.tokens_in),
      tokensOut: num(row?.tokens_out),
      costMicros: num(row?.cost),
      entities: entities.reduce((sum, e) => sum + e.count, 0),
      users: num(row?.users),
    };
  }

  /** Requests per day split by the gateway's decision; days without requests are absent. */
  async decisionsPerDay(filter: UsageFilter): Promise<DecisionsPerDay[]> {
    const rows = await this.filtered(
      this.db
        .selectFrom("gateway_audit")
        .select((eb) => [
          "gateway_audit.day",
          eb.fn.sum<number | string>(sql`case when decision = 'forward' then 1 else 0 end`).as("forward"),
          eb.fn.sum<number | string>(sql`case when decision = 'reroute' then 1 else 0 end`).as("reroute"),
          eb.fn.sum<number | string>(sql`case when decision = 'block' then 1 else 0 end`).as("block"),
        ]),
      filter,
    )
      .groupBy("gateway_audit.day")
      .orderBy("gateway_audit.day")
      .execute();
    return rows.map((r) => ({ day: r.day, forward: num(r.forward), reroute: num(r.reroute), block: num(r.block) }));
  }

  /** Spend per day and team (`key` is the team). */
  async spendPerDayByTeam(filter: UsageFilter): Promise<SpendPerDay[]> {
    const rows = await this.filtered(
      this.db
        .selectFrom("gateway_audit")
        .select((eb) => [
          "gateway_audit.day",
          "gateway_audit.team",
          eb.fn.countAll<number | string>().as("requests"),
          eb.fn.sum<number | string>(sql`tokens_in + tokens_out`).as("tokens"),
          eb.fn.sum<number | string>("cost_micros").as("cost"),
        ]),
      filter,
    )
      .groupBy(["gateway_audit.day", "gateway_audit.team"])
      .orderBy("gateway_audit.day")
      .orderBy("gateway_audit.team")
      .execute();
    return rows.map((r) => ({
      day: r.day,
      key: r.team,
      requests: num(r.requests),
      tokens: num(r.tokens),
      costMicros: num(r.cost),
    }));
  }

  /** Spend per day and model used (`key` is the model); blocked requests used no model and are left out. */
  async spendPerDayByModel(filter: UsageFilter): Promise<SpendPerDay[]> {
    const rows = await this.filtered(
      this.db
        .selectFrom("gateway_audit")
        .select((eb) => [
          "gateway_audit.day",
          "gateway_audit.model_used",
          eb.fn.countAll<number | string>().as("requests"),
          eb.fn.sum<number | string>(sql`tokens_in + tokens_out`).as("tokens"),
          eb.fn.sum<number | string>("cost_micros").as("cost"),
        ])
        .where("gateway_audit.model_used", "is not", null),
      filter,
    )
      .groupBy(["gateway_audit.day", "gateway_audit.model_used"])
      .orderBy("gateway_audit.day")
      .orderBy("gateway_audit.model_used")
      .execute();
    return rows.map((r) => ({
      day: r.day,
      key: r.model_used,
      requests: num(r.requests),
      tokens: num(r.tokens),
      costMicros: num(r.cost),
    }));
  }

  /**
   * Pseudonymised (and blocked) entities per type, summed from the per-type rows the audit
   * writer keeps next to each record, so no JSON is parsed per row.
   */
  async entitiesByType(filter: UsageFilter): Promise<EntityCount[]> {
    const rows = await this.filtered(
      this.db
        .selectFrom("gateway_audit")
        .innerJoin("gateway_audit_entities as e", "e.audit_id", "gateway_audit.id")
        .select((eb) => ["e.entity_type", eb.fn.sum<number | string>("e.count").as("total")]),
      filter,
    )
      .groupBy(sql.ref("e.entity_type"))
      .execute();
    return rows
      .map((r) => ({ type: r.entity_type, count: num(r.total) }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  }

  /** The users with the most requests, then the highest spend. */
  async topUsers(filter: UsageFilter, limit = 10): Promise<UserUsage[]> {
    const rows = await this.filtered(
      this.db
        .selectFrom("gateway_audit")
        .select((eb) => [
          "gateway_audit.user_name",
          eb.fn.max("gateway_audit.team").as("team"),
          eb.fn.countAll<number | string>().as("requests"),
          eb.fn.sum<number | string>(sql`case when decision = 'block' then 1 else 0 end`).as("blocked"),
          eb.fn.sum<number | string>(sql`tokens_in + tokens_out`).as("tokens"),
          eb.fn.sum<number | string>("cost_micros").as("cost"),
        ])
        .where("gateway_audit.user_name", "is not", null),
      filter,
    )
      .groupBy("gateway_audit.user_name")
      .orderBy(sql`count(*)`, "desc")
      .orderBy(sql`sum(cost_micros)`, "desc")
      .orderBy("gateway_audit.user_name")
      .limit(Math.max(1, Math.min(limit, 100)))
      .execute();
    return rows.map((r) => ({
      user: r.user_name as string,
      team: (r.team as string | null) ?? null,
      requests: num(r.requests),
      blocked: num(r.blocked),
      tokens: num(r.tokens),
      costMicros: num(r.cost),
    }));
  }

  /** Teams and models that occur in the audit log, for the page's filters. */
  async dimensions(): Promise<{ teams: string[]; models: string[] }> {
    const teams = await this.db
      .selectFrom("gateway_audit")
      .select("team")
      .distinct()
      .where("team", "is not", null)
      .orderBy("team")
      .execute();
    const models = await this.db
      .selectFrom("gateway_audit")
      .select("model_used")
      .distinct()
      .where("model_used", "is not", null)
      .orderBy("model_used")
      .execute();
    return {
      teams: teams.map((r) => r.team as string),
      models: models.map((r) => r.model_used as string),
    };
  }
}
