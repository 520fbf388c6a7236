/**
 * The settings pages' API (admin only): providers and their tiers (read-only, from
 * poortwachter.yaml), per-team policy rules, budgets per team/user/key, the customer list and
 * retention. Every change is stored, applied to the running gateway at once, and recorded in the
 * admin audit (names and numbers only; never customer-list entries).
 */
import { Hono } from "hono";
import { z } from "zod";
import { recordAdminAction } from "../../../accounts/index.js";
import { defaultConfig, modelCatalog, type PoortwachterConfig, resolveVaultKey } from "../../../config/index.js";
import { type DictionaryEntry, DictionaryFormatError, parseDictionary } from "../../../detect/index.js";
import type { Identity } from "../../../gateway/accounting/identity.js";
import {
  CLASS_LABELS,
  DATA_CLASSES,
  type DataClass,
  missingFacts,
  TIER_REQUIREMENTS,
  TIER_RULES,
  type TierFacts,
  tierAllows,
} from "../../../policy/index.js";
import {
  auditRetentionDays,
  BUDGET_SCOPES,
  budgetEntrySchema,
  MAX_DICTIONARY_ENTRIES,
  MIN_AUDIT_RETENTION_DAYS,
  ownerName,
  RuntimeSettings,
  retentionDays,
  teamPolicySchema,
} from "../../../settings/index.js";
import { UsageStatsRepository } from "../../../store/repositories/usage-stats.js";
import { requireAdmin, say, type WebApiDeps, type WebContext, type WebEnv, webError } from "../context.js";

/** Upload limit for the customer list (as text). */
const MAX_DICTIONARY_CHARS = 5_000_000;

const dictionaryUpload = z.strictObject({
  content: z.string().min(1).max(MAX_DICTIONARY_CHARS),
  fileName: z.string().trim().max(200).optional(),
  format: z.enum(["csv", "json", "auto"]).optional(),
});

const retentionChange = z
  .strictObject({ chatDays: retentionDays.optional(), auditDays: auditRetentionDays.optional() })
  .refine((v) => v.chatDays !== undefined || v.auditDays !== undefined, { message: "nothing to change" });

function invalid(c: WebContext, error: z.ZodError) {
  return webError(
    c,
    422,
    "invalid_input",
    say(c, "Niet alle velden zijn goed ingevuld.", "Not every field is filled in correctly."),
    error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  );
}

async function jsonBody(c: WebContext): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

