import type { Kysely } from "kysely";
import { GatewaySpendRepository } from "../repositories/gateway-spend.js";
import type { Database } from "../schema.js";
import { MemoryCounters } from "./memory.js";
import { RedisCounters } from "./redis.js";
import type { Counters } from "./types.js";

export { MemoryCounters } from "./memory.js";
export { RedisCounters, type RedisCountersOptions } from "./redis.js";
export { SpendLedger, type SpendLedgerOptions } from "./spend-ledger.js";
export type { BucketOutcome, BucketSpec, CounterLine, Counters, ReserveOutcome } from "./types.js";

export interface CountersOptions {
  /** REDIS_URL: counters shared by every instance. Absent: in-process counters. */
  redisUrl?: string | undefined;
  /** The store's handle; the in-process backend persists settled spend in it. */
  db?: Kysely<Database> | undefined;
  redisPrefix?: string | undefined;
}

/**
 * Redis when a URL is given (scale-out), otherwise in-process counters. Both write settled spend
 * to the database (the source of truth for budgets) and read it back when a counter is new.
 */
export function createCounters(options: CountersOptions): Counters {
  const spend = options.db ? new GatewaySpendRepository(options.db) : undefined;
  if (options.redisUrl) return RedisCounters.connect(options.redisUrl, { prefix: options.redisPrefix ?? "pw:", spend });
  return new MemoryCounters(spend);
}
