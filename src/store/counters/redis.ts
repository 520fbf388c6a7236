import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import type { GatewaySpendRepository } from "../repositories/gateway-spend.js";
import { SpendLedger, type SpendLedgerOptions } from "./spend-ledger.js";
import {
  type BucketOutcome,
  type BucketSpec,
  type CounterLine,
  type Counters,
  effectiveCost,
  type ReserveOutcome,
} from "./types.js";

/**
 * Counters shared by every instance through Redis. Each operation is one Lua script, which Redis
 * runs atomically, so two instances reserving at the same moment cannot both pass a limit.
 * Budget counters expire at the end of their window (EXPIREAT), buckets when they would be full.
 *
 * With the store's spend table, the database is the source of truth for budgets: every instance
 * adds what it settles there (write-behind), and a budget counter missing from Redis (flushed,
 * restarted without persistence, failed over) is seeded from it before anything is reserved.
 * What a wipe loses is only the reservations in flight and the last flush interval of settled
 * amounts of other instances.
 */

// KEYS: counters. ARGV: amount, check (0/1), then one limit per key (-1: none), then one expiry
// (unix s) per key. With check, a counter missing from Redis (a new window, or Redis was wiped)
// stops the reservation: {2, indexes...} asks the caller to seed them from the database first.
const RESERVE = `
local amount = tonumber(ARGV[1])
local n = #KEYS
if ARGV[2] == '1' then
  local missing = {2}
  for i = 1, n do
    if redis.call('EXISTS', KEYS[i]) == 0 then table.insert(missing, i) end
  end
  if #missing > 1 then return missing end
end
for i = 1, n do
  local limit = tonumber(ARGV[2 + i])
  if limit >= 0 then
    local current = tonumber(redis.call('GET', KEYS[i]) or '0')
    if current + amount > limit then return {0, i, current} end
  end
end
local totals = {1}
for i = 1, n do
  table.insert(totals, redis.call('INCRBY', KEYS[i], amount))
  redis.call('EXPIREAT', KEYS[i], tonumber(ARGV[2 + n + i]))
end
return totals
`;

// KEYS: counters. ARGV: one value per key, then one expiry per key. Sets only counters that are
// still missing: when two instances seed at once, the first one wins and nothing is counted twice.
const SEED = `
local n = #KEYS
for i = 1, n do
  if redis.call('SET', KEYS[i], ARGV[i], 'NX') then redis.call('EXPIREAT', KEYS[i], tonumber(ARGV[n + i])) end
end
return 1
`;

// KEYS: counters. ARGV: delta, skip-missing (0/1), then one expiry per key. Never lets a counter go
// below 0. With skip-missing a counter that is gone is left alone: the next reservation seeds it
// from the database, which has this settlement too.
const SETTLE = `
local delta = tonumber(ARGV[1])
for i = 1, #KEYS do
  if ARGV[2] ~= '1' or redis.call('EXISTS', KEYS[i]) == 1 then
    local value = redis.call('INCRBY', KEYS[i], delta)
    if value < 0 then redis.call('SET', KEYS[i], 0) end
    redis.call('EXPIREAT', KEYS[i], tonumber(ARGV[2 + i]))
  end
end
return 1
`;

// KEYS: buckets. ARGV: now (ms), force (0/1), then per bucket: capacity, refill per ms, cost.
// Returns {allowed, retry ms}. Token counts are stored as strings: Lua numbers would be truncated.
const TAKE = `
local now = tonumber(ARGV[1])
local force = ARGV[2] == '1'
local n = #KEYS
local tokens = {}
local stamps = {}
local retry = 0
for i = 1, n do
  local capacity = tonumber(ARGV[3 * i])
  local rate = tonumber(ARGV[3 * i + 1])
  local cost = math.min(tonumber(ARGV[3 * i + 2]), capacity)
  local state = redis.call('HMGET', KEYS[i], 't', 'ts')
  local t = tonumber(state[1])
  local ts = tonumber(state[2])
  if t == nil then t = capacity; ts = now end
  if now > ts then t = math.min(capacity, t + (now - ts) * rate) end
  tokens[i] = t
  stamps[i] = ts
  if t < cost then retry = math.max(retry, math.ceil((cost - t) / rate)) end
end
if retry > 0 and not force then return {0, retry} end
for i = 1, n do
  local capacity = tonumber(ARGV[3 * i])
  local rate = tonumber(ARGV[3 * i + 1])
  local cost = tonumber(ARGV[3 * i + 2])
  if not force then cost = math.min(cost, capacity) end
  local left = math.min(capacity, tokens[i] - cost)
  redis.call('HSET', KEYS[i], 't', tostring(left), 'ts', tostring(math.max(now, stamps[i])))
  redis.call('PEXPIRE', KEYS[i], math.ceil((capacity - left) / rate) + 1000)
end
return {1, 0}
`;

