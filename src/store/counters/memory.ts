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

interface Counter {
  value: number;
  expiresAtMs: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Counters of a single instance. Check-and-add runs synchronously after the counters are loaded,
 * so the event loop makes it atomic. Settled amounts are written to the database write-behind
 * (SpendLedger: batched, and all of them on `close()`; reservations are not written: after a
 * restart nothing is in flight), and read back the first time a counter is used.
 */
export class MemoryCounters implements Counters {
  readonly backend = "memory" as const;
  private readonly counters = new Map<string, Counter>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly buckets = new Map<string, Bucket>();
  private operations = 0;
  private readonly spend: SpendLedger | undefined;

  constructor(
    spend: GatewaySpendRepository | undefined,
    private readonly clock: () => number = Date.now,
    ledger: Omit<SpendLedgerOptions, "clock"> = {},
  ) {
    this.spend = spend ? new SpendLedger(spend, { ...ledger, clock }) : undefined;
  }

  async reserve(lines: readonly CounterLine[], amount: number): Promise<ReserveOutcome> {
    await this.load(lines);
    const counters = lines.map((line) => this.counter(line));
    for (const [index, line] of lines.entries()) {
      const current = counters[index]!.value;
      if (line.limit !== null && current + amount > line.limit) return { ok: false, index, current };
    }
    for (const counter of counters) counter.value += amount;
    return { ok: true, totals: counters.map((c) => c.value) };
  }

  async settle(lines: readonly CounterLine[], reserved: number, actual: number): Promise<void> {
    await this.load(lines);
    for (const line of lines) {
      const counter = this.counter(line);
      counter.value = Math.max(0, counter.value + actual - reserved);
    }
    this.spend?.add(lines, actual);
  }

  async read(lines: readonly CounterLine[]): Promise<number[]> {
    await this.load(lines);
    return lines.map((line) => this.counter(line).value);
  }

  async takeTokens(buckets: readonly BucketSpec[], nowMs: number, force = false): Promise<BucketOutcome> {
    const states = buckets.map((spec) => this.refill(spec, nowMs));
    let retryAfterMs = 0;
    for (const [index, spec] of buckets.entries()) {
      const missing = effectiveCost(spec) - states[index]!.tokens;
      if (missing > 0) retryAfterMs = Math.max(retryAfterMs, Math.ceil(missing / spec.refillPerMs));
    }
    if (retryAfterMs > 0 && !force) return { allowed: false, retryAfterMs };
    for (const [index, spec] of buckets.entries()) {
      const state = states[index]!;
      // A negative forced cost refunds an overestimate, but never beyond a full bucket.
      state.tokens = Math.min(spec.capacity, state.tokens - (force ? spec.cost : effectiveCost(spec)));
    }
    return { allowed: true, retryAfterMs: 0 };
  }

  /** Writes the settled spend still pending. */
  async flush(): Promise<void> {
    await this.spend?.flush();
  }

  async close(): Promise<void> {
    await this.spend?.close();
    this.counters.clear();
    this.buckets.clear();
  }

  private refill(spec: BucketSpec, nowMs: number): Bucket {
    let bucket = this.buckets.get(spec.key);
    if (!bucket) {
      bucket = { tokens: spec.capacity, updatedMs: nowMs };
      this.buckets.set(spec.key, bucket);
    }
    const elapsed = Math.max(0, nowMs - bucket.updatedMs);
    bucket.tokens = Math.min(spec.capacity, bucket.tokens + elapsed * spec.refillPerMs);
    bucket.updatedMs = Math.max(bucket.updatedMs, nowMs);
    return bucket;
  }

  private counter(line: CounterLine): Counter {
    const counter = this.counters.get(line.key);
    if (counter) return counter;
    // Only reachable when the window ended between load() and here: start the new window at 0.
    const fresh = { value: 0, expiresAtMs: line.expiresAt.getTime() };
    this.counters.set(line.key, fresh);
    return fresh;
  }

  /** Makes sure every line's counter is in memory, reading each from the database at most once. */
  private async load(lines: readonly CounterLine[]): Promise<void> {
    this.sweep();
    const pending: Promise<void>[] = [];
    for (const line of lines) {
      if (this.counters.has(line.key)) continue;
      let promise = this.loading.get(line.key);
      if (!promise) {
        promise = this.loadOne(line).finally(() => this.loading.delete(line.key));
        this.loading.set(line.key, promise);
      }
      pending.push(promise);
    }
    if (pending.length > 0) await Promise.all(pending);
  }

  private async loadOne(line: CounterLine): Promise<void> {
    const stored = this.spend ? await this.spend.read([line.key]) : new Map<string, number>();
    if (this.counters.has(line.key)) return;
    this.counters.set(line.key, { value: stored.get(line.key) ?? 0, expiresAtMs: line.expiresAt.getTime() });
  }

  /** Drops counters and idle buckets of past windows now and then, so memory stays bounded. */
  private sweep(): void {
    this.operations += 1;
    if (this.operations % 1000 !== 0) return;
    const now = this.clock();
    for (const [key, counter] of this.counters) if (counter.expiresAtMs <= now) this.counters.delete(key);
    for (const [key, bucket] of this.buckets) if (now - bucket.updatedMs > 3_600_000) this.buckets.delete(key);
    // Rows of past windows are never read again; failing to delete them now only delays it.
    this.spend?.purgeExpired().catch(() => {});
  }
}
