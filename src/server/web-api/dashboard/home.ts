/**
 * The owner's home page in one answer: the 12-rule score and the next three steps, open incidents
 * with their notification deadline, tools waiting for a decision, this month's spend against the
 * budgets, and one line about the gateway. Texts from the governance module stay bilingual
 * ({nl, en}) so the browser can switch language without asking again.
 */
import type { PoortwachterConfig } from "../../../config/index.js";
import { amsterdamDay, monthWindow } from "../../../gateway/accounting/index.js";
import type { GatewayInstance } from "../../../gateway/index.js";
import type { Bilingual, GatewayFacts } from "../../../governance/model.js";
import type { RuleResult, RuleStatus } from "../../../governance/rules/index.js";
import type { GovernanceService } from "../../../governance/service/index.js";

/** The page of the web app where the step of each rule is taken. */
export const RULE_PAGES: Record<string, string> = {
  "no-customer-data-in-free-tools": "/governance/tools",
  "pseudonymise-before-pasting": "/governance/policy",
  "two-factor-everywhere": "/governance/tools",
  "dpa-with-every-processor": "/governance/tools",
  "business-tiers-for-customer-work": "/governance/tools",
  "quarterly-privacy-check": "/governance/tools",
  "shadow-ai-visible": "/governance/shadow-ai",
  "cost-limits-on-api-keys": "/settings",
  "tell-customers-about-ai": "/governance/disclosure",
  "know-whom-to-call": "/governance/contacts",
  "call-back-on-known-number": "/governance/training",
  "train-every-quarter": "/governance/training",
};

export interface NextAction {
  rule: number;
  /** Every rule this step helps, the first one being `rule`. */
  rules: number[];
  ruleId: string;
  title: Bilingual;
  status: RuleStatus;
  text: Bilingual;
  dueDate: string | null;
  link: string;
}

export interface BudgetLine {
  name: string;
  spentEur: number;
  softEur?: number;
  hardEur?: number;
}

export type SpendSummary =
  | { configured: false; link: string }
  | {
      configured: true;
      /** `YYYY-MM`, Europe/Amsterdam like the budgets. */
      month: string;
      totalEur: number;
      requests: number;
      /** Monthly limits per scope from poortwachter.yaml; absent where none is set. */
      limits: { perKey?: Limit; perUser?: Limit; perTeam?: Limit };
      users: BudgetLine[];
      teams: BudgetLine[];
    };

interface Limit {
  soft?: number;
  hard?: number;
}

export type GatewayStatus =
  | { configured: false; link: string }
  | { configured: true; providers: string[]; requestsToday: number; blockedToday: number };

export interface DashboardHome {
  organisation: string;
  date: string;
  score: { points: number; max: number; percent: number; met: number; partly: number; not: number; total: number };
  rules: (Pick<RuleResult, "rule" | "id" | "title" | "status" | "nextAction" | "dueDate"> & { link: string })[];
  nextActions: NextAction[];
  incidents: {
    id: string;
    title: string;
    kind: "data-breach" | "ai-incident";
    status: "open" | "notified" | "closed";
    discoveredAt: string;
    /** ISO time of the notification deadline; the browser counts down to it. */
    deadline: string;
    running: boolean;
    overdue: boolean;
    label: Bilingual;
  }[];
  toolsAwaitingApproval: {
    id: string;
    name: string;
    requestedBy: string | null;
    requestedOn: string | null;
    warnings: Bilingual[];
  }[];
  spend: SpendSummary;
  gateway: GatewayStatus;
}

export interface HomeSources {
  governance: GovernanceService;
  gateway?: GatewayInstance | undefined;
  config?: PoortwachterConfig | undefined;
  clock: () => number;
}

const STATUS_ORDER: Record<RuleStatus, number> = { not: 0, partly: 1, met: 2 };
/** Where an owner sets up providers (and with them the gateway and budgets). */
const GATEWAY_SETTINGS = "/settings";

