import type { Kysely } from "kysely";
import { createCounters } from "../../store/counters/index.js";
import type { Counters } from "../../store/counters/types.js";
import type { AuditFilter, DayRange, GatewayAuditRepository } from "../../store/repositories/gateway-audit.js";
import { createGatewayRepositories } from "../../store/repositories/gateway-repositories.js";
import type { Database } from "../../store/schema.js";
import { auditToCsv, auditToJson } from "./audit-export.js";
import { AuditWriter, type AuditWriterOptions } from "./audit-writer.js";
import {
  type BudgetRefusal,
  type BudgetRules,
  BudgetService,
  type BudgetWarning,
  budgetWarningHeader,
  budgetWarningReasons,
} from "./budgets.js";
import { type Identity, IdentityService, type IdentityServiceOptions } from "./identity.js";
import { type Cost, type CostEstimate, PriceBook, type PricingSettings, type TokenUsage } from "./pricing.js";
import { RateLimiter, type RateLimitRules } from "./rate-limits.js";
import { amsterdamDay } from "./windows.js";

export interface AccountingOptions {
  /** The store's handle (`store.db`). */
  db: Kysely<Database>;
  /** REDIS_URL: budgets and rate limits shared across instances. */
  redisUrl?: string | undefined;
  redisPrefix?: string | undefined;
  /** Counters to use instead of creating them (tests, or a shared Redis client). */
  counters?: Counters | undefined;
  budgets?: BudgetRules | undefined;
  rateLimits?: RateLimitRules | undefined;
  pricing?: PricingSettings | undefined;
  identity?: IdentityServiceOptions | undefined;
  audit?: AuditWriterOptions | undefined;
  clock?: () => number;
}

export type AuditExportFormat = "csv" | "json";

export interface AdmitInput {
  /** The model that will really be called (after any rerouting): its price is reserved. */
  model: string;
  /** Characters of everything sent as prompt. */
  promptChars: number;
  maxOutputTokens?: number | undefined;
}

export interface Admission {
  ok: true;
  estimate: CostEstimate;
  warnings: BudgetWarning[];
  /** Response headers to add, e.g. `X-Poortwachter-Budget-Warning`. */
  headers: Record<string, string>;
  /** Codes for the audit record: soft-limit warnings, `price_unknown`. */
  reasons: string[];
  /** After the answer: settles the budget with the real cost and charges the real tokens. */
  finish(usage: TokenUsage): Promise<Cost>;
  /** The request failed before it cost anything: releases the reservation. */
  abort(): Promise<void>;
}

export interface AdmissionRefusal {
  ok: false;
  code: "rate_limited" | "budget_exceeded";
  /** 429 in both protocols, with Retry-After. */
  status: 429;
  retryAfterSeconds: number;
  headers: Record<string, string>;
  message: { nl: string; en: string };
}

const SCOPE_TEXT = {
  key: { nl: "deze sleutel", en: "this key" },
  user: { nl: "jouw account", en: "your account" },
  team: { nl: "je team", en: "your team" },
} as const;

function budgetMessage(refusal: BudgetRefusal): { nl: string; en: string } {
  const euro = (n: number) => `€ ${n.toFixed(2)}`;
  const scope = SCOPE_TEXT[refusal.scope];
  const nlPeriod = refusal.period === "daily" ? "dagbudget" : "maandbudget";
  const enPeriod = refusal.period === "daily" ? "daily" : "monthly";
  return {
    nl: `Het ${nlPeriod} van ${scope.nl} is bereikt (${euro(refusal.spentEur)} van ${euro(refusal.hardEur)}). Probeer het na de reset opnieuw of vraag de beheerder om een hoger budget.`,
    en: `The ${enPeriod} budget of ${scope.en} is reached (${euro(refusal.spentEur)} of ${euro(refusal.hardEur)}). Try again after the reset or ask the administrator for a higher budget.`,
  };
}

/** Reading the audit log: filters, exports and the dashboard's aggregates. */
export class AuditLog {
  constructor(private readonly repo: GatewayAuditRepository) {}

  query(filter: AuditFilter = {}) {
    return this.repo.query(filter);
  }