const sha1 = (script: string): string => createHash("sha1").update(script).digest("hex");

export interface RedisCountersOptions {
  /** Prepended to every key, e.g. `pw:` in production or a random prefix per test run. */
  prefix?: string;
  /** The store's spend table: settled spend is written there and budget counters are seeded from it. */
  spend?: GatewaySpendRepository | undefined;
  ledger?: SpendLedgerOptions | undefined;
}

export class RedisCounters implements Counters {
  readonly backend = "redis" as const;
  private readonly prefix: string;
  private readonly ledger: SpendLedger | undefined;

  constructor(
    private readonly redis: Redis,
    options: RedisCountersOptions = {},
    private readonly ownsClient = false,
  ) {
    this.prefix = options.prefix ?? "pw:";
    this.ledger = options.spend ? new SpendLedger(options.spend, options.ledger) : undefined;
  }

  /** Connects to `url` (REDIS_URL); the returned counters close the connection on `close()`. */
  static connect(url: string, options: RedisCountersOptions = {}): RedisCounters {
    const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    return new RedisCounters(client, options, true);
  }

  async reserve(lines: readonly CounterLine[], amount: number): Promise<ReserveOutcome> {
    const keys = this.keys(lines);
    const limitsAndExpiries = [...lines.map((l) => l.limit ?? -1), ...lines.map((l) => unixSeconds(l.expiresAt))];
    // Seeding twice is enough unless Redis is being wiped over and over; then reserve on what is there.
    for (let round = 0; ; round++) {
      const check = this.ledger && round < 3 ? 1 : 0;
      const reply = (await this.run(RESERVE, keys, [amount, check, ...limitsAndExpiries])) as number[];
      if (reply[0] === 1) return { ok: true, totals: reply.slice(1).map(Number) };
      if (reply[0] === 0) return { ok: false, index: Number(reply[1]) - 1, current: Number(reply[2]) };
      await this.seed(reply.slice(1).map((i) => lines[Number(i) - 1] as CounterLine));
    }
  }

  async settle(lines: readonly CounterLine[], reserved: number, actual: number): Promise<void> {
    if (lines.length === 0) return;
    this.ledger?.add(lines, actual);
    await this.run(SETTLE, this.keys(lines), [
      actual - reserved,
      this.ledger ? 1 : 0,
      ...lines.map((l) => unixSeconds(l.expiresAt)),
    ]);
  }

  async read(lines: readonly CounterLine[]): Promise<number[]> {
    if (lines.length === 0) return [];
    const values = await this.redis.mget(...this.keys(lines));
    const missing = lines.filter((_, i) => values[i] === null).map((l) => l.key);
    const stored = this.ledger && missing.length > 0 ? await this.ledger.read(missing) : new Map<string, number>();
    return values.map((v, i) => (v === null ? (stored.get(lines[i]?.key ?? "") ?? 0) : Number(v)));
  }

  async takeTokens(buckets: readonly BucketSpec[], nowMs: number, force = false): Promise<BucketOutcome> {
    if (buckets.length === 0) return { allowed: true, retryAfterMs: 0 };
    const args: (string | number)[] = [Math.floor(nowMs), force ? 1 : 0];
    for (const b of buckets) args.push(b.capacity, b.refillPerMs, force ? b.cost : effectiveCost(b));
    const reply = (await this.run(
      TAKE,
      buckets.map((b) => this.prefix + b.key),
      args,
    )) as number[];
    return { allowed: reply[0] === 1, retryAfterMs: Number(reply[1]) };
  }

  /** Writes the settled spend still pending to the database. */
  async flush(): Promise<void> {
    await this.ledger?.flush();
  }

  async close(): Promise<void> {
    await this.ledger?.close();
    if (this.ownsClient) await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Sets missing counters to the settled spend in the database (plus this instance's unwritten). */
  private async seed(lines: readonly CounterLine[]): Promise<void> {
    const ledger = this.ledger as SpendLedger;
    const stored = await ledger.read(lines.map((l) => l.key));
    await this.run(SEED, this.keys(lines), [
      ...lines.map((l) => stored.get(l.key) ?? 0),
      ...lines.map((l) => unixSeconds(l.expiresAt)),
    ]);
  }

  private keys(lines: readonly CounterLine[]): string[] {
    return lines.map((l) => this.prefix + l.key);
  }

  /** EVALSHA first (the script body is sent only when Redis does not know it yet). */
  private async run(script: string, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(sha1(script), keys.length, ...keys, ...args);
    } catch (err) {
      if (err instanceof Error && err.message.includes("NOSCRIPT")) {
        return this.redis.eval(script, keys.length, ...keys, ...args);
      }
      throw err;
    }
  }
}

function unixSeconds(date: Date): number {
  return Math.ceil(date.getTime() / 1000);
}
