/**
 * What the web app's settings pages may change at runtime, validated with zod. The same schemas
 * check a request body and a value read back from the store, so a row edited by hand cannot put
 * the gateway in a state the pages could not have produced.
 */
import { z } from "zod";
import { ENTITY_TYPES } from "../detect/index.js";
import { DATA_CLASSES, INJECTION_ACTIONS, ROUTING_ACTIONS, TOOL_CALL_ACTIONS } from "../policy/types.js";

/** Setting keys. `chat.retentionDays` is read by the team chat. */
export const SETTING_KEYS = {
  teamPolicy: "runtime.policy.teams",
  budgets: "runtime.budgets",
  dictionary: "runtime.dictionary",
  chatRetentionDays: "chat.retentionDays",
  auditRetentionDays: "audit.retentionDays",
} as const;

/** Team, user or key name as the gateway stores them (the audit code shape, without `/`). */
export const ownerName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:+-]{0,127}$/, "must be a team, user or key name");

/** The per-team rules an administrator may change in the web app. */
export const teamPolicySchema = z.strictObject({
  minimumClass: z.enum(DATA_CLASSES).optional(),
  defaultAction: z.enum(ROUTING_ACTIONS).optional(),
  specialCategories: z.enum(ROUTING_ACTIONS).optional(),
  toolCalls: z.enum(TOOL_CALL_ACTIONS).optional(),
  promptInjection: z.enum(INJECTION_ACTIONS).optional(),
  allowedModels: z.array(z.string().min(1).max(200)).max(200).optional(),
});
export type TeamPolicy = z.infer<typeof teamPolicySchema>;

export const teamPoliciesSchema = z.record(ownerName, teamPolicySchema);

const euros = z.number().finite().nonnegative().max(1_000_000);
export const limitSchema = z
  .strictObject({ soft: euros.optional(), hard: euros.optional() })
  .refine((l) => l.soft === undefined || l.hard === undefined || l.soft <= l.hard, {
    message: "soft limit must not be above the hard limit",
    path: ["soft"],
  });

export const BUDGET_SCOPES = ["team", "user", "key"] as const;

export const budgetEntrySchema = z.strictObject({
  scope: z.enum(BUDGET_SCOPES),
  owner: ownerName,
  daily: limitSchema.optional(),
  monthly: limitSchema.optional(),
});
export type BudgetEntry = z.infer<typeof budgetEntrySchema>;

export const budgetEntriesSchema = z.array(budgetEntrySchema).max(10_000);

/** At most this many customer-list entries: the automaton stays small and fast. */
export const MAX_DICTIONARY_ENTRIES = 50_000;

export const dictionaryEntriesSchema = z
  .array(z.strictObject({ value: z.string().min(1).max(300), type: z.enum(ENTITY_TYPES).optional() }))
  .max(MAX_DICTIONARY_ENTRIES);

export const storedDictionarySchema = z.strictObject({
  entries: dictionaryEntriesSchema,
  /** The uploaded file's name, shown on the page; never the entries themselves. */
  fileName: z.string().max(200).nullable(),
});
export type StoredDictionary = z.infer<typeof storedDictionarySchema>;

/** The row as stored: the entries sealed under the instance key, or in the clear when there is no key. */
export const dictionaryRowSchema = z.union([
  storedDictionarySchema,
  z.strictObject({ sealed: z.string().min(1), fileName: z.string().max(200).nullable() }),
]);

export const retentionDays = z.number().int().min(1).max(3650);

/**
 * The EU AI Act (art. 26(6)) asks deployers to keep the logs of an AI system for at least six
 * months, so the request log cannot be set shorter than that.
 */
export const MIN_AUDIT_RETENTION_DAYS = 183;
export const auditRetentionDays = z.number().int().min(MIN_AUDIT_RETENTION_DAYS).max(3650);

export const DEFAULT_CHAT_RETENTION_DAYS = 30;
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;
