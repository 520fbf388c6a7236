export {
  Accounting,
  type AccountingOptions,
  type Admission,
  type AdmissionRefusal,
  type AdmitInput,
  type AuditExportFormat,
  AuditLog,
} from "./accounting.js";
export { apiKeyId, displayKeyId, parseDuration, presentedApiKey } from "./api-keys.js";
export {
  type AuditCode,
  type AuditDecision,
  type AuditDraft,
  type AuditRecord,
  auditCode,
  auditId,
  newAuditRecord,
  optionalAuditCode,
  REDACTED,
  sanitizeAuditRecord,
  toolFromHeaders,
} from "./audit.js";
export { AUDIT_CSV_COLUMNS, auditToCsv, auditToJson } from "./audit-export.js";
export { AuditWriter, type AuditWriterOptions, type AuditWriterStats } from "./audit-writer.js";
export {
  type BudgetPeriod,
  type BudgetRefusal,
  type BudgetReservation,
  type BudgetRules,
  type BudgetScope,
  BudgetService,
  type BudgetWarning,
  budgetWarningHeader,
  budgetWarningReasons,
  type PeriodLimits,
  type WindowLimit,
} from "./budgets.js";
export { accountingOptionsFromConfig } from "./from-config.js";
export {
  type AuthErrorCode,
  type AuthResult,
  type CreatedKey,
  type CreateKeyInput,
  type Identity,
  IdentityService,
  type KeyStatus,
  type KeyView,
} from "./identity.js";
export {
  CHARS_PER_TOKEN,
  type Cost,
  type CostEstimate,
  DEFAULT_MAX_OUTPUT_TOKENS,
  estimateTokens,
  MICROS_PER_EURO,
  PriceBook,
  type PricingSettings,
  type TokenUsage,
} from "./pricing.js";
export { RateLimiter, type RateLimitOutcome, type RateLimitRules } from "./rate-limits.js";
export { amsterdamDay, BUDGET_TIME_ZONE, dayWindow, monthWindow } from "./windows.js";
