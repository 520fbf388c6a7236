import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatewaySpendRepository } from "../repositories/gateway-spend.js";
import { openSqliteTestStore, type TestStore, testBackends } from "../test-helpers/backends.js";
import { MemoryCounters } from "./memory.js";
import { RedisCounters } from "./redis.js";
import { openTestRedis, redisAvailable, type TestRedis } from "./redis-test-helpers.js";
import type { CounterLine, Counters } from "./types.js";

const endOfWindow = () => new Date(Date.now() + 3_600_000);
const line = (key: string, limit: number | null): CounterLine => ({ key, limit, expiresAt: endOfWindow() });

interface Harness {
  name: string;
  /** Counters for one instance; `instance` > 0 opens another one on the same shared state. */
  open(instance: number): Counters;
}

const harnesses: Harness[] = [];
let sqlite: TestStore;
let redis: TestRedis | undefined;
const memory = new Map<number, MemoryCounters>();

beforeAll(async () => {
  sqlite = await openSqliteTestStore();
  harnesses.push({
    name: "memory",
    // One process has one set of in-process counters: every "instance" shares it.
    open: () => {
      let counters = memory.get(0);
      if (!counters) {
        counters = new MemoryCounters(new GatewaySpendRepository(sqlite.store.db));
        memory.set(0, counters);
      }
      return counters;
    },
  });
  if (await redisAvailable()) {
    redis = openTestRedis();
    const testRedis = redis;
    harnesses.push({ name: "redis", open: () => new RedisCounters(testRedis.client(), { prefix: testRedis.prefix }) });
  }
});

afterAll(async () => {
  await redis?.dispose();
  await sqlite.dispose();
});

let unique = 0;
const key = (what: string) => `${what}:${++unique}`;

describe.each(["memory", "redis"])("%s counters", (name) => {
  const harness = () => harnesses.find((h) => h.name === name);

  it("reserves only while every line stays within its limit, atomically over all lines", async (ctx) => {
    const h = harness();
    if (!h) return ctx.skip();
    const c = h.open(0);
    const team = line(key("team"), 100);
    const user = line(key("user"), 1000);
    expect(await c.reserve([team, user], 60)).toEqual({ ok: true, totals: [60, 60] });
    expect(await c.reserve([user, team], 50)).toEqual({ ok: false, index: 1, current: 60 });
    // The refused reservation added nothing to the line that had room.
    expect(await c.read([team, user])).toEqual([60, 60]);
    expect(await c.reserve([team, line(user.key, null)], 40)).toEqual({ ok: true, totals: [100, 100] });
  });

  it("settles to the real amount and releases everything on failure", async (ctx) => {
    const h = harness();
    if (!h) return ctx.skip();
    const c = h.open(0);
    const l = line(key("settle"), 100);
    await c.reserve([l], 80);
    await c.settle([l], 80, 30);
    expect(await c.read([l])).toEqual([30]);
    await c.reserve([l], 70);
    await c.settle([l], 70, 0);
    expect(await c.read([l])).toEqual([30]);
  });

  it("never lets parallel reservations from two instances pass a hard limit", async (ctx) => {
    const h = harness();
    if (!h) return ctx.skip();
    const a = h.open(0);
    const b = h.open(1);
    const l = line(key("race"), 1000);
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).reserve([l], 70)));
    const accepted = outcomes.filter((o) => o.ok).length;
    // 14 * 70 = 980 fits, a 15th would be 1050: exactly 14 succeed, whatever the interleaving.
    expect(accepted).toBe(14);
    expect(await a.read([l])).toEqual([980]);
  });

  it("takes from token buckets only when all hold enough, with a retry time", async (ctx) => {
    const h = harness();
    if (!h) return ctx.skip();
    const c = h.open(0);
    const rpm = { key: key("rpm"), capacity: 2, refillPerMs: 2 / 60_000, cost: 1 };
    const tpm = { key: key("tpm"), capacity: 100, refillPerMs: 100 / 60_000, cost: 60 };
    const t0 = 1_000_000;
    expect(await c.takeTokens([rpm, tpm], t0)).toEqual({ allowed: true, retryAfterMs: 0 });
    const refused = await c.takeTokens([rpm, tpm], t0);
    expect(refused.allowed).toBe(false);
    // 20 tokens are missing at 100 per minute: 12 s.
    expect(refused.retryAfterMs).toBe(12_000);
    // The request bucket was not charged by the refused attempt: one request is still left.
    expect((await c.takeTokens([rpm], t0)).allowed).toBe(true);
    expect((await c.takeTokens([rpm], t0)).allowed).toBe(false);
    expect((await c.takeTokens([{ ...tpm, cost: 20 }], t0 + 12_000)).allowed).toBe(true);
  });

  it("lets a forced charge put a bucket in debt", async (ctx) => {
    const h = harness();
    if (!h) return ctx.skip();
    const c = h.open(0);
    const tpm = { key: key("debt"), capacity: 60, refillPerMs: 1 / 1000, cost: 120 };
    await c.takeTokens([tpm], 0, true);
    const next = await c.takeTokens([{ ...tpm, cost: 1 }], 0);
    expect(next).toEqual({ allowed: false, retryAfterMs: 61_000 });
  });
});

