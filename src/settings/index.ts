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
  BUDGET_SCOPES,
  type BudgetEntry,
  budgetEntrySchema,
  DEFAULT_AUDIT_RETENTION_DAYS,
  DEFAULT_CHAT_RETENTION_DAYS,
  limitSchema,
  MAX_DICTIONARY_ENTRIES,
  ownerName,
  retentionDays,
  SETTING_KEYS,
  type TeamPolicy,
  teamPolicySchema,
} from "./schemas.js";
