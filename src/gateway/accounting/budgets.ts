import type { CounterLine, Counters } from "../../store/counters/types.js";
import type { Identity } from "./identity.js";
import { MICROS_PER_EURO, toMicros } from "./pricing.js";
import { type BudgetWindow, dayWindow, monthWindow } from "./windows.js";

/** Limits in euros, as `budgets` in poortwachter.yaml declares them. */
export interface WindowLimit {
  /** Above this: the request goes ahead with a warning (header and audit). */
  soft?: number | undefined;
  /** A request that could pass this is refused. */
  hard?: number | undefined;
}

export interface PeriodLimits {
  daily?: WindowLimit | undefined;
  monthly?: WindowLimit | undefined;
}

export interface BudgetRules {
  perKey?: PeriodLimits | undefined;
  perUser?: PeriodLimits | undefined;
  perTeam?: PeriodLimits | undefined;
}

export type BudgetScope = "key" | "user" | "team";
export type BudgetPeriod = "daily" | "monthly";

export interface BudgetWarning {
  scope: BudgetScope;
  period: BudgetPeriod;
  /** Spend in the window including this request's reservation, euros. */
  spentEur: number;
  softEur: number;
}

export interface BudgetReservation {
  ok: true;
  /** What was reserved, micro-euros. */
  reservedMicros: number;
  warnings: BudgetWarning[];
  /** Internal: the counters to settle. */
  readonly lines: readonly CounterLine[];
}

export interface BudgetRefusal {
  ok: false;
  code: "budget_exceeded";
  scope: BudgetScope;
  period: BudgetPeriod;
  spentEur: number;
  hardEur: number;
  /** Seconds until the window resets (end of the day or month in Europe/Amsterdam). */
  retryAfterSeconds: number;
}

interface Slot {
  scope: BudgetScope;
  period: BudgetPeriod;
  limit: WindowLimit | undefined;
  line: CounterLine;
}

const SCOPE_RULE = { key: "perKey", user: "perUser", team: "perTeam" } as const;

/**
 * Limits for one key, user or team that replace the configured defaults of their scope (the web
 * app's budget page); undefined where the defaults hold. Called on every request, so it must be a
 * synchronous lookup in memory.
 */
export type BudgetOverrides = (scope: BudgetScope, owner: string) => PeriodLimits | undefined;

/**
 * Daily and monthly budgets per key, user and team. Every request reserves its estimated maximum
 * cost on all its counters in one atomic step before it goes upstream, and settles with the real
 * cost afterwards; concurrent requests therefore overshoot a hard limit by at most what is in
 * flight. Spend is counted even where no limit is set, so a limit added mid-month starts from
 * the real spend.
 */
export class BudgetService {
  private overrides: BudgetOverrides | undefined;

  constructor(
    private readonly counters: Counters,
    private readonly rules: BudgetRules = {},
    private readonly clock: () => number = Date.now,
  ) {}

  /** Per-owner limits on top of the configured rules; the next request uses them. */
  setOverrides(overrides: BudgetOverrides | undefined): void {
    this.overrides = overrides;
  }

  async reserve(identity: Identity, estimateMicros: number): Promise<BudgetReservation | BudgetRefusal> {
    const now = new Date(this.clock());
    const slots = this.slots(identity, now);
    const lines = slots.map((s) => s.line);
    const amount = Math.max(0, Math.ceil(estimateMicros));
    const outcome = await this.counters.reserve(lines, amount);
    if (!outcome.ok) {
      const slot = slots[outcome.index]!;
      return {
        ok: false,
        code: "budget_exceeded",
        scope: slot.scope,
        period: slot.period,
        spentEur: outcome.current / MICROS_PER_EURO,
        hardEur: (slot.line.limit ?? 0) / MICROS_PER_EURO,
        retryAfterSeconds: Math.max(1, Math.ceil((slot.line.expiresAt.getTime() - now.getTime()) / 1000)),
      };
    }
    const warnings: BudgetWarning[] = [];
    slots.forEach((slot, i) => {
      const soft = slot.limit?.soft;
      const total = outcome.totals[i]!;
      if (soft !== undefined && total > toMicros(soft)) {
        warnings.push({ scope: slot.scope, period: slot.period, spentEur: total / MICROS_PER_EURO, softEur: soft });
      }
    });
    return { ok: true, reservedMicros: amount, warnings, lines };
  }

  /** Replaces the reservation by the real cost. */
  async settle(reservation: BudgetReservation, actualMicros: number): Promise<void> {
    await this.counters.settle(reservation.lines, reservation.reservedMicros, Math.max(0, Math.round(actualMicros)));
  }

  /** The request failed before it cost anything: give the whole reservation back. */
  async release(reservation: BudgetReservation): Promise<void> {
    await this.counters.settle(reservation.lines, reservation.reservedMicros, 0);
  }

  /** Spend (with reservations in flight) and limits per scope and period, for the admin API. */
  async status(
    identity: Identity,
  ): Promise<{ scope: BudgetScope; period: BudgetPeriod; spentEur: number; softEur?: number; hardEur?: number }[]> {
    const slots = this.slots(identity, new Date(this.clock()));
    const values = await this.counters.read(slots.map((s) => s.line));
    return slots.map((slot, i) => ({
      scope: slot.scope,
      period: slot.period,
      spentEur: values[i]! / MICROS_PER_EURO,
      ...(slot.limit?.soft !== undefined ? { softEur: slot.limit.soft } : {}),
      ...(slot.limit?.hard !== undefined ? { hardEur: slot.limit.hard } : {}),
    }));
  }

  private slots(identity: Identity, now: Date): Slot[] {
    const windows: [BudgetPeriod, BudgetWindow][] = [
      ["daily", dayWindow(now)],
      ["monthly", monthWindow(now)],
    ];
    const owners: [BudgetScope, string][] = [
      ["key", identity.keyId],
      ["user", identity.user],
    ];
    if (identity.team !== null) owners.push(["team", identity.team]);
    const slots: Slot[] = [];
    for (const [scope, owner] of owners) {
      const own = this.overrides?.(scope, owner);
      for (const [period, window] of windows) {
        const limit = own?.[period] ?? this.rules[SCOPE_RULE[scope]]?.[period];
        slots.push({
          scope,
          period,
          limit,
          line: {
            key: `budget:${scope}:${owner}:${window.kind === "day" ? "d" : "m"}:${window.id}`,
            limit: limit?.hard === undefined ? null : toMicros(limit.hard),
            expiresAt: window.end,
          },
        });
      }
    }
    return slots;
  }
}

/** `X-Poortwachter-Budget-Warning` value, e.g. `team-daily, user-monthly`; undefined without warnings. */
export function budgetWarningHeader(warnings: readonly BudgetWarning[]): string | undefined {
  return warnings.length === 0 ? undefined : warnings.map((w) => `${w.scope}-${w.period}`).join(", ");
}

/** Audit reason codes for soft-limit warnings, e.g. `budget_soft_team_daily`. */
export function budgetWarningReasons(warnings: readonly BudgetWarning[]): string[] {
  return warnings.map((w) => `budget_soft_${w.scope}_${w.period}`);
}
