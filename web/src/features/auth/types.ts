import type { Role, SessionState } from "../../account";

/** GET /me as the auth pages read it: the shell's fields plus the login steps in between. */
export interface AuthSessionState extends SessionState {
  passwordChangeRequired?: boolean;
  totpRequired?: boolean;
  /** The account name while a password change is pending. */
  name?: string;
}

export interface PublicAccount {
  id: string;
  name: string;
  displayName: string;
  role: Role;
  team: string | null;
  language: "nl" | "en";
  totpEnabled: boolean;
  disabled: boolean;
  passwordChangeRequired: boolean;
  createdAt: string;
}

/** A person on the users page: the account plus how many logged-in sessions it has. */
export interface AdminUser extends PublicAccount {
  sessions: number;
}

/** One of the own logged-in sessions ("where am I logged in"). */
export interface SessionView {
  id: string;
  browser: string | null;
  os: string | null;
  /** The address cut to /24 (IPv4) or /48 (IPv6). */
  ipPrefix: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export interface KeyView {
  id: string;
  display: string;
  user: string;
  team: string | null;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  status: "active" | "revoked" | "expired";
}

export interface CreatedKey {
  key: string;
  view: KeyView;
}

export interface Team {
  name: string;
  createdAt: string;
  members: number;
}

export interface AdminAction {
  id: string;
  time: string;
  actorName: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

export interface Profile {
  account: PublicAccount;
  totp: { enabled: boolean; enabledAt: string | null; required: boolean; recoveryCodesLeft: number };
}
