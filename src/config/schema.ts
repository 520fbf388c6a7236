/**
 * The shape of poortwachter.yaml, validated with zod. Every section has defaults, so an empty
 * file (or none) is a valid configuration; unknown keys are errors, because a typo such as
 * `dpaSinged: true` must not silently leave a provider in a lower tier.
 */
import { z } from "zod";
import { ENTITY_TYPES } from "../detect/index.js";
import {
  DATA_CLASSES,
  INJECTION_ACTIONS,
  ROUTING_ACTIONS,
  SPECIAL_KEYWORD_MODES,
  TOOL_CALL_ACTIONS,
} from "../policy/types.js";
import { PolicyError, validatePolicy } from "../pseudonymize/index.js";
import { DEFAULT_USD_TO_EUR } from "./pricing.js";
import { parseVaultKey } from "./vault-key.js";

export const PROVIDER_TYPES = ["openai", "azure-openai", "anthropic", "mistral", "openai-compatible"] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** Where a provider lives when the config gives no baseUrl. Azure and self-hosted servers have no default. */
export const DEFAULT_BASE_URLS: Readonly<Partial<Record<ProviderType, string>>> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com",
  mistral: "https://api.mistral.ai/v1",
};

// Values substituted from the environment arrive as strings: accept "8080" where a number is due.
const numeric = (schema: z.ZodNumber) =>
  z.preprocess((v) => (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v), schema);
const boolean = () =>
  z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "must be true or false" }));
const httpUrl = () => z.url({ protocol: /^https?$/, error: "must be a URL (http:// or https://)" });
const euros = () => numeric(z.number({ error: "must be an amount in euros" }).nonnegative("must not be negative"));
const perMTok = () => numeric(z.number({ error: "must be a price per million tokens" }).nonnegative());

const DURATION = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
/** "30m", "24h", "7d" or a number of seconds; the result is seconds. */
const duration = () =>
  z
    .union([z.number().int().positive(), z.string().regex(DURATION, 'must be a duration such as "30m", "24h" or "7d"')])
    .transform((v) => {
      if (typeof v === "number") return v;
      const [, amount, unit] = DURATION.exec(v) as RegExpExecArray;
      return Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
    });

const serverSchema = z.strictObject({
  port: numeric(z.number().int().min(0).max(65535, "must be a port number (0-65535)")).default(8080),
  host: z.string().min(1).default("127.0.0.1"),
  publicUrl: httpUrl().optional(),
  /**
   * Worker threads that run detection off the main thread (0: in the main thread). Absent: 1 on a
   * machine with two or more cores, else 0.
   */
  detectionThreads: numeric(z.number().int().min(0).max(16, "must be 0-16")).optional(),
});

const storageSchema = z.strictObject({
  dataDir: z.string().min(1).default("./data"),
  databaseUrl: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
});

const securitySchema = z.strictObject({
  vaultKey: z
    .string()
    .refine((v) => parseVaultKey(v) !== null, "must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)")
    .optional(),
  vaultTtl: duration().default(86_400),
});

const factOverrides = {
  trainsOnData: boolean().optional(),
  euResidency: boolean().optional(),
  dpaSigned: boolean().optional(),
  zeroRetention: boolean().optional(),
  sectorAudit: boolean().optional(),
  dpia: boolean().optional(),
};

const modelSchema = z.union([
  z.string().min(1, "must be a model name"),
  z.strictObject({
    name: z.string().min(1, "must be a model name"),
    alias: z.string().min(1).optional(),
    inputPricePerMTok: perMTok().optional(),
    outputPricePerMTok: perMTok().optional(),
    maxTokens: numeric(z.number().int().positive()).optional(),
    ...factOverrides,
  }),
]);

const providerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be lower-case letters, digits, - or _"),
  type: z.enum(PROVIDER_TYPES, { error: `must be one of ${PROVIDER_TYPES.join(", ")}` }),
  baseUrl: httpUrl().optional(),
  apiKey: z.string().min(1, "must not be empty").optional(),
  apiVersion: z.string().min(1).optional(),
  /** Azure: public model name -> deployment name. */
  deployments: z.record(z.string(), z.string().min(1)).optional(),
  contract: z.enum(["consumer", "business"], { error: "must be consumer or business" }).default("consumer"),
  trainsOnData: boolean().default(false),
  euResidency: boolean().default(false),
  dpaSigned: boolean().default(false),
  zeroRetention: boolean().default(false),
  sectorAudit: boolean().default(false),
  dpia: boolean().default(false),
  local: boolean().default(false),
  models: z.array(modelSchema).min(1, "list at least one model"),
  timeoutMs: numeric(z.number().int().positive()).default(60_000),
  maxRetries: numeric(z.number().int().min(0).max(10)).default(2),
});