/** Where a provider lives, without any credentials or query a URL might carry. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

export function createSettingsApi(deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const config: PoortwachterConfig = deps.config ?? defaultConfig();
  let own: Promise<RuntimeSettings> | undefined;
  // Without a gateway (no providers yet) the settings are still kept, for when one is configured.
  const settings = (): Promise<RuntimeSettings> => {
    if (deps.gateway) return Promise.resolve(deps.gateway.settings);
    own ??= (async () => {
      const sealKey = resolveVaultKey(config.security.vaultKey, deps.dataDir ?? config.storage.dataDir).key;
      const service = new RuntimeSettings({ store: deps.store, config, clock: deps.clock, sealKey });
      await service.load();
      return service;
    })().catch((error) => {
      own = undefined;
      throw error;
    });
    return own;
  };
  const audit = (c: WebContext, action: string, target: string | null, details: Record<string, unknown> = {}) => {
    const account = c.get("account");
    return recordAdminAction(
      deps.store,
      { id: account.id, name: account.name },
      action,
      target,
      details,
      new Date(deps.clock()),
    );
  };
  const language = (c: WebContext) => c.get("language");

  app.use("*", requireAdmin());

  app.get("/providers", (c) => {
    const lang = language(c);
    const catalog = modelCatalog(config);
    return c.json({
      configured: config.providers.length > 0,
      providers: config.providers.map((provider) => ({
        id: provider.id,
        type: provider.type,
        host: hostOf(catalog.find((m) => m.providerId === provider.id)?.baseUrl ?? provider.baseUrl ?? ""),
        apiKeySet: provider.apiKey !== undefined,
        models: catalog
          .filter((m) => m.providerId === provider.id)
          .map((m) => ({
            name: m.name,
            upstreamModel: m.upstreamModel,
            facts: m.facts,
            tier: m.tier,
            tierLabel: CLASS_LABELS[m.tier][lang],
            nextTier: nextTier(m.tier),
            missingForNext: missingForNext(m.facts, m.tier),
            pricePerMTok: m.price ?? null,
          })),
      })),
    });
  });

  app.get("/policy", async (c) => {
    const lang = language(c);
    const service = await settings();
    const catalog = modelCatalog(config);
    const base = service.basePolicy;
    const effective = service.effectivePolicy();
    return c.json({
      classes: DATA_CLASSES.map((dataClass) => ({
        dataClass,
        label: CLASS_LABELS[dataClass][lang],
        requires: TIER_REQUIREMENTS[dataClass][lang],
        models: catalog.filter((m) => tierAllows(m.tier, dataClass)).map((m) => m.name),
      })),
      defaults: {
        defaultAction: base.defaultAction,
        specialCategories: base.specialCategories,
        minimumClass: base.minimumClass,
        toolCalls: base.toolCalls,
        promptInjection: base.promptInjection,
        allowedModels: base.allowedModels ?? null,
      },
      configTeams: base.teams,
      storedTeams: service.teamPolicies(),
      effectiveTeams: effective.teams,
      teams: await knownTeams(deps, config),
      models: catalog.map((m) => ({ name: m.name, tier: m.tier })),
    });
  });

  app.put("/policy/teams/:team", async (c) => {
    const team = ownerName.safeParse(c.req.param("team"));
    if (!team.success) return invalid(c, team.error);
    const body = teamPolicySchema.safeParse(await jsonBody(c));
    if (!body.success) return invalid(c, body.error);
    const names = new Set(modelCatalog(config).map((m) => m.name));
    const unknown = body.data.allowedModels?.filter((m) => !names.has(m)) ?? [];
    if (unknown.length > 0) {
      return webError(
        c,
        422,
        "unknown_model",
        say(c, `Onbekend model: ${unknown.join(", ")}.`, `Unknown model: ${unknown.join(", ")}.`),
      );
    }
    const service = await settings();
    await service.setTeamPolicy(team.data, body.data);
    await audit(c, "policy.team_changed", team.data, { ...body.data });
    return c.json({ team: team.data, stored: service.teamPolicies()[team.data] ?? null });
  });

  app.delete("/policy/teams/:team", async (c) => {
    const team = ownerName.safeParse(c.req.param("team"));
    if (!team.success) return invalid(c, team.error);
    const service = await settings();
    await service.setTeamPolicy(team.data, null);
    await audit(c, "policy.team_reset", team.data);
    return c.body(null, 204);
  });

  app.get("/budgets", async (c) => {
    const service = await settings();
    const identity = deps.gateway?.accounting.identity;
    const [users, keys] = identity ? await Promise.all([identity.listUsers(), identity.listKeys()]) : [[], []];
    const spend = identity && deps.gateway ? await budgetStatus(deps, service.budgets()) : {};
    return c.json({
      defaults: config.budgets,
      entries: service.budgets().map((e) => ({ ...e, spent: spend[`${e.scope}:${e.owner}`] ?? null })),
      owners: {
        teams: await knownTeams(deps, config),
        users: users.map((u) => u.name),
        keys: keys.filter((k) => k.status === "active").map((k) => ({ id: k.id, label: k.label, user: k.user })),
      },
    });
  });

  app.put("/budgets", async (c) => {
    const body = budgetEntrySchema.safeParse(await jsonBody(c));
    if (!body.success) return invalid(c, body.error);
    if (!body.data.daily && !body.data.monthly) {
      return webError(
        c,
        422,
        "invalid_input",
        say(c, "Geef een dag- of maandbudget op.", "Give a daily or monthly budget."),
      );
    }
    const service = await settings();
    await service.setBudget(body.data);
    await audit(c, "budget.changed", `${body.data.scope}:${body.data.owner}`, {
      daily: body.data.daily,
      monthly: body.data.monthly,
    });
    return c.json({ entries: service.budgets() });
  });

  app.delete("/budgets/:scope/:owner", async (c) => {
    const scope = z.enum(BUDGET_SCOPES).safeParse(c.req.param("scope"));
    if (!scope.success) return invalid(c, scope.error);
    const owner = c.req.param("owner");
    const service = await settings();
    if (!(await service.removeBudget(scope.data, owner))) {
      return webError(c, 404, "not_found", say(c, "Dit budget bestaat niet.", "This budget does not exist."));
    }
    await audit(c, "budget.removed", `${scope.data}:${owner}`);
    return c.body(null, 204);
  });

  app.get("/dictionary", async (c) => c.json((await settings()).dictionaryInfo()));

  app.put("/dictionary", async (c) => {
    const body = dictionaryUpload.safeParse(await jsonBody(c));
    if (!body.success) {
      const tooLarge = body.error.issues.some((i) => i.code === "too_big");
      if (tooLarge) {
        return webError(
          c,
          413,
          "too_large",
          say(c, "Het bestand is groter dan 5 MB.", "The file is larger than 5 MB."),
        );
      }
      return invalid(c, body.error);
    }
    let entries: DictionaryEntry[];
    try {
      entries = parseDictionary(body.data.content, body.data.format ?? "auto");
    } catch (error) {
      if (!(error instanceof DictionaryFormatError)) throw error;
      // The JSON parser quotes the start of the text it choked on: that could be a customer's name.
      const detail = error.message.startsWith("not valid JSON")
        ? say(c, "dit is geen geldige JSON", "this is not valid JSON")
        : error.message;
      return webError(
        c,
        422,
        "invalid_dictionary",
        say(c, `Het bestand kan niet worden gelezen: ${detail}.`, `The file cannot be read: ${detail}.`),
      );
    }
    if (entries.length === 0) {
      return webError(
        c,
        422,
        "empty_dictionary",
        say(c, "Er staan geen namen in dit bestand.", "This file holds no names."),
      );
    }
    if (entries.length > MAX_DICTIONARY_ENTRIES) {
      return webError(
        c,
        413,
        "too_many_entries",
        say(
          c,
          `Hoogstens ${MAX_DICTIONARY_ENTRIES} regels; dit bestand heeft er ${entries.length}.`,
          `At most ${MAX_DICTIONARY_ENTRIES} entries; this file has ${entries.length}.`,
        ),
      );
    }
    const service = await settings();
    await service.setDictionary(entries, body.data.fileName || null);
    const info = service.dictionaryInfo();
    await audit(c, "dictionary.replaced", null, { entries: info.entries });
    return c.json(info);
  });

  app.delete("/dictionary", async (c) => {
    const service = await settings();
    await service.clearDictionary();
    await audit(c, "dictionary.removed", null);
    return c.body(null, 204);
  });

  app.get("/retention", async (c) => c.json((await settings()).retention()));

  app.put("/retention", async (c) => {
    const body = retentionChange.safeParse(await jsonBody(c));
    if (!body.success) {
      if (body.error.issues.some((i) => i.path[0] === "auditDays" && i.code === "too_small")) {
        return webError(
          c,
          422,
          "audit_retention_too_short",
          say(
            c,
            `De AI-verordening vraagt logboeken minstens zes maanden te bewaren: kies ${MIN_AUDIT_RETENTION_DAYS} dagen of meer.`,
            `The EU AI Act asks to keep logs for at least six months: choose ${MIN_AUDIT_RETENTION_DAYS} days or more.`,
          ),
        );
      }
      return invalid(c, body.error);
    }
    const service = await settings();
    await service.setRetention(body.data);
    await audit(c, "retention.changed", null, { ...body.data });
    return c.json(service.retention());
  });

  return app;
}

/**
 * What a model lacks for the next tier. "Run it locally" is no advice for a cloud service, so
 * for those only the contract routes count.
 */