/**
 * The three steps that matter most: unmet before partly met, the first three rules (where the
 * guidance says to start) before the rest, then the earliest due date. Rules that share a step
 * (an empty inventory fails several) show it once, with every rule it serves.
 */
export function nextActions(results: readonly RuleResult[], count = 3): NextAction[] {
  const ordered = results
    .filter((r) => r.status !== "met" && r.nextAction !== null)
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        Number(b.startHere) - Number(a.startHere) ||
        (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") ||
        a.rule - b.rule,
    );
  const steps: NextAction[] = [];
  for (const r of ordered) {
    const text = r.nextAction as Bilingual;
    const same = steps.find((s) => s.text.nl === text.nl);
    if (same) {
      same.rules.push(r.rule);
      continue;
    }
    if (steps.length === count) continue;
    steps.push({
      rule: r.rule,
      rules: [r.rule],
      ruleId: r.id,
      title: r.title,
      status: r.status,
      text,
      dueDate: r.dueDate,
      link: RULE_PAGES[r.id] ?? "/governance/check",
    });
  }
  return steps;
}

export async function buildHome(sources: HomeSources): Promise<DashboardHome> {
  const { governance, gateway } = sources;
  const now = new Date(sources.clock());
  await refreshGatewayFacts(sources);
  const [check, incidents, tools, spend, gatewayStatus] = await Promise.all([
    governance.check(),
    governance.listIncidents(),
    governance.listTools(),
    spendSummary(gateway, sources.config, now),
    gatewayLine(gateway, sources.config, now),
  ]);
  return {
    organisation: check.organisation,
    date: check.date,
    score: { ...check.score, total: check.results.length },
    rules: check.results.map((r) => ({
      rule: r.rule,
      id: r.id,
      title: r.title,
      status: r.status,
      nextAction: r.nextAction,
      dueDate: r.dueDate,
      link: RULE_PAGES[r.id] ?? "/governance/check",
    })),
    nextActions: nextActions(check.results),
    incidents: incidents
      .filter((v) => v.incident.status !== "closed")
      .sort((a, b) => a.countdown.deadline.localeCompare(b.countdown.deadline))
      .map(({ incident, countdown }) => ({
        id: incident.id,
        title: incident.title,
        kind: incident.kind,
        status: incident.status,
        discoveredAt: incident.discoveredAt,
        deadline: countdown.deadline,
        running: countdown.running,
        overdue: countdown.overdue,
        label: countdown.label,
      })),
    toolsAwaitingApproval: tools
      .filter((v) => v.tool.approval.status === "requested")
      .map((v) => ({
        id: v.tool.id,
        name: v.name,
        requestedBy: v.tool.approval.requestedBy ?? null,
        requestedOn: v.tool.approval.requestedOn ?? null,
        warnings: v.warnings,
      })),
    spend,
    gateway: gatewayStatus,
  };
}

/** Euros to the micro-euro the accounting counts in: a single short prompt costs far less than a cent. */
const euros = (micros: number): number => Math.round(micros) / 1_000_000;

function monthlyLimit(config: PoortwachterConfig | undefined, scope: "perKey" | "perUser" | "perTeam") {
  const limit = config?.budgets[scope]?.monthly;
  if (!limit || (limit.soft === undefined && limit.hard === undefined)) return undefined;
  return {
    ...(limit.soft !== undefined ? { soft: limit.soft } : {}),
    ...(limit.hard !== undefined ? { hard: limit.hard } : {}),
  };
}