const operatorSchema = z.enum(["replace", "mask", "generalise", "keep", "drop"], {
  error: "must be replace, mask, generalise, keep or drop",
});

const rulesShape = {
  defaultAction: z.enum(ROUTING_ACTIONS, { error: "must be reroute or block" }),
  specialCategories: z.enum(ROUTING_ACTIONS, { error: "must be reroute or block" }),
  specialKeywords: z.enum(SPECIAL_KEYWORD_MODES, { error: "must be always or with-personal-data" }),
  toolCalls: z.enum(TOOL_CALL_ACTIONS, { error: "must be allow, flag, refuse or require-approval" }),
  promptInjection: z.enum(INJECTION_ACTIONS, { error: "must be flag, strip or refuse" }),
  amounts: z.enum(["keep", "generalise"], { error: "must be keep or generalise" }),
  operators: z
    .partialRecord(z.enum(ENTITY_TYPES, { error: "must be an entity type" }), operatorSchema)
    .superRefine((operators, ctx) => {
      try {
        validatePolicy({ operators });
      } catch (err) {
        if (!(err instanceof PolicyError)) throw err;
        ctx.addIssue({ code: "custom", message: err.message });
      }
    }),
  minimumClass: z.enum(DATA_CLASSES, { error: `must be one of ${DATA_CLASSES.join(", ")}` }),
  allowedModels: z.array(z.string().min(1)).optional(),
};

const teamSchema = z.strictObject({
  defaultAction: rulesShape.defaultAction.optional(),
  specialCategories: rulesShape.specialCategories.optional(),
  specialKeywords: rulesShape.specialKeywords.optional(),
  toolCalls: rulesShape.toolCalls.optional(),
  promptInjection: rulesShape.promptInjection.optional(),
  amounts: rulesShape.amounts.optional(),
  operators: rulesShape.operators.optional(),
  minimumClass: rulesShape.minimumClass.optional(),
  allowedModels: rulesShape.allowedModels,
});

const policySchema = z.strictObject({
  defaultAction: rulesShape.defaultAction.default("reroute"),
  specialCategories: rulesShape.specialCategories.default("reroute"),
  specialKeywords: rulesShape.specialKeywords.default("always"),
  toolCalls: rulesShape.toolCalls.default("flag"),
  /** How long an approved tool-call request may go on (seconds; "1h", "30m"). */
  approvalWindow: duration().default(3600),
  promptInjection: rulesShape.promptInjection.default("strip"),
  amounts: rulesShape.amounts.default("keep"),
  operators: rulesShape.operators.default({}),
  minimumClass: rulesShape.minimumClass.default("public"),
  allowedModels: rulesShape.allowedModels,
  secrets: z.literal("block", { error: "secrets are never forwarded: only block is allowed" }).default("block"),
  bsn: z.literal("block", { error: "BSNs are never forwarded: only block is allowed" }).default("block"),
  teams: z.record(z.string(), teamSchema).default({}),
});

const limitSchema = z
  .strictObject({ soft: euros().optional(), hard: euros().optional() })
  .refine((l) => l.soft === undefined || l.hard === undefined || l.soft <= l.hard, {
    error: "soft limit must not be above the hard limit",
  });
const periodSchema = z.strictObject({ daily: limitSchema.optional(), monthly: limitSchema.optional() });

const budgetsSchema = z.strictObject({
  perKey: periodSchema.optional(),
  perUser: periodSchema.optional(),
  perTeam: periodSchema.optional(),
});

const rateLimitsSchema = z.strictObject({
  requestsPerMinute: numeric(z.number().int().positive()).optional(),
  tokensPerMinute: numeric(z.number().int().positive()).optional(),
});

