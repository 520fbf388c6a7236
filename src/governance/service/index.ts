export {
  ApprovalDecision,
  type Export,
  GovernanceService,
  type GovernanceServiceOptions,
  type IncidentView,
  MAX_LOG_BYTES,
  Organisation,
  type ShadowAiImportOptions,
  type ShadowAiImportResult,
  type ToolView,
} from "./governance-service.js";
export { type FieldIssue, InputError, newId, StateError, splitBilingual, validate } from "./validation.js";
