import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GatewayAuditRepository, type StoredAuditRecord } from "../src/store/repositories/gateway-audit.js";
import { UsageStatsRepository } from "../src/store/repositories/usage-stats.js";
import { type TestStore, testBackends } from "../src/store/test-helpers/backends.js";

const backends = await testBackends();

let seq = 0;
function record(over: Partial<StoredAuditRecord>): StoredAuditRecord {
  seq += 1;
  return {
    id: `rec-${seq}`,
    time: "2026-11-02T12:00:00.000Z",
    user: "anna",
    team: "verkoop",
    keyId: "k1",
    tool: null,
    endpoint: "/v1/chat/completions",
    protocol: "openai",
    provider: "openai",
    modelRequested: "gpt-4.1",
    modelUsed: "gpt-4.1",
    tier: "sensitive",
    classification: "customer",
    decision: "forward",
    reasons: [],
    entityCounts: {},
    toolCalls: false,
    promptInjection: false,
    tokensIn: 100,
    tokensOut: 50,
    costMicros: 1_000,
    latencyMs: 10,
    upstreamStatus: 200,
    httpStatus: 200,
    errorCode: null,
    ...over,
  };
}

/** Seven requests over three days, two teams (and one user without a team), three models. */
const SEED: Partial<StoredAuditRecord>[] = [
  { time: "2026-11-02T09:00:00.000Z", entityCounts: { PERSON: 2, EMAIL: 1 }, costMicros: 2_500_000 },
  { time: "2026-11-02T10:00:00.000Z", decision: "reroute", modelUsed: "llama3.1:8b", costMicros: 0 },
  {
    time: "2026-11-02T11:00:00.000Z",
    decision: "block",
    modelUsed: null,
    provider: null,
    tokensIn: 0,
    tokensOut: 0,
    costMicros: 0,
    entityCounts: { BSN: 1 },
    httpStatus: 403,
  },
  {
    time: "2026-11-03T09:00:00.000Z",
    user: "bram",
    team: "hr",
    modelUsed: "claude-sonnet-4-5",
    modelRequested: "claude-sonnet-4-5",
    entityCounts: { PERSON: 3 },
    costMicros: 1_250_000,
  },
  { time: "2026-11-03T10:00:00.000Z", user: "bram", team: "hr", decision: "reroute", modelUsed: "llama3.1:8b" },
  { time: "2026-11-05T09:00:00.000Z", user: "chris", team: null, costMicros: 500_000, tokensIn: 10, tokensOut: 5 },
  // Outside the period: must not count.
  { time: "2026-10-31T09:00:00.000Z", costMicros: 9_000_000, entityCounts: { PERSON: 9 } },
];

describe.each(backends)("usage aggregates on $name", (backend) => {
  let t: TestStore;
  let stats: UsageStatsRepository;
  const period = { fromDay: "2026-11-01", toDay: "2026-11-30" };

  beforeEach(async () => {
    t = await backend.open();
    await new GatewayAuditRepository(t.store.db).insertMany(SEED.map(record));
    stats = new UsageStatsRepository(t.store.db);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("sums requests, decisions, tokens, spend, entities and users over the period", async () => {
    expect(await stats.totals(period)).toEqual({
      requests: 6,
      forwarded: 3,
      rerouted: 2,
      blocked: 1,
      tokensIn: 410,
      tokensOut: 205,
      costMicros: 2_500_000 + 0 + 0 + 1_250_000 + 1_000 + 500_000,
      entities: 7,
      users: 3,
    });
  });

  it("counts decisions per day", async () => {
    expect(await stats.decisionsPerDay(period)).toEqual([
      { day: "2026-11-02", forward: 1, reroute: 1, block: 1 },
      { day: "2026-11-03", forward: 1, reroute: 1, block: 0 },
      { day: "2026-11-05", forward: 1, reroute: 0, block: 0 },
    ]);
  });

  it("sums spend per day and team, with null for users without a team", async () => {
    const rows = await stats.spendPerDayByTeam(period);
    expect(rows.map((r) => [r.day, r.key, r.requests, r.costMicros])).toEqual([
      ["2026-11-02", "verkoop", 3, 2_500_000],
      ["2026-11-03", "hr", 2, 1_251_000],
      ["2026-11-05", null, 1, 500_000],
    ]);
    expect(rows[0]?.tokens).toBe(300);
  });

  it("sums spend per day and model used, leaving out blocked requests", async () => {
    const rows = await stats.spendPerDayByModel(period);
    expect(rows.map((r) => [r.day, r.key, r.requests, r.costMicros])).toEqual([
      ["2026-11-02", "gpt-4.1", 1, 2_500_000],
      ["2026-11-02", "llama3.1:8b", 1, 0],
      ["2026-11-03", "claude-sonnet-4-5", 1, 1_250_000],
      ["2026-11-03", "llama3.1:8b", 1, 1_000],
      ["2026-11-05", "gpt-4.1", 1, 500_000],
    ]);
  });

  it("sums entities per type, most first, and filters them by team", async () => {
    expect(await stats.entitiesByType(period)).toEqual([
      { type: "PERSON", count: 5 },
      { type: "BSN", count: 1 },
      { type: "EMAIL", count: 1 },
    ]);
    expect(await stats.entitiesByType({ ...period, team: "hr" })).toEqual([{ type: "PERSON", count: 3 }]);
  });

  it("filters by team and by model (a blocked request counts for the model asked for)", async () => {
    expect((await stats.totals({ ...period, team: "hr" })).requests).toBe(2);
    const gpt = await stats.totals({ ...period, model: "gpt-4.1" });
    expect(gpt.requests).toBe(3);
    expect(gpt.blocked).toBe(1);
    expect((await stats.totals({ ...period, model: "llama3.1:8b" })).rerouted).toBe(2);
  });

  it("ranks users by requests and reports their team, blocks and spend", async () => {
    expect(await stats.topUsers(period, 2)).toEqual([
      { user: "anna", team: "verkoop", requests: 3, blocked: 1, tokens: 300, costMicros: 2_500_000 },
      { user: "bram", team: "hr", requests: 2, blocked: 0, tokens: 300, costMicros: 1_251_000 },
    ]);
  });

  it("lists the teams and models that occur", async () => {
    expect(await stats.dimensions()).toEqual({
      teams: ["hr", "verkoop"],
      models: ["claude-sonnet-4-5", "gpt-4.1", "llama3.1:8b"],
    });
  });
});
