/**
 * Settings an administrator changes in the web app without a restart: per-team policy rules,
 * budgets per team/user/key, the customer list, and retention periods. They live in the store's
 * settings table; this service keeps a parsed copy in memory and pushes every change into the
 * running gateway (policy, detector, budget limits), so the request path only reads fields.
 *
 * Several instances on one database: each re-reads the rows on a timer and re-applies what changed.
 */
import { SecretBox } from "../accounts/secret-box.js";
import type { PoortwachterConfig } from "../config/index.js";
import { CustomerDictionary, Detector, type DictionaryEntry, type EntityType } from "../detect/index.js";
import type { BudgetOverrides, BudgetScope, PeriodLimits } from "../gateway/accounting/budgets.js";
import type { PolicyRules, PolicySettings } from "../policy/index.js";
import type { Store } from "../store/index.js";
import { GatewayAuditRepository } from "../store/repositories/gateway-audit.js";
import { RuntimeSettingsRepository, type StoredSetting } from "../store/repositories/runtime-settings.js";
import {
  auditRetentionDays,
  type BudgetEntry,
  budgetEntriesSchema,
  DEFAULT_AUDIT_RETENTION_DAYS,
  DEFAULT_CHAT_RETENTION_DAYS,
  dictionaryEntriesSchema,
  dictionaryRowSchema,
  retentionDays,
  SETTING_KEYS,
  type StoredDictionary,
  type TeamPolicy,
  teamPoliciesSchema,
} from "./schemas.js";

/** The parts of the gateway the settings change; structural so this module does not import the gateway. */
export interface RuntimeTargets {
  gateway?:
    | {
        setPolicy(policy: PolicySettings): void;
        /** The spec (the list's entries) lets detection workers rebuild the same detector. */
        setDetector(detector: Detector, spec?: { dictionary: readonly DictionaryEntry[] }): void;
      }
    | undefined;
  budgets?: { setOverrides(overrides: BudgetOverrides | undefined): void } | undefined;
}

export interface RuntimeSettingsOptions {
  store: Store;
  config: PoortwachterConfig;
  targets?: RuntimeTargets | undefined;
  clock?: (() => number) | undefined;
  /**
   * The instance's vault key: the customer list is stored sealed under a key derived from it, so a
   * copy of the database alone does not hold the customer names. Without it, the list is stored as is.
   */
  sealKey?: Buffer | undefined;
}

export interface DictionaryInfo {
  entries: number;
  byType: Partial<Record<EntityType, number>>;
  fileName: string | null;
  updatedAt: string | null;
}

export interface Retention {
  chatDays: number;
  auditDays: number;
}

const ALL_KEYS = Object.values(SETTING_KEYS);
const REFRESH_MS = 30_000;
const PURGE_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;

function parseStored<T>(row: StoredSetting | undefined, parse: (value: unknown) => T, fallback: T): T {
  if (!row) return fallback;
  try {
    return parse(JSON.parse(row.value));
  } catch {
    // A row that no longer validates must not take the gateway down: the configured defaults hold.
    return fallback;
  }
}

/** The configured policy with the stored team rules on top (stored fields win, per team). */
export function mergeTeamPolicies(base: PolicySettings, stored: Record<string, TeamPolicy>): PolicySettings {
  const teams: Record<string, Partial<PolicyRules>> = { ...base.teams };
  for (const [team, rules] of Object.entries(stored)) {
    const defined = Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined));
    teams[team] = { ...(base.teams[team] ?? {}), ...defined };
  }
  return { ...base, teams };
}

function entryLimits(entry: BudgetEntry): PeriodLimits {
  return {
    ...(entry.daily ? { daily: entry.daily } : {}),
    ...(entry.monthly ? { monthly: entry.monthly } : {}),
  };
}

export class RuntimeSettings {
  private readonly repo: RuntimeSettingsRepository;
  private readonly audit: GatewayAuditRepository;
  private readonly clock: () => number;
  private readonly seen = new Map<string, string>();
  private teams: Record<string, TeamPolicy> = {};
  private budgetEntries: BudgetEntry[] = [];
  private dictionary: StoredDictionary = { entries: [], fileName: null };
  private dictionaryUpdatedAt: string | null = null;
  private dictionaryApplied = false;
  private retentionDays: Retention = { chatDays: DEFAULT_CHAT_RETENTION_DAYS, auditDays: DEFAULT_AUDIT_RETENTION_DAYS };
  private timers: NodeJS.Timeout[] = [];
  private purging: Promise<number> | undefined;
  private readonly box: SecretBox | undefined;