  async export(format: AuditExportFormat, filter: AuditFilter = {}): Promise<string> {
    const records = await this.repo.query({ limit: 100_000, ...filter });
    return format === "csv" ? auditToCsv(records) : auditToJson(records);
  }

  requestsPerDay(range: DayRange = {}) {
    return this.repo.requestsPerDay(range);
  }

  entitiesPerType(range: DayRange = {}) {
    return this.repo.entitiesPerType(range);
  }

  spendPerDay(range: DayRange = {}) {
    return this.repo.spendPerDay(range);
  }
}

/**
 * The accounting layer the HTTP gateway calls for every request: who is calling (identity), may
 * they (rate limits, budgets), what did it cost (prices) and what happened (audit).
 */
export class Accounting {
  readonly identity: IdentityService;
  readonly budgets: BudgetService;
  readonly rateLimits: RateLimiter;
  readonly prices: PriceBook;
  readonly audit: AuditWriter;
  readonly auditLog: AuditLog;
  readonly counters: Counters;
  private readonly ownsCounters: boolean;

  constructor(options: AccountingOptions) {
    const clock = options.clock ?? Date.now;
    const repos = createGatewayRepositories(options.db, { auditDayOf: amsterdamDay });
    this.ownsCounters = options.counters === undefined;
    this.counters =
      options.counters ??
      createCounters({ redisUrl: options.redisUrl, db: options.db, redisPrefix: options.redisPrefix });
    this.identity = new IdentityService(repos.identity, { clock, ...options.identity });
    this.budgets = new BudgetService(this.counters, options.budgets, clock);
    this.rateLimits = new RateLimiter(this.counters, options.rateLimits, clock);
    this.prices = new PriceBook(options.pricing);
    this.audit = new AuditWriter(repos.audit, options.audit);
    this.auditLog = new AuditLog(repos.audit);
  }

  /**
   * Everything before the upstream call: rate limits, then the budget reservation of the
   * request's maximum cost. Exactly one of `finish()` or `abort()` must follow an admission.
   */
  async admit(identity: Identity, input: AdmitInput): Promise<Admission | AdmissionRefusal> {
    const estimate = this.prices.estimateMaxCost(input);
    const rate = await this.rateLimits.check(identity, estimate.inputTokens);
    if (!rate.allowed) {
      const seconds = rate.retryAfterSeconds;
      return {
        ok: false,
        code: "rate_limited",
        status: 429,
        retryAfterSeconds: seconds,
        headers: { "retry-after": String(seconds) },
        message: {
          nl: `Te veel verzoeken per minuut met deze sleutel; probeer het over ${seconds} s opnieuw.`,
          en: `Too many requests per minute with this key; try again in ${seconds} s.`,
        },
      };
    }
    const reservation = await this.budgets.reserve(identity, estimate.micros);
    if (!reservation.ok) {
      return {
        ok: false,
        code: "budget_exceeded",
        status: 429,
        retryAfterSeconds: reservation.retryAfterSeconds,
        headers: { "retry-after": String(reservation.retryAfterSeconds) },
        message: budgetMessage(reservation),
      };
    }
    const warning = budgetWarningHeader(reservation.warnings);
    let done = false;
    return {
      ok: true,
      estimate,
      warnings: reservation.warnings,
      headers: warning ? { "x-poortwachter-budget-warning": warning } : {},
      reasons: [...budgetWarningReasons(reservation.warnings), ...(estimate.priced ? [] : ["price_unknown"])],
      finish: async (usage) => {
        const cost = this.prices.cost(input.model, usage);
        if (done) return cost;
        done = true;
        await Promise.all([
          this.budgets.settle(reservation, cost.micros),
          this.rateLimits.chargeTokens(identity, usage.inputTokens + usage.outputTokens, estimate.inputTokens),
        ]);
        return cost;
      },
      abort: async () => {
        if (done) return;
        done = true;
        await this.budgets.release(reservation);
      },
    };
  }

  /** Writes the queued audit records, then closes counters this object created. */
  async close(): Promise<void> {
    await this.audit.close();
    if (this.ownsCounters) await this.counters.close();
  }
}
