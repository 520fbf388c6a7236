export { ApprovalRefusal, approvalRefusal } from "./refusal.js";
export {
  APPROVAL_HEADER,
  ApprovalAlreadyDecidedError,
  type ApprovalCheck,
  ApprovalNotFoundError,
  type ApprovalRecord,
  ApprovalService,
  type ApprovalStatus,
  approvalConversation,
  approvedPolicy,
  DEFAULT_APPROVAL_WINDOW_MS,
  firstUserText,
  type HeldRequest,
  isApprovalId,
  toolNames,
} from "./service.js";
