import type { BucketSpec, Counters } from "../../store/counters/types.js";
import type { Identity } from "./identity.js";

/** Per-key limits, as `rateLimits` in poortwachter.yaml declares them. */
export interface RateLimitRules {
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
}

export type RateLimitOutcome = { allowed: true } | { allowed: false; code: "rate_limited"; retryAfterSeconds: number };

const MINUTE_MS = 60_000;

/**
 * Requests and tokens per minute per key, as token buckets: a key may burst up to a minute's
 * allowance and then gets its allowance back continuously. Tokens are charged in two steps: the
 * prompt estimate before the call, the rest once the answer's usage is known (which may leave
 * the bucket in debt, so a huge answer delays the next request instead of going unpaid).
 */
export class RateLimiter {
  constructor(
    private readonly counters: Counters,
    private readonly rules: RateLimitRules = {},
    private readonly clock: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.rules.requestsPerMinute !== undefined || this.rules.tokensPerMinute !== undefined;
  }

  async check(identity: Identity, estimatedTokens: number): Promise<RateLimitOutcome> {
    const buckets: BucketSpec[] = [];
    if (this.rules.requestsPerMinute !== undefined)
      buckets.push(this.bucket("rpm", identity, this.rules.requestsPerMinute, 1));
    if (this.rules.tokensPerMinute !== undefined) {
      buckets.push(this.bucket("tpm", identity, this.rules.tokensPerMinute, Math.max(0, Math.ceil(estimatedTokens))));
    }
    if (buckets.length === 0) return { allowed: true };
    const outcome = await this.counters.takeTokens(buckets, this.clock());
    if (outcome.allowed) return { allowed: true };
    return {
      allowed: false,
      code: "rate_limited",
      retryAfterSeconds: Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)),
    };
  }

  /**
   * After the answer: charge the tokens really used beyond the estimate already taken (negative
   * when the estimate was too high, which gives tokens back).
   */
  async chargeTokens(identity: Identity, actualTokens: number, estimatedTokens: number): Promise<void> {
    const perMinute = this.rules.tokensPerMinute;
    if (perMinute === undefined) return;
    const difference = Math.ceil(actualTokens) - Math.max(0, Math.ceil(estimatedTokens));
    if (difference === 0) return;
    await this.counters.takeTokens([this.bucket("tpm", identity, perMinute, difference)], this.clock(), true);
  }

  private bucket(kind: "rpm" | "tpm", identity: Identity, perMinute: number, cost: number): BucketSpec {
    return { key: `rate:${kind}:${identity.keyId}`, capacity: perMinute, refillPerMs: perMinute / MINUTE_MS, cost };
  }
}