function missingForNext(facts: TierFacts, tier: DataClass): string[] {
  const next = nextTier(tier);
  if (next === null) return [];
  if (facts.local) return missingFacts(facts, next);
  let best: string[] | undefined;
  for (const rule of TIER_RULES) {
    if (rule.tier !== next || rule.requires.local === true) continue;
    const missing = Object.entries(rule.requires)
      .filter(([fact, value]) => facts[fact as keyof TierFacts] !== value)
      .map(([fact, value]) => `${fact}: ${String(value)}`);
    if (!best || missing.length < best.length) best = missing;
  }
  return best ?? missingFacts(facts, next);
}

function nextTier(tier: DataClass): DataClass | null {
  const i = DATA_CLASSES.indexOf(tier);
  return i + 1 < DATA_CLASSES.length ? (DATA_CLASSES[i + 1] as DataClass) : null;
}

/** Teams from the gateway's records, the configured policy and the audit log, sorted and unique. */
async function knownTeams(deps: WebApiDeps, config: PoortwachterConfig): Promise<string[]> {
  const names = new Set(Object.keys(config.policy.teams));
  const identity = deps.gateway?.accounting.identity;
  if (identity) for (const team of await identity.listTeams()) names.add(team.name);
  for (const team of (await new UsageStatsRepository(deps.store.db).dimensions()).teams) names.add(team);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** Spend so far today and this month for each budget owner, as the budget counters see it. */
async function budgetStatus(
  deps: WebApiDeps,
  entries: { scope: "team" | "user" | "key"; owner: string }[],
): Promise<Record<string, { dailyEur: number; monthlyEur: number }>> {
  const budgets = deps.gateway?.accounting.budgets;
  if (!budgets) return {};
  const out: Record<string, { dailyEur: number; monthlyEur: number }> = {};
  for (const entry of entries) {
    // A synthetic identity whose only owner of interest is this entry's; the other slots are read but unused.
    const identity: Identity = {
      keyId: entry.scope === "key" ? entry.owner : "-",
      user: entry.scope === "user" ? entry.owner : "-",
      team: entry.scope === "team" ? entry.owner : null,
    };
    const status = await budgets.status(identity);
    const mine = status.filter((s) => s.scope === entry.scope);
    out[`${entry.scope}:${entry.owner}`] = {
      dailyEur: mine.find((s) => s.period === "daily")?.spentEur ?? 0,
      monthlyEur: mine.find((s) => s.period === "monthly")?.spentEur ?? 0,
    };
  }
  return out;
}
