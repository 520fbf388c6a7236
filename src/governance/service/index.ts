export {
  ApprovalDecision,
  type Export,
  GovernanceService,
  type GovernanceServiceOptions,
  type IncidentView,
  Organisation,
  type ToolView,
} from "./governance-service.js";
export { type FieldIssue, InputError, newId, StateError, splitBilingual, validate } from "./validation.js";