async function spendSummary(
  gateway: GatewayInstance | undefined,
  config: PoortwachterConfig | undefined,
  now: Date,
): Promise<SpendSummary> {
  if (!gateway) return { configured: false, link: GATEWAY_SETTINGS };
  const window = monthWindow(now);
  // The audit log holds every request with its cost; a month of an SMB's traffic is small.
  const records = await gateway.accounting.auditLog.query({
    from: window.start.toISOString(),
    to: window.end.toISOString(),
    limit: 100_000,
  });
  const perUser = new Map<string, number>();
  const perTeam = new Map<string, number>();
  let total = 0;
  for (const r of records) {
    total += r.costMicros;
    if (r.user) perUser.set(r.user, (perUser.get(r.user) ?? 0) + r.costMicros);
    if (r.team) perTeam.set(r.team, (perTeam.get(r.team) ?? 0) + r.costMicros);
  }
  const limits = {
    ...optional("perKey", monthlyLimit(config, "perKey")),
    ...optional("perUser", monthlyLimit(config, "perUser")),
    ...optional("perTeam", monthlyLimit(config, "perTeam")),
  };
  const lines = (spent: Map<string, number>, limit: Limit | undefined): BudgetLine[] =>
    [...spent.entries()]
      .map(([name, micros]) => ({
        name,
        spentEur: euros(micros),
        ...(limit?.soft !== undefined ? { softEur: limit.soft } : {}),
        ...(limit?.hard !== undefined ? { hardEur: limit.hard } : {}),
      }))
      .sort((a, b) => b.spentEur - a.spentEur || a.name.localeCompare(b.name));
  return {
    configured: true,
    month: window.id,
    totalEur: euros(total),
    requests: records.length,
    limits,
    users: lines(perUser, limits.perUser),
    teams: lines(perTeam, limits.perTeam),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

async function gatewayLine(
  gateway: GatewayInstance | undefined,
  config: PoortwachterConfig | undefined,
  now: Date,
): Promise<GatewayStatus> {
  if (!gateway) return { configured: false, link: GATEWAY_SETTINGS };
  const today = amsterdamDay(now);
  const [row] = await gateway.accounting.auditLog.requestsPerDay({ fromDay: today, toDay: today });
  return {
    configured: true,
    providers: (config?.providers ?? []).map((p) => p.id),
    requestsToday: row?.requests ?? 0,
    blockedToday: row?.blocked ?? 0,
  };
}

/**
 * Hands the 12-rule check the gateway's current facts before it runs; queued audit records count
 * too, since the owner expects to see the request just made.
 */
export async function refreshGatewayFacts(sources: HomeSources): Promise<void> {
  const { gateway } = sources;
  if (!gateway) return;
  await gateway.accounting.audit.flush();
  await sources.governance.setGatewayFacts(await gatewayFacts(gateway, sources.config, new Date(sources.clock())));
}

/**
 * What the 12-rule check needs to know about the gateway (rules 2 and 8): it runs and
 * pseudonymises, which keys exist with which limits, and how much it was used lately.
 */
async function gatewayFacts(
  gateway: GatewayInstance,
  config: PoortwachterConfig | undefined,
  now: Date,
): Promise<GatewayFacts> {
  const since = amsterdamDay(new Date(now.getTime() - 30 * 86_400_000));
  const [keys, days] = await Promise.all([
    gateway.accounting.identity.listKeys(),
    gateway.accounting.auditLog.requestsPerDay({ fromDay: since }),
  ]);
  const budgets = config?.budgets;
  const tightest = (period: "daily" | "monthly", team: string | null): number | undefined => {
    const hards = [budgets?.perKey?.[period]?.hard, budgets?.perUser?.[period]?.hard];
    if (team) hards.push(budgets?.perTeam?.[period]?.hard);
    const set = hards.filter((h): h is number => h !== undefined && h > 0);
    return set.length > 0 ? Math.min(...set) : undefined;
  };
  return {
    inUse: true,
    // Placeholders replace personal data on every request; the policy cannot switch that off.
    pseudonymisationEnabled: true,
    keys: keys
      .filter((k) => k.status === "active")
      .map((k) => {
        const daily = tightest("daily", k.team);
        const monthly = tightest("monthly", k.team);
        return {
          id: k.id,
          owner: k.user,
          ...(daily !== undefined ? { dailyBudget: daily } : {}),
          ...(monthly !== undefined ? { monthlyBudget: monthly } : {}),
        };
      }),
    requestsLast30Days: days.reduce((sum, d) => sum + d.requests, 0),
  };
}
