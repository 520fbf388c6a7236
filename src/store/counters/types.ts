/**
 * Counters for budgets and rate limits, behind one interface with two backends: in-process (one
 * instance, spend persisted to the database) and Redis (shared by every instance). All amounts are
 * integers (micro-units of money, or tokens); the callers decide what a counter means.
 */

/** One budget counter touched by a reservation, e.g. the team's spend this month. */
export interface CounterLine {
  key: string;
  /** Hard limit: the reservation fails when the counter would exceed it. `null`: no limit. */
  limit: number | null;
  /** End of the counter's window (the counter is dropped afterwards). */
  expiresAt: Date;
}

export type ReserveOutcome =
  /** `totals[i]`: the counter of `lines[i]` after adding the reservation. */
  | { ok: true; totals: number[] }
  /** Nothing was added; `lines[index]` would have gone past its limit from `current`. */
  | { ok: false; index: number; current: number };

/** A token bucket: `capacity` tokens, refilled continuously at `refillPerMs`. */
export interface BucketSpec {
  key: string;
  capacity: number;
  refillPerMs: number;
  /** Tokens this request takes (1 for a request counter, the token estimate for a token counter). */
  cost: number;
}

export interface BucketOutcome {
  allowed: boolean;
  /** When refused: how long until every bucket holds enough again. 0 when allowed. */
  retryAfterMs: number;
}

export interface Counters {
  readonly backend: "memory" | "redis";
  /**
   * Adds `amount` to every line's counter if and only if no line would pass its limit, as one
   * atomic step: concurrent reservations can never jointly overshoot a limit.
   */
  reserve(lines: readonly CounterLine[], amount: number): Promise<ReserveOutcome>;
  /** Replaces a reservation by the real amount (0 releases it entirely). */
  settle(lines: readonly CounterLine[], reserved: number, actual: number): Promise<void>;
  /** Current values (reservations included); 0 for unknown counters. */
  read(lines: readonly CounterLine[]): Promise<number[]>;
  /**
   * Takes `cost` from every bucket if all hold enough (atomically), else takes nothing. With
   * `force` the cost is taken regardless and buckets may go into debt: used to charge tokens that
   * only become known after the answer.
   */
  takeTokens(buckets: readonly BucketSpec[], nowMs: number, force?: boolean): Promise<BucketOutcome>;
  /** Writes settled spend that is still on its way to the database. */
  flush(): Promise<void>;
  /** Writes what is pending, then lets go of connections this object opened. */
  close(): Promise<void>;
}

/** A bucket can never hold more than its capacity, so a larger cost waits for a full bucket. */
export function effectiveCost(bucket: BucketSpec): number {
  return Math.min(bucket.cost, bucket.capacity);
}