const priceSchema = z.strictObject({
  input: perMTok(),
  output: perMTok(),
  currency: z.enum(["USD", "EUR"], { error: "must be USD or EUR" }).default("USD"),
});

const pricingSchema = z.strictObject({
  usdToEur: numeric(z.number().positive()).default(DEFAULT_USD_TO_EUR),
  models: z.record(z.string(), priceSchema).default({}),
});

export const configSchema = z
  .strictObject({
    server: serverSchema.prefault({}),
    storage: storageSchema.prefault({}),
    security: securitySchema.prefault({}),
    providers: z.array(providerSchema).default([]),
    models: z.strictObject({ fallbacks: z.record(z.string(), z.array(z.string().min(1))).default({}) }).prefault({}),
    pricing: pricingSchema.prefault({}),
    policy: policySchema.prefault({}),
    budgets: budgetsSchema.prefault({}),
    rateLimits: rateLimitsSchema.prefault({}),
    audit: z.strictObject({ storePrompts: boolean().default(false) }).prefault({}),
    disclosure: z.strictObject({ header: boolean().default(true), line: z.string().min(1).optional() }).prefault({}),
  })
  .superRefine((config, ctx) => {
    checkProviders(config.providers, ctx);
    checkModelNames(config, ctx);
  });

type RawConfig = z.output<typeof configSchema>;

function checkProviders(providers: RawConfig["providers"], ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  providers.forEach((provider, i) => {
    if (ids.has(provider.id))
      ctx.addIssue({ code: "custom", path: ["providers", i, "id"], message: `"${provider.id}" is used twice` });
    ids.add(provider.id);
    if (!provider.baseUrl && !DEFAULT_BASE_URLS[provider.type]) {
      ctx.addIssue({
        code: "custom",
        path: ["providers", i, "baseUrl"],
        message: `required for type ${provider.type}`,
      });
    }
    if (provider.type !== "openai-compatible" && !provider.local && !provider.apiKey) {
      ctx.addIssue({
        code: "custom",
        path: ["providers", i, "apiKey"],
        message: `required for type ${provider.type} (e.g. apiKey: \${${provider.id.toUpperCase().replace(/-/g, "_")}_API_KEY})`,
      });
    }
    if (provider.type === "azure-openai" && !provider.apiVersion) {
      ctx.addIssue({
        code: "custom",
        path: ["providers", i, "apiVersion"],
        message: 'required for azure-openai (e.g. "2024-10-21")',
      });
    }
    if (provider.type !== "azure-openai" && (provider.deployments || provider.apiVersion)) {
      const key = provider.deployments ? "deployments" : "apiVersion";
      ctx.addIssue({ code: "custom", path: ["providers", i, key], message: "only for azure-openai" });
    }
  });
}

/** The name clients use for a model: its alias, or its own name. */
export function publicModelName(model: RawConfig["providers"][number]["models"][number]): string {
  return typeof model === "string" ? model : (model.alias ?? model.name);
}

function checkModelNames(config: RawConfig, ctx: z.RefinementCtx): void {
  const owner = new Map<string, string>();
  config.providers.forEach((provider, i) => {
    provider.models.forEach((model, j) => {
      const name = publicModelName(model);
      const other = owner.get(name);
      if (other !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["providers", i, "models", j],
          message: `model "${name}" is also offered by provider "${other}": give one of them an alias`,
        });
      }
      owner.set(name, provider.id);
    });
  });
  for (const [model, fallbacks] of Object.entries(config.models.fallbacks)) {
    fallbacks.forEach((fallback, k) => {
      if (!owner.has(fallback)) {
        ctx.addIssue({
          code: "custom",
          path: ["models", "fallbacks", model, k],
          message: `"${fallback}" is not a configured model`,
        });
      }
    });
  }
  const checkAllowed = (list: string[] | undefined, path: (string | number)[]) =>
    list?.forEach((name, k) => {
      if (!owner.has(name))
        ctx.addIssue({ code: "custom", path: [...path, k], message: `"${name}" is not a configured model` });
    });
  checkAllowed(config.policy.allowedModels, ["policy", "allowedModels"]);
  for (const [team, rules] of Object.entries(config.policy.teams)) {
    checkAllowed(rules.allowedModels, ["policy", "teams", team, "allowedModels"]);
  }
}