  constructor(private readonly options: RuntimeSettingsOptions) {
    this.box = options.sealKey ? new SecretBox(options.sealKey, "customer list") : undefined;
    this.repo = new RuntimeSettingsRepository(options.store.db);
    this.audit = new GatewayAuditRepository(options.store.db);
    this.clock = options.clock ?? Date.now;
  }

  /** Reads every setting and applies all of them. */
  async load(): Promise<void> {
    this.seen.clear();
    await this.refresh();
  }

  /** Re-reads the rows and applies the ones whose change time differs from what was applied. */
  async refresh(): Promise<void> {
    const rows = await this.repo.read(ALL_KEYS);
    const changed = (key: string) => {
      const stamp = rows.get(key)?.updatedAt ?? "";
      if (this.seen.has(key) && this.seen.get(key) === stamp) return false;
      this.seen.set(key, stamp);
      return true;
    };
    if (changed(SETTING_KEYS.teamPolicy)) {
      this.teams = parseStored(rows.get(SETTING_KEYS.teamPolicy), (v) => teamPoliciesSchema.parse(v), {});
      this.applyPolicy();
    }
    if (changed(SETTING_KEYS.budgets)) {
      this.budgetEntries = parseStored(rows.get(SETTING_KEYS.budgets), (v) => budgetEntriesSchema.parse(v), []);
      this.applyBudgets();
    }
    if (changed(SETTING_KEYS.dictionary)) {
      const row = rows.get(SETTING_KEYS.dictionary);
      this.dictionary = parseStored(row, (v) => this.openDictionary(v), { entries: [], fileName: null });
      this.dictionaryUpdatedAt = row && this.dictionary.entries.length > 0 ? row.updatedAt : null;
      this.applyDictionary();
    }
    this.retentionDays = {
      chatDays: parseStored(
        rows.get(SETTING_KEYS.chatRetentionDays),
        (v) => retentionDays.parse(v),
        DEFAULT_CHAT_RETENTION_DAYS,
      ),
      auditDays: parseStored(
        rows.get(SETTING_KEYS.auditRetentionDays),
        (v) => auditRetentionDays.parse(v),
        DEFAULT_AUDIT_RETENTION_DAYS,
      ),
    };
  }

  /** Refreshes on a timer (other instances' changes) and purges old audit rows every hour. */
  start(): void {
    if (this.timers.length > 0) return;
    const refresh = setInterval(() => void this.refresh().catch(() => {}), REFRESH_MS);
    const purge = setInterval(() => void this.purgeAudit().catch(() => {}), PURGE_MS);
    refresh.unref();
    purge.unref();
    this.timers = [refresh, purge];
    void this.purgeAudit().catch(() => {});
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.purging?.catch(() => 0);
  }

  // --- policy -------------------------------------------------------------------------------

  get basePolicy(): PolicySettings {
    return this.options.config.policy as PolicySettings;
  }

  /** The team rules set in the web app (not those of poortwachter.yaml). */
  teamPolicies(): Record<string, TeamPolicy> {
    return structuredClone(this.teams);
  }

  effectivePolicy(): PolicySettings {
    return mergeTeamPolicies(this.basePolicy, this.teams);
  }

  /** Sets (or with `null` removes) the stored rules of one team. */
  async setTeamPolicy(team: string, rules: TeamPolicy | null): Promise<void> {
    const next = { ...this.teams };
    if (rules === null || Object.values(rules).every((v) => v === undefined)) delete next[team];
    else next[team] = rules;
    await this.write(SETTING_KEYS.teamPolicy, next);
    this.teams = next;
    this.applyPolicy();
  }

  // --- budgets ------------------------------------------------------------------------------

  budgets(): BudgetEntry[] {
    return structuredClone(this.budgetEntries);
  }

  /** Adds or replaces the limits of one team, user or key. */
  async setBudget(entry: BudgetEntry): Promise<void> {
    const next = this.budgetEntries.filter((e) => !(e.scope === entry.scope && e.owner === entry.owner));
    next.push(entry);
    next.sort((a, b) => a.scope.localeCompare(b.scope) || a.owner.localeCompare(b.owner));
    await this.write(SETTING_KEYS.budgets, next);
    this.budgetEntries = next;
    this.applyBudgets();
  }

