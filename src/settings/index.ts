/** Runtime settings: what the web app's settings pages change without a restart. */
export {
  type DictionaryInfo,
  mergeTeamPolicies,
  type Retention,
  RuntimeSettings,
  type RuntimeSettingsOptions,
  type RuntimeTargets,
} from "./runtime-settings.js";
export {
  auditRetentionDays,
  BUDGET_SCOPES,
  type BudgetEntry,
  budgetEntrySchema,
  DEFAULT_AUDIT_RETENTION_DAYS,
  DEFAULT_CHAT_RETENTION_DAYS,
  limitSchema,
  MAX_DICTIONARY_ENTRIES,
  MIN_AUDIT_RETENTION_DAYS,
  ownerName,
  retentionDays,
  SETTING_KEYS,
  type TeamPolicy,
  teamPolicySchema,
} from "./schemas.js";
