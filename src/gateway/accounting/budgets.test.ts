import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryCounters } from "../../store/counters/memory.js";
import { RedisCounters } from "../../store/counters/redis.js";
import { openTestRedis, redisAvailable, type TestRedis } from "../../store/counters/redis-test-helpers.js";
import type { Counters } from "../../store/counters/types.js";
import { type BudgetReservation, BudgetService, budgetWarningHeader, budgetWarningReasons } from "./budgets.js";
import type { Identity } from "./identity.js";
import { RateLimiter } from "./rate-limits.js";

const EURO = 1_000_000;
let redis: TestRedis | undefined;
const useRedis = await redisAvailable();

beforeAll(() => {
  if (useRedis) redis = openTestRedis();
});
afterAll(async () => {
  await redis?.dispose();
});

let run = 0;
/** Every test gets its own key, user and team, so counters never collide between tests. */
function identity(): Identity {
  run += 1;
  return { keyId: `k${run}${Date.now()}`, user: `user${run}`, team: `team${run}` };
}

const backends: [string, () => Counters][] = [["memory", () => new MemoryCounters(undefined)]];
if (useRedis) backends.push(["redis", () => new RedisCounters(redis!.client(), { prefix: redis!.prefix })]);

describe.each(backends)("budgets on %s counters", (name, open) => {
  const now = Date.parse("2030-03-13T10:00:00Z");

  it("refuses a request whose maximum would pass a hard limit, until the window resets", async () => {
    const budgets = new BudgetService(open(), { perTeam: { daily: { hard: 1 } } }, () => now);
    const who = identity();
    const first = await budgets.reserve(who, 0.6 * EURO);
    expect(first.ok).toBe(true);
    const second = await budgets.reserve(who, 0.6 * EURO);
    expect(second).toMatchObject({
      ok: false,
      code: "budget_exceeded",
      scope: "team",
      period: "daily",
      spentEur: 0.6,
      hardEur: 1,
    });
    // 10:00 UTC is 11:00 in Amsterdam: 13 hours to midnight.
    if (!second.ok) expect(second.retryAfterSeconds).toBe(13 * 3600);
  });

  it("settles to the real cost, so the difference is free again", async () => {
    const budgets = new BudgetService(open(), { perUser: { monthly: { hard: 1 } } }, () => now);
    const who = identity();
    const r = (await budgets.reserve(who, 0.9 * EURO)) as BudgetReservation;
    await budgets.settle(r, 0.1 * EURO);
    expect((await budgets.reserve(who, 0.9 * EURO)).ok).toBe(true);
    const status = await budgets.status(who);
    expect(status.find((s) => s.scope === "user" && s.period === "monthly")).toMatchObject({ spentEur: 1, hardEur: 1 });
  });

  it("releases the whole reservation when the request fails", async () => {
    const budgets = new BudgetService(open(), { perKey: { daily: { hard: 1 } } }, () => now);
    const who = identity();
    const r = (await budgets.reserve(who, EURO)) as BudgetReservation;
    expect((await budgets.reserve(who, 1)).ok).toBe(false);
    await budgets.release(r);
    expect((await budgets.reserve(who, EURO)).ok).toBe(true);
  });

  it("warns above a soft limit without refusing, as a header and as audit reasons", async () => {
    const budgets = new BudgetService(open(), { perTeam: { daily: { soft: 0.5, hard: 2 } } }, () => now);
    const who = identity();
    const quiet = (await budgets.reserve(who, 0.4 * EURO)) as BudgetReservation;
    expect(quiet.warnings).toEqual([]);
    const loud = (await budgets.reserve(who, 0.4 * EURO)) as BudgetReservation;
    expect(loud.ok).toBe(true);
    expect(loud.warnings).toEqual([{ scope: "team", period: "daily", spentEur: 0.8, softEur: 0.5 }]);
    expect(budgetWarningHeader(loud.warnings)).toBe("team-daily");
    expect(budgetWarningReasons(loud.warnings)).toEqual(["budget_soft_team_daily"]);
  });

  it("keeps the team's limit across its members and keys", async () => {
    const budgets = new BudgetService(open(), { perTeam: { monthly: { hard: 1 } } }, () => now);
    const a = identity();
    const b = { ...identity(), team: a.team };
    expect((await budgets.reserve(a, 0.7 * EURO)).ok).toBe(true);
    expect(await budgets.reserve(b, 0.7 * EURO)).toMatchObject({ ok: false, scope: "team" });
  });

  it("overshoots a hard limit by no more than the requests in flight, from two instances", async () => {
    // In-process counters serve one instance: its two services share them. Redis: two clients.
    const shared = name === "memory" ? open() : undefined;
    const instances = [0, 1].map(
      () => new BudgetService(shared ?? open(), { perTeam: { daily: { hard: 10 } } }, () => now),
    );
    const who = identity();
    // 40 concurrent requests that each may cost up to 0.75 and really cost 0.5 to 1.0.
    const results = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const budgets = instances[i % 2]!;
        const r = await budgets.reserve(who, 0.75 * EURO);
        if (!r.ok) return 0;
        const actual = (0.5 + (i % 6) * 0.1) * EURO;
        await budgets.settle(r, actual);
        return actual;
      }),
    );
    const accepted = results.filter((c) => c > 0).length;
    const spent = results.reduce((a, b) => a + b, 0);
    expect(accepted).toBeGreaterThanOrEqual(13);
    // Reservations alone can never pass the limit; only costs above the estimate can, and at
    // most by what was in flight at once (here: every accepted request, 0.25 each over).
    expect(spent).toBeLessThanOrEqual(10 * EURO + accepted * 0.25 * EURO);
  });
});

describe.each(backends)("rate limits on %s counters", (_name, open) => {
  it("refuses past requests per minute with a retry time, and lets them through later", async () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(open(), { requestsPerMinute: 2 }, () => now);
    const who = identity();
    expect(await limiter.check(who, 10)).toEqual({ allowed: true });
    expect(await limiter.check(who, 10)).toEqual({ allowed: true });
    expect(await limiter.check(who, 10)).toEqual({ allowed: false, code: "rate_limited", retryAfterSeconds: 30 });
    now += 30_000;
    expect(await limiter.check(who, 10)).toEqual({ allowed: true });
  });

  it("charges the real tokens after the answer", async () => {
    const now = 1_000_000;
    const limiter = new RateLimiter(open(), { tokensPerMinute: 1000 }, () => now);
    const who = identity();
    expect((await limiter.check(who, 100)).allowed).toBe(true);
    await limiter.chargeTokens(who, 1600, 100);
    // 1600 used of 1000 per minute: 600 in debt, so the next 100-token request waits 42 s.
    expect(await limiter.check(who, 100)).toEqual({ allowed: false, code: "rate_limited", retryAfterSeconds: 42 });
  });

  it("does nothing without limits", async () => {
    const limiter = new RateLimiter(open(), {});
    expect(limiter.enabled).toBe(false);
    expect(await limiter.check(identity(), 1e9)).toEqual({ allowed: true });
  });
});