  /** True when there was an entry to remove. */
  async removeBudget(scope: BudgetScope, owner: string): Promise<boolean> {
    const next = this.budgetEntries.filter((e) => !(e.scope === scope && e.owner === owner));
    if (next.length === this.budgetEntries.length) return false;
    await this.write(SETTING_KEYS.budgets, next);
    this.budgetEntries = next;
    this.applyBudgets();
    return true;
  }

  // --- customer list ------------------------------------------------------------------------

  dictionaryInfo(): DictionaryInfo {
    const byType: Partial<Record<EntityType, number>> = {};
    for (const entry of this.dictionary.entries) {
      const type = entry.type ?? "UNTYPED";
      byType[type as EntityType] = (byType[type as EntityType] ?? 0) + 1;
    }
    return {
      entries: this.dictionary.entries.length,
      byType,
      fileName: this.dictionary.fileName,
      updatedAt: this.dictionaryUpdatedAt,
    };
  }

  /** Replaces the customer list; the gateway scans the next request with it. */
  async setDictionary(entries: readonly DictionaryEntry[], fileName: string | null): Promise<void> {
    const value: StoredDictionary = {
      entries: dictionaryEntriesSchema.parse(entries.map((e) => ({ ...e }))),
      fileName,
    };
    const row = this.box ? { sealed: this.box.seal(JSON.stringify(value.entries)), fileName } : value;
    const stamp = await this.write(SETTING_KEYS.dictionary, row);
    this.dictionary = value;
    this.dictionaryUpdatedAt = stamp;
    this.applyDictionary();
  }

  async clearDictionary(): Promise<void> {
    await this.repo.remove(SETTING_KEYS.dictionary);
    this.seen.set(SETTING_KEYS.dictionary, "");
    this.dictionary = { entries: [], fileName: null };
    this.dictionaryUpdatedAt = null;
    this.applyDictionary();
  }

  // --- retention ----------------------------------------------------------------------------

  retention(): Retention {
    return { ...this.retentionDays };
  }

  async setRetention(change: Partial<Retention>): Promise<void> {
    if (change.chatDays !== undefined) {
      await this.write(SETTING_KEYS.chatRetentionDays, retentionDays.parse(change.chatDays));
      this.retentionDays.chatDays = change.chatDays;
    }
    if (change.auditDays !== undefined) {
      await this.write(SETTING_KEYS.auditRetentionDays, auditRetentionDays.parse(change.auditDays));
      const shorter = change.auditDays < this.retentionDays.auditDays;
      this.retentionDays.auditDays = change.auditDays;
      if (shorter) await this.purgeAudit();
    }
  }

  /** Deletes audit rows older than the retention period; returns how many. */
  purgeAudit(): Promise<number> {
    this.purging ??= (async () => {
      try {
        const before = new Date(this.clock() - this.retentionDays.auditDays * DAY_MS).toISOString();
        return await this.audit.deleteBefore(before);
      } finally {
        this.purging = undefined;
      }
    })();
    return this.purging;
  }

  // --- applying -----------------------------------------------------------------------------

  private async write(key: string, value: unknown): Promise<string> {
    const stamp = await this.repo.write(key, value, new Date(this.clock()));
    this.seen.set(key, stamp);
    return stamp;
  }

  /** Throws (and the list falls back to empty) when the row was sealed with another key. */
  private openDictionary(value: unknown): StoredDictionary {
    const row = dictionaryRowSchema.parse(value);
    if (!("sealed" in row)) return row;
    if (!this.box) throw new Error("the customer list is sealed and no key is configured");
    return { entries: dictionaryEntriesSchema.parse(JSON.parse(this.box.open(row.sealed))), fileName: row.fileName };
  }

  private applyPolicy(): void {
    this.options.targets?.gateway?.setPolicy(this.effectivePolicy());
  }

  private applyBudgets(): void {
    const byOwner = new Map<string, PeriodLimits>();
    for (const entry of this.budgetEntries) byOwner.set(`${entry.scope}:${entry.owner}`, entryLimits(entry));
    this.options.targets?.budgets?.setOverrides(
      byOwner.size === 0 ? undefined : (scope, owner) => byOwner.get(`${scope}:${owner}`),
    );
  }

  private applyDictionary(): void {
    const entries = this.dictionary.entries;
    // Without a list ever loaded, the gateway keeps the detector it was built with.
    if (entries.length === 0 && !this.dictionaryApplied) return;
    this.dictionaryApplied = true;
    const detector =
      entries.length === 0 ? new Detector() : new Detector({ extraRecognizers: [new CustomerDictionary(entries)] });
    this.options.targets?.gateway?.setDetector(detector, { dictionary: entries });
  }
}