describe("memory counters with the database", () => {
  it("keep the settled spend across a restart, but not reservations in flight", async () => {
    const store = await openSqliteTestStore();
    try {
      const l = line("budget:team:x:m:2026-03", 500);
      const first = new MemoryCounters(new GatewaySpendRepository(store.store.db));
      await first.reserve([l], 100);
      await first.settle([l], 100, 40);
      await first.reserve([l], 200);
      // A graceful stop writes the settled spend still pending (write-behind).
      await first.close();
      const restarted = new MemoryCounters(new GatewaySpendRepository(store.store.db));
      expect(await restarted.read([l])).toEqual([40]);
      expect(await restarted.reserve([l], 461)).toMatchObject({ ok: false, current: 40 });
    } finally {
      await store.dispose();
    }
  });

  it("counts spend persisted on PostgreSQL too", async (ctx) => {
    const backends = await testBackends();
    const pg = backends.find((b) => b.name === "postgres");
    if (!pg) return ctx.skip();
    const store = await pg.open();
    try {
      const l = line("budget:user:y:d:2026-03-01", null);
      for (const amount of [3_000_000_000, 5]) {
        const counters = new MemoryCounters(new GatewaySpendRepository(store.store.db));
        await counters.settle([l], 0, amount);
        await counters.close();
      }
      expect(await new MemoryCounters(new GatewaySpendRepository(store.store.db)).read([l])).toEqual([3_000_000_005]);
    } finally {
      await store.dispose();
    }
  });
});

describe("redis counters", () => {
  it("expire budget counters at the end of their window", async (ctx) => {
    if (!(await redisAvailable()) || !redis) return ctx.skip();
    const client = redis.client();
    const counters = new RedisCounters(client, { prefix: redis.prefix });
    const expiresAt = new Date(Date.now() + 90_000);
    await counters.reserve([{ key: "ttl", limit: null, expiresAt }], 1);
    const ttl = await client.ttl(`${redis.prefix}ttl`);
    expect(ttl).toBeGreaterThan(80);
    expect(ttl).toBeLessThanOrEqual(91);
  });
});

describe("memory counters under random concurrent load", () => {
  it("never exceed a limit by more than what settled above its reservation", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.record({ reserve: fc.integer({ min: 0, max: 800 }), actual: fc.integer({ min: 0, max: 1000 }) }), {
          maxLength: 40,
        }),
        async (limit, requests) => {
          const counters = new MemoryCounters(undefined);
          const l = line("prop", limit);
          let overrun = 0;
          let settled = 0;
          await Promise.all(
            requests.map(async ({ reserve, actual }) => {
              const outcome = await counters.reserve([l], reserve);
              if (!outcome.ok) return;
              expect(outcome.totals[0]).toBeLessThanOrEqual(limit);
              await counters.settle([l], reserve, actual);
              overrun += Math.max(0, actual - reserve);
              settled += actual;
            }),
          );
          const [total] = await counters.read([l]);
          expect(total).toBe(settled);
          expect(total).toBeLessThanOrEqual(limit + overrun);
        },
      ),
      { numRuns: 100 },
    );
  });
});
