/**
 * The usage page's API (admin only): requests, blocked and rerouted requests, entities
 * pseudonymised per type, tokens and spend per team and model over time, top users; and the
 * audit export of the same period as CSV or JSON.
 */
import { Hono } from "hono";
import { z } from "zod";
import { auditToCsv, auditToJson } from "../../../gateway/accounting/audit-export.js";
import { MICROS_PER_EURO } from "../../../gateway/accounting/pricing.js";
import { GatewayAuditRepository } from "../../../store/repositories/gateway-audit.js";
import { type SpendPerDay, type UsageFilter, UsageStatsRepository } from "../../../store/repositories/usage-stats.js";
import { requireAdmin, say, type WebApiDeps, type WebContext, type WebEnv, webError } from "../context.js";
import {
  BUCKETS,
  type Bucket,
  bucketOf,
  bucketsOf,
  daysBetween,
  defaultPeriod,
  isDay,
  MAX_PERIOD_DAYS,
  periodInstants,
} from "./period.js";

const name = z.string().trim().min(1).max(128);
const querySchema = z.strictObject({
  from: z.string().optional(),
  to: z.string().optional(),
  team: name.optional(),
  model: name.optional(),
  bucket: z.enum(BUCKETS).optional(),
  format: z.enum(["csv", "json"]).optional(),
});

const EXPORT_LIMIT = 100_000;

const euros = (micros: number): number => Math.round(micros) / MICROS_PER_EURO;

interface Parsed {
  filter: UsageFilter;
  bucket: Bucket;
  format: "csv" | "json";
}

function parseQuery(c: WebContext, now: Date): Parsed | Response {
  const parsed = querySchema.safeParse(c.req.query());
  if (!parsed.success) {
    return webError(
      c,
      400,
      "invalid_query",
      say(c, "Deze filterwaarden worden niet herkend.", "These filter values are not recognised."),
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  const q = parsed.data;
  const period = defaultPeriod(now);
  const from = q.from ?? period.from;
  const to = q.to ?? period.to;
  if (!isDay(from) || !isDay(to)) {
    return webError(
      c,
      400,
      "invalid_period",
      say(c, "Geef de periode als datums (JJJJ-MM-DD).", "Give the period as dates (YYYY-MM-DD)."),
    );
  }
  if (from > to) {
    return webError(
      c,
      400,
      "invalid_period",
      say(c, "De begindatum ligt na de einddatum.", "The start date is after the end date."),
    );
  }
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) {
    return webError(
      c,
      400,
      "period_too_long",
      say(c, "Kies een periode van hoogstens twee jaar.", "Choose a period of at most two years."),
    );
  }
  return {
    filter: { fromDay: from, toDay: to, team: q.team, model: q.model },
    bucket: q.bucket ?? (daysBetween(from, to) > 92 ? "month" : "day"),
    format: q.format ?? "csv",
  };
}

/** Day rows folded into buckets: one row per bucket and key, zero-filled by the web app. */
function foldSpend(rows: SpendPerDay[], bucket: Bucket) {
  const folded = new Map<
    string,
    { bucket: string; key: string | null; requests: number; tokens: number; micros: number }
  >();
  for (const row of rows) {
    const b = bucketOf(row.day, bucket);
    const id = `${b}\u0000${row.key ?? ""}`;
    const entry = folded.get(id) ?? { bucket: b, key: row.key, requests: 0, tokens: 0, micros: 0 };
    entry.requests += row.requests;
    entry.tokens += row.tokens;
    entry.micros += row.costMicros;
    folded.set(id, entry);
  }
  return [...folded.values()].map((e) => ({
    bucket: e.bucket,
    key: e.key,
    requests: e.requests,
    tokens: e.tokens,
    costEur: euros(e.micros),
  }));
}

/** Totals per key over the whole period, highest spend first. */
function totalsPerKey(rows: SpendPerDay[]) {
  const totals = new Map<string | null, { requests: number; tokens: number; micros: number }>();
  for (const row of rows) {
    const entry = totals.get(row.key) ?? { requests: 0, tokens: 0, micros: 0 };
    entry.requests += row.requests;
    entry.tokens += row.tokens;
    entry.micros += row.costMicros;
    totals.set(row.key, entry);
  }
  return [...totals.entries()]
    .map(([key, t]) => ({ key, requests: t.requests, tokens: t.tokens, costEur: euros(t.micros) }))
    .sort((a, b) => b.costEur - a.costEur || b.requests - a.requests || String(a.key).localeCompare(String(b.key)));
}

export function createUsageApi(deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const stats = new UsageStatsRepository(deps.store.db);
  const audit = new GatewayAuditRepository(deps.store.db);
  app.use("*", requireAdmin());

  app.get("/summary", async (c) => {
    const parsed = parseQuery(c, new Date(deps.clock()));
    if (parsed instanceof Response) return parsed;
    const { filter, bucket } = parsed;
    const [totals, decisions, perTeam, perModel, entities, topUsers, dimensions] = await Promise.all([
      stats.totals(filter),
      stats.decisionsPerDay(filter),
      stats.spendPerDayByTeam(filter),
      stats.spendPerDayByModel(filter),
      stats.entitiesByType(filter),
      stats.topUsers(filter, 10),
      stats.dimensions(),
    ]);
    const requests = new Map<string, { forward: number; reroute: number; block: number }>();
    for (const b of bucketsOf(filter.fromDay, filter.toDay, bucket))
      requests.set(b, { forward: 0, reroute: 0, block: 0 });
    for (const row of decisions) {
      const entry = requests.get(bucketOf(row.day, bucket));
      if (!entry) continue;
      entry.forward += row.forward;
      entry.reroute += row.reroute;
      entry.block += row.block;
    }
    return c.json({
      period: { from: filter.fromDay, to: filter.toDay, bucket },
      filters: { team: filter.team ?? null, model: filter.model ?? null },
      options: dimensions,
      buckets: [...requests.keys()],
      totals: {
        requests: totals.requests,
        forwarded: totals.forwarded,
        rerouted: totals.rerouted,
        blocked: totals.blocked,
        tokensIn: totals.tokensIn,
        tokensOut: totals.tokensOut,
        costEur: euros(totals.costMicros),
        entities: totals.entities,
        users: totals.users,
      },
      requests: [...requests.entries()].map(([b, counts]) => ({ bucket: b, ...counts })),
      spendPerTeam: foldSpend(perTeam, bucket),
      spendPerModel: foldSpend(perModel, bucket),
      teamTotals: totalsPerKey(perTeam),
      modelTotals: totalsPerKey(perModel),
      entities,
      topUsers: topUsers.map((u) => ({
        user: u.user,
        team: u.team,
        requests: u.requests,
        blocked: u.blocked,
        tokens: u.tokens,
        costEur: euros(u.costMicros),
      })),
    });
  });

  app.get("/export", async (c) => {
    const parsed = parseQuery(c, new Date(deps.clock()));
    if (parsed instanceof Response) return parsed;
    const { filter, format } = parsed;
    const { start, end } = periodInstants(filter.fromDay, filter.toDay);
    let records = await audit.query({ from: start, to: end, team: filter.team, limit: EXPORT_LIMIT });
    const model = filter.model;
    if (model !== undefined) {
      records = records.filter((r) => r.modelUsed === model || (r.modelUsed === null && r.modelRequested === model));
    }
    const body = format === "csv" ? auditToCsv(records) : auditToJson(records);
    const fileName = `poortwachter-gebruik-${filter.fromDay}-${filter.toDay}.${format}`;
    return c.body(body, 200, {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    });
  });

  return app;
}
