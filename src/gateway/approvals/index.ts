export { ApprovalRefusal, approvalRefusal } from "./refusal.js";
export {
  APPROVAL_HEADER,
  ApprovalAlreadyDecidedError,
  type ApprovalCheck,
  ApprovalNotFoundError,
  type ApprovalRecord,
  ApprovalService,
  type ApprovalStatus,
  approvedPolicy,
  DEFAULT_APPROVAL_WINDOW_MS,
  type HeldRequest,
  isApprovalId,
  toolNames,
} from "./service.js";
