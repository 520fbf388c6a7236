/** Accounts of the web app: people, passwords, TOTP, sessions, and the audit of admin actions. */

export type { AdminAction, AdminActor } from "./admin-audit.js";
export { adminActionsCsv, listAdminActions, recordAdminAction } from "./admin-audit.js";
export { coarseIp, type DeviceDescription, describeUserAgent } from "./devices.js";
export { AccountError } from "./errors.js";
export { MIN_PASSWORD_LENGTH, passwordProblem } from "./passwords.js";
export { SecretBox } from "./secret-box.js";
export {
  AccountService,
  type LoginOrigin,
  type LoginResult,
  type NewSession,
  type PublicAccount,
  publicAccount,
  type ResolvedSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  type SessionView,
  TOTP_FOR_EVERYONE_SETTING,
} from "./service.js";
export { totpCode } from "./totp.js";
