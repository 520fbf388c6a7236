import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatewaySpendRepository } from "../repositories/gateway-spend.js";
import { openSqliteTestStore, type TestStore, testBackends } from "../test-helpers/backends.js";
import { MemoryCounters } from "./memory.js";
import { RedisCounters } from "./redis.js";
import { openTestRedis, redisAvailable, type TestRedis } from "./redis-test-helpers.js";
import { SpendLedger } from "./spend-ledger.js";
import type { CounterLine } from "./types.js";

const backends = await testBackends();
const withRedis = await redisAvailable();

const inAnHour = () => new Date(Date.now() + 3_600_000);
let unique = 0;
const line = (what: string, limit: number | null = null): CounterLine => ({
  key: `budget:${what}:${++unique}`,
  limit,
  expiresAt: inAnHour(),
});

/** A spend repository that counts its writes and can be made to fail. */
function observed(repo: GatewaySpendRepository) {
  const calls = { add: 0, fail: false };
  const wrapped = Object.create(repo) as GatewaySpendRepository;
  wrapped.add = async (entries, now) => {
    calls.add += 1;
    if (calls.fail) throw new Error("database is gone");
    return repo.add(entries, now);
  };
  return { repo: wrapped, calls };
}

describe.each(backends)("spend ledger on $name", (backend) => {
  let db: TestStore;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it("sums the settlements of an interval per counter and writes them in one go", async () => {
    const { repo, calls } = observed(new GatewaySpendRepository(db.store.db));
    const ledger = new SpendLedger(repo, { flushIntervalMs: 60_000 });
    const team = line("team");
    const user = line("user");
    for (let i = 1; i <= 50; i++) ledger.add([team, user], i);
    ledger.add([team], 1000);
    expect(calls.add).toBe(0);
    // Not written yet, but counted by read() already.
    expect(await ledger.read([team.key, user.key])).toEqual(
      new Map([
        [team.key, 2275],
        [user.key, 1275],
      ]),
    );
    await ledger.close();
    expect(calls.add).toBe(1);
    const stored = await new GatewaySpendRepository(db.store.db).read([team.key, user.key]);
    expect(stored.get(team.key)).toBe(2275);
    expect(stored.get(user.key)).toBe(1275);
  });

  it("keeps amounts whose write failed and writes them with the next flush", async () => {
    const { repo, calls } = observed(new GatewaySpendRepository(db.store.db));
    const errors: unknown[] = [];
    const ledger = new SpendLedger(repo, { flushIntervalMs: 60_000, onError: (e) => errors.push(e) });
    const l = line("flaky");
    ledger.add([l], 70);
    calls.fail = true;
    await ledger.flush();
    expect(errors).toHaveLength(1);
    ledger.add([l], 30);
    expect((await ledger.read([l.key])).get(l.key)).toBe(100);
    calls.fail = false;
    await ledger.close();
    expect((await new GatewaySpendRepository(db.store.db).read([l.key])).get(l.key)).toBe(100);
  });

  it("loses no settled amount of memory counters that stop gracefully", async () => {
    const l = line("restart", 1000);
    const first = new MemoryCounters(new GatewaySpendRepository(db.store.db));
    const settled = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const outcome = await first.reserve([l], 20);
        if (!outcome.ok) return 0;
        await first.settle([l], 20, i % 3);
        return i % 3;
      }),
    );
    await first.close();
    const second = new MemoryCounters(new GatewaySpendRepository(db.store.db));
    expect(await second.read([l])).toEqual([settled.reduce((a, b) => a + b, 0)]);
    await second.close();
  });
});

describe.skipIf(!withRedis)("redis budget counters seeded from the database", () => {
  let redis: TestRedis;
  let db: TestStore;

  beforeAll(async () => {
    redis = openTestRedis();
    db = await openSqliteTestStore();
  });
  afterAll(async () => {
    await redis?.dispose();
    await db?.dispose();
  });

  const open = () =>
    new RedisCounters(redis.client(), {
      prefix: redis.prefix,
      spend: new GatewaySpendRepository(db.store.db),
      ledger: { flushIntervalMs: 60_000 },
    });

  /** What FLUSHALL, a restart without persistence or a failover does to our keys. */
  async function wipe(): Promise<void> {
    const client = redis.client();
    const keys = await client.keys(`${redis.prefix}*`);
    if (keys.length > 0) await client.del(...keys);
  }

  it("keeps a hard limit after Redis lost its counters", async () => {
    const counters = open();
    const l = line("team", 1000);
    expect(await counters.reserve([l], 900)).toMatchObject({ ok: true });
    await counters.settle([l], 900, 800);
    await counters.flush();
    await wipe();
    // 800 were spent: 300 more would pass the limit of 1000 even though Redis started from nothing.
    expect(await counters.read([l])).toEqual([800]);
    expect(await counters.reserve([l], 300)).toEqual({ ok: false, index: 0, current: 800 });
    expect(await counters.reserve([l], 200)).toEqual({ ok: true, totals: [1000] });
    await counters.close();
  });

  it("counts a settlement that arrives after the wipe, before it is written", async () => {
    const counters = open();
    const l = line("user", 1000);
    await counters.reserve([l], 500);
    await wipe();
    // The answer comes back after the wipe: its cost is only in this instance's ledger so far.
    await counters.settle([l], 500, 450);
    expect(await redis.client().exists(`${redis.prefix}${l.key}`)).toBe(0);
    expect(await counters.reserve([l], 600)).toEqual({ ok: false, index: 0, current: 450 });
    expect(await counters.reserve([l], 100)).toEqual({ ok: true, totals: [550] });
    await counters.close();
  });

  it("seeds once when several instances find the counter missing at the same moment", async () => {
    const writer = open();
    const l = line("key", 10_000);
    await writer.settle([l], 0, 4000);
    await writer.close();
    await wipe();
    const instances = [open(), open(), open()];
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (instances[i % 3] as RedisCounters).reserve([l], 100)),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // 4000 from the database, once, plus thirty reservations.
    expect(await writer.read([l])).toEqual([7000]);
    for (const instance of instances) await instance.close();
  });
});
