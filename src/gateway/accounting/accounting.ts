import type { Kysely } from "kysely";
import { createCounters } from "../../store/counters/index.js";
import type { Counters } from "../../store/counters/types.js";
import type { AuditFilter, DayRange, GatewayAuditRepository } from "../../store/repositories/gateway-audit.js";
import { createGatewayRepositories } from "../../store/repositories/gateway-repositories.js";
import type { Database } from "../../store/schema.js";
import { auditToCsv, auditToJson } from "./audit-export.js";
import { AuditWriter, type AuditWriterOptions } from "./audit-writer.js";
import { type BudgetRules, BudgetService } from "./budgets.js";
import { IdentityService, type IdentityServiceOptions } from "./identity.js";
import { PriceBook, type PricingSettings } from "./pricing.js";
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

  /** Writes the queued audit records, then closes counters this object created. */
  async close(): Promise<void> {
    await this.audit.close();
    if (this.ownsCounters) await this.counters.close();
  }
}
