/**
 * Accounts of the web app: first-run set-up of the owner, login with password and TOTP, sessions,
 * recovery codes, login throttling, and what admins do to other accounts. HTTP-free: the web
 * API's auth routers translate requests into these calls and AccountErrors into responses.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { assertAccountName } from "../gateway/accounting/api-keys.js";
import type { Store } from "../store/index.js";
import {
  type AccountRecord,
  type AccountRole,
  AccountsRepository,
  type RemovedAccount,
  type SessionRecord,
} from "../store/repositories/accounts.js";
import { GatewayIdentityRepository } from "../store/repositories/gateway-identity.js";
import { type AdminActor, recordAdminAction } from "./admin-audit.js";
import { coarseIp, describeUserAgent } from "./devices.js";
import { AccountError } from "./errors.js";
import { hashPassword, passwordProblem, passwordProblemMessage, verifyPassword } from "./passwords.js";
import type { SecretBox } from "./secret-box.js";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  type TotpEnrolment,
  totpEnrolment,
  totpStep,
} from "./totp.js";

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Between the password and the second factor. */
export const PENDING_LOGIN_MS = 5 * 60 * 1000;
/** A session's last-seen time is written at most this often (one write per minute, not per request). */
const TOUCH_EVERY_MS = 60 * 1000;

export const NAME_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;
const FIRST_LOCK_MS = 30 * 1000;
const MAX_LOCK_MS = 15 * 60 * 1000;
/** Failures are forgotten after a day without new ones. */
const THROTTLE_MEMORY_MS = 24 * 60 * 60 * 1000;

export const TOTP_FOR_EVERYONE_SETTING = "accounts.totpForEveryone";

export interface PublicAccount {
  id: string;
  name: string;
  displayName: string;
  role: AccountRole;
  team: string | null;
  language: "nl" | "en";
  totpEnabled: boolean;
  disabled: boolean;
  passwordChangeRequired: boolean;
  createdAt: string;
}

export function publicAccount(a: AccountRecord): PublicAccount {
  return {
    id: a.id,
    name: a.name,
    displayName: a.displayName,
    role: a.role,
    team: a.team,
    language: a.language,
    totpEnabled: a.totpEnabledAt !== null,
    disabled: a.disabledAt !== null,
    passwordChangeRequired: a.passwordChangeRequired,
    createdAt: a.createdAt,
  };
}

export interface NewSession {
  /** Goes into the HttpOnly cookie; only its hash is stored. */
  token: string;
  /** Goes into the script-readable CSRF cookie; only its hash is stored. */
  csrfToken: string;
  expiresAt: string;
  stage: SessionRecord["stage"];
}

/** Where a login comes from: the caller's address and User-Agent header, reduced before storing. */
export interface LoginOrigin {
  ip: string;
  userAgent?: string | undefined;
}

/** What a session remembers of its device (see devices.ts). */
type SessionDevice = Pick<SessionRecord, "browser" | "os" | "ipPrefix">;

const UNKNOWN_DEVICE: SessionDevice = { browser: null, os: null, ipPrefix: null };

function deviceOf(origin: LoginOrigin | undefined): SessionDevice {
  if (!origin) return UNKNOWN_DEVICE;
  return { ...describeUserAgent(origin.userAgent), ipPrefix: coarseIp(origin.ip) };
}

const deviceOfSession = (s: SessionRecord): SessionDevice => ({ browser: s.browser, os: s.os, ipPrefix: s.ipPrefix });

/** One of a person's logged-in sessions as the sessions list shows it. Never the session's token or hash. */
export interface SessionView {
  /** Derived from the stored hash, so it cannot be turned back into a cookie nor into the stored key. */
  id: string;
  browser: string | null;
  os: string | null;
  ipPrefix: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** The public id of a session: a hash of its stored hash, shortened (collisions within one account are out of reach). */
function sessionViewId(idHash: string): string {
  return createHash("sha256").update(`session-view:${idHash}`).digest("hex").slice(0, 24);
}

export interface ResolvedSession {
  session: SessionRecord;
  account: AccountRecord;
}

export type LoginResult =
  | { kind: "session"; session: NewSession; account: AccountRecord }
  | { kind: "totp"; session: NewSession };

export interface AccountServiceOptions {
  store: Store;
  clock: () => number;
  /** Seals TOTP secrets; resolved lazily so an instance without a key can still serve the API. */
  secretBox: () => SecretBox;
}

const isAdminRole = (role: AccountRole) => role === "owner" || role === "admin";

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function token(): string {
  return randomBytes(32).toString("base64url");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A one-time password an admin hands over: four groups of four, easy to read out and type. */
export function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

function checkName(name: string): string {
  try {
    return assertAccountName("user", name);
  } catch {
    throw new AccountError(
      422,
      "invalid_name",
      "Ongeldige accountnaam: gebruik letters, cijfers, punt, streepje of underscore (max. 64 tekens, geen spaties).",
      "Invalid account name: use letters, digits, dot, dash or underscore (max. 64 characters, no spaces).",
    );
  }
}

function checkTeam(team: string): string {
  try {
    return assertAccountName("team", team);
  } catch {
    throw new AccountError(
      422,
      "invalid_team",
      "Ongeldige teamnaam: gebruik letters, cijfers, punt, streepje of underscore (max. 64 tekens, geen spaties).",
      "Invalid team name: use letters, digits, dot, dash or underscore (max. 64 characters, no spaces).",
    );
  }
}

function checkPassword(password: string, name: string): void {
  const problem = passwordProblem(password, name);
  if (problem) {
    const message = passwordProblemMessage(problem);
    throw new AccountError(422, `password_${problem}`, message.nl, message.en);
  }
}

const notFound = () => new AccountError(404, "not_found", "Dit account bestaat niet.", "This account does not exist.");

export class AccountService {
  readonly repo: AccountsRepository;
  private readonly identities: GatewayIdentityRepository;
  private readonly store: Store;
  private readonly clock: () => number;
  private readonly secretBox: () => SecretBox;
  private dummyHash: Promise<string> | undefined;

  constructor(options: AccountServiceOptions) {
    this.store = options.store;
    this.repo = new AccountsRepository(options.store.db);
    this.identities = new GatewayIdentityRepository(options.store.db);
    this.clock = options.clock;
    this.secretBox = options.secretBox;
  }

  private now(): Date {
    return new Date(this.clock());
  }

  async setupRequired(): Promise<boolean> {
    return (await this.repo.count()) === 0;
  }

  async totpForEveryone(): Promise<boolean> {
    const raw = await this.store.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", TOTP_FOR_EVERYONE_SETTING)
      .executeTakeFirst();
    return raw ? JSON.parse(raw.value) === true : false;
  }

  async setTotpForEveryone(actor: AdminActor, value: boolean): Promise<void> {
    const before = await this.totpForEveryone();
    await this.store.settings.set(TOTP_FOR_EVERYONE_SETTING, value);
    if (before !== value) {
      await recordAdminAction(
        this.store,
        actor,
        "settings.changed",
        null,
        { setting: TOTP_FOR_EVERYONE_SETTING, value },
        this.now(),
      );
    }
  }

  /** Whether the account has to enrol TOTP before it may do anything else. */
  async totpEnrollmentRequired(account: AccountRecord): Promise<boolean> {
    if (account.totpEnabledAt !== null) return false;
    return isAdminRole(account.role) || (await this.totpForEveryone());
  }

  // First start

  async setupOwner(
    input: {
      name: string;
      displayName?: string | undefined;
      password: string;
      language?: "nl" | "en" | undefined;
    },
    origin?: LoginOrigin,
  ): Promise<{ account: AccountRecord; session: NewSession }> {
    const name = checkName(input.name);
    checkPassword(input.password, name);
    if (!(await this.setupRequired())) throw this.alreadySetUp();
    const passwordHash = await hashPassword(input.password);
    // Checked again after the slow hash: two set-up requests at once must not both win.
    if (!(await this.setupRequired())) throw this.alreadySetUp();
    const account = await this.insertAccount({
      name,
      displayName: input.displayName?.trim() || name,
      role: "owner",
      team: null,
      language: input.language ?? "nl",
      passwordHash,
      passwordChangeRequired: false,
    });
    if ((await this.repo.count()) > 1) {
      // Lost a race with another set-up: undo ours rather than leave two owners nobody chose.
      await this.store.db.deleteFrom("accounts").where("id", "=", account.id).execute();
      throw this.alreadySetUp();
    }
    return { account, session: await this.startSession(account.id, "active", deviceOf(origin)) };
  }

  private alreadySetUp() {
    return new AccountError(
      409,
      "already_set_up",
      "Poortwachter is al ingericht. Log in met je account.",
      "Poortwachter has already been set up. Log in with your account.",
    );
  }

  private async insertAccount(input: {
    name: string;
    displayName: string;
    role: AccountRole;
    team: string | null;
    language: "nl" | "en";
    passwordHash: string;
    passwordChangeRequired: boolean;
  }): Promise<AccountRecord> {
    const now = this.now();
    if (input.team !== null) await this.identities.ensureTeam(input.team, now);
    const existingUser = await this.identities.getUser(input.name);
    await this.identities.ensureUser(input.name, input.team, now);
    // A gateway user made earlier through the CLI keeps its keys; its team follows the account.
    if (existingUser && existingUser.team !== input.team) await this.identities.setUserTeam(input.name, input.team);
    try {
      return await this.repo.insert({ id: `acc_${randomUUID()}`, createdAt: now.toISOString(), ...input });
    } catch (err) {
      if (err instanceof Error && err.name === "DuplicateIdError") {
        throw new AccountError(
          409,
          "name_taken",
          "Er bestaat al een account met deze naam.",
          "An account with this name already exists.",
        );
      }
      throw err;
    }
  }

  // Login

  /** Refuses with 429 while the name or the address is locked out. */
  async checkThrottle(name: string, ip: string): Promise<void> {
    const now = this.clock();
    for (const key of [`name:${name.toLowerCase()}`, `ip:${ip}`]) {
      const record = await this.repo.getThrottle(key);
      if (record?.lockedUntil && Date.parse(record.lockedUntil) > now) {
        const seconds = Math.ceil((Date.parse(record.lockedUntil) - now) / 1000);
        throw new AccountError(
          429,
          "too_many_attempts",
          `Te veel mislukte pogingen. Probeer het over ${seconds} seconden opnieuw.`,
          `Too many failed attempts. Try again in ${seconds} seconds.`,
          { retryAfterSeconds: seconds },
        );
      }
    }
  }

  private async recordFailure(name: string, ip: string): Promise<void> {
    const now = this.clock();
    const nowIso = new Date(now).toISOString();
    for (const [key, limit] of [
      [`name:${name.toLowerCase()}`, NAME_FAILURE_LIMIT],
      [`ip:${ip}`, IP_FAILURE_LIMIT],
    ] as const) {
      const record = await this.repo.getThrottle(key);
      const failures = (record?.failures ?? 0) + 1;
      // Each failure past the limit doubles the lock-out: 30 s, 1 min, 2 min … up to 15 min.
      const lockMs = failures >= limit ? Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - limit)) : 0;
      await this.repo.setThrottle(
        { key, failures, lockedUntil: lockMs > 0 ? new Date(now + lockMs).toISOString() : null },
        nowIso,
      );
    }
  }

  private invalidLogin() {
    return new AccountError(401, "invalid_login", "Onjuiste naam of wachtwoord.", "Incorrect name or password.");
  }

  async login(name: string, password: string, ip: string, userAgent?: string): Promise<LoginResult> {
    const device = deviceOf({ ip, userAgent });
    await this.checkThrottle(name, ip);
    const account = await this.repo.getByName(name);
    if (!account) {
      // Same work as a real check, so the answer's timing does not tell which names exist.
      this.dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
      await verifyPassword(await this.dummyHash, password);
      await this.recordFailure(name, ip);
      throw this.invalidLogin();
    }
    const ok = await verifyPassword(account.passwordHash, password);
    if (!ok) {
      await this.recordFailure(name, ip);
      throw this.invalidLogin();
    }
    if (account.disabledAt !== null) {
      throw new AccountError(
        403,
        "account_disabled",
        "Dit account is uitgeschakeld. Vraag de beheerder om het weer aan te zetten.",
        "This account has been disabled. Ask the administrator to enable it again.",
      );
    }
    if (account.totpEnabledAt !== null) {
      return { kind: "totp", session: await this.startSession(account.id, "totp", device) };
    }
    await this.repo.clearThrottle(`name:${name.toLowerCase()}`);
    return { kind: "session", account, session: await this.startSession(account.id, "active", device) };
  }

  /** The second step: a TOTP code or a recovery code. Replaces the pending session by a new one. */
  async loginSecondFactor(
    pending: ResolvedSession,
    code: string,
    ip: string,
  ): Promise<{ session: NewSession; account: AccountRecord; usedRecoveryCode: boolean }> {
    const { account } = pending;
    await this.checkThrottle(account.name, ip);
    const result = await this.checkSecondFactor(account, code);
    if (!result.ok) {
      await this.recordFailure(account.name, ip);
      throw result.error;
    }
    await this.repo.clearThrottle(`name:${account.name.toLowerCase()}`);
    await this.repo.deleteSession(pending.session.idHash);
    const fresh = (await this.repo.get(account.id)) ?? account;
    return {
      // The device was noted at the password step; the second step comes from the same browser.
      session: await this.startSession(account.id, "active", deviceOfSession(pending.session)),
      account: fresh,
      usedRecoveryCode: result.recovery,
    };
  }

  private async checkSecondFactor(
    account: AccountRecord,
    code: string,
  ): Promise<{ ok: true; recovery: boolean } | { ok: false; error: AccountError }> {
    const wrong = new AccountError(
      401,
      "invalid_code",
      "Deze code klopt niet. Gebruik de code die je app nu toont, of een herstelcode.",
      "This code is not correct. Use the code your app shows now, or a recovery code.",
    );
    if (!account.totpSecret) return { ok: false, error: wrong };
    if (looksLikeRecoveryCode(code)) {
      const used = await this.repo.consumeRecoveryCode(account.id, hashRecoveryCode(code), this.now().toISOString());
      return used ? { ok: true, recovery: true } : { ok: false, error: wrong };
    }
    const secret = this.openSecret(account.totpSecret);
    const step = totpStep(secret, code, this.clock());
    if (step === null) return { ok: false, error: wrong };
    if (!(await this.repo.claimTotpStep(account.id, step))) {
      return {
        ok: false,
        error: new AccountError(
          401,
          "code_reused",
          "Deze code is al gebruikt. Wacht op de volgende code in je app.",
          "This code has already been used. Wait for the next code in your app.",
        ),
      };
    }
    return { ok: true, recovery: false };
  }

  /**
   * Opens a sealed TOTP secret. Fails when this instance has another key than the one that sealed
   * it: several instances on one PostgreSQL database need the same security.vaultKey.
   */
  private openSecret(sealed: string): string {
    try {
      return this.secretBox().open(sealed);
    } catch {
      throw new AccountError(
        500,
        "totp_key_mismatch",
        "De tweestapsverificatie kan niet worden gecontroleerd: deze server heeft een andere sleutel dan de server waarop ze is ingesteld. Geef alle servers dezelfde security.vaultKey (POORTWACHTER_VAULT_KEY).",
        "Two-step verification cannot be checked: this server has another key than the server it was set up on. Give all servers the same security.vaultKey (POORTWACHTER_VAULT_KEY).",
      );
    }
  }

  // Sessions

  async startSession(
    accountId: string,
    stage: SessionRecord["stage"],
    device: SessionDevice = UNKNOWN_DEVICE,
  ): Promise<NewSession> {
    const now = this.clock();
    // Housekeeping rides on logins (rare, and never on the request path of the gateway).
    await this.repo.deleteExpiredSessions(new Date(now).toISOString());
    await this.repo.deleteStaleThrottles(new Date(now - THROTTLE_MEMORY_MS).toISOString(), new Date(now).toISOString());
    const sessionToken = token();
    const csrfToken = token();
    const expiresAt = new Date(now + (stage === "active" ? SESSION_ABSOLUTE_MS : PENDING_LOGIN_MS)).toISOString();
    await this.repo.insertSession({
      idHash: sha256(sessionToken),
      accountId,
      stage,
      csrfHash: sha256(csrfToken),
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      expiresAt,
      ...device,
    });
    return { token: sessionToken, csrfToken, expiresAt, stage };
  }

  /** The session behind a cookie, or undefined when it is unknown, expired, idle too long or its account is disabled. */
  async resolveSession(sessionToken: string | undefined): Promise<ResolvedSession | undefined> {
    if (!sessionToken || sessionToken.length > 200) return undefined;
    const idHash = sha256(sessionToken);
    const session = await this.repo.getSession(idHash);
    if (!session) return undefined;
    const now = this.clock();
    const idle = session.stage === "active" && now - Date.parse(session.lastSeenAt) > SESSION_IDLE_MS;
    if (Date.parse(session.expiresAt) <= now || idle) {
      await this.repo.deleteSession(idHash);
      return undefined;
    }
    const account = await this.repo.get(session.accountId);
    if (!account || account.disabledAt !== null) return undefined;
    if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
      await this.repo.touchSession(idHash, new Date(now).toISOString());
    }
    return { session, account };
  }

  csrfMatches(session: SessionRecord, presented: string | undefined): boolean {
    if (!presented || presented.length > 200) return false;
    return sameHash(sha256(presented), session.csrfHash);
  }

  async endSession(session: SessionRecord): Promise<void> {
    await this.repo.deleteSession(session.idHash);
  }

  /** The window in which a stored session still counts as logged in (not expired, not idle too long). */
  private liveWindow(): { seenAfter: string; expiresAfter: string } {
    const now = this.clock();
    return {
      seenAfter: new Date(now - SESSION_IDLE_MS).toISOString(),
      expiresAfter: new Date(now).toISOString(),
    };
  }

  /** "Where am I logged in": the person's own logged-in sessions, the one asking marked as current. */
  async listOwnSessions(current: ResolvedSession): Promise<SessionView[]> {
    const sessions = await this.repo.listActiveSessions(current.account.id, this.liveWindow());
    // This device first, then the others by last activity (the repository's order; sort is stable).
    sessions.sort((a, b) => Number(b.idHash === current.session.idHash) - Number(a.idHash === current.session.idHash));
    return sessions.map((s) => ({
      id: sessionViewId(s.idHash),
      browser: s.browser,
      os: s.os,
      ipPrefix: s.ipPrefix,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.idHash === current.session.idHash,
    }));
  }

  /** Ends one of the person's own sessions, found by its public id among their own only. */
  async endOwnSession(current: ResolvedSession, id: string): Promise<void> {
    const sessions = await this.repo.listActiveSessions(current.account.id, this.liveWindow());
    const target = sessions.find((s) => sessionViewId(s.idHash) === id);
    if (!target) {
      throw new AccountError(
        404,
        "session_not_found",
        "Deze sessie bestaat niet (meer).",
        "This session does not exist (any more).",
      );
    }
    await this.repo.deleteSession(target.idHash);
  }

  /** Logs the person out everywhere except here; returns how many sessions ended. */
  async endOtherSessions(current: ResolvedSession): Promise<number> {
    return this.repo.deleteSessionsOf(current.account.id, current.session.idHash);
  }

  // Own account

  async changePassword(
    current: ResolvedSession,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ session: NewSession; account: AccountRecord }> {
    const { account } = current;
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new AccountError(
        401,
        "wrong_password",
        "Het huidige wachtwoord klopt niet.",
        "The current password is not correct.",
      );
    }
    checkPassword(newPassword, account.name);
    if (await verifyPassword(account.passwordHash, newPassword)) {
      throw new AccountError(
        422,
        "password_unchanged",
        "Kies een ander wachtwoord dan het huidige.",
        "Choose a password different from the current one.",
      );
    }
    const updated = await this.repo.update(
      account.id,
      { passwordHash: await hashPassword(newPassword), passwordChangeRequired: false },
      this.now(),
    );
    // Every other session of this account ends; this one is replaced by a fresh one on the same device.
    await this.repo.deleteSessionsOf(account.id);
    return {
      account: updated,
      session: await this.startSession(account.id, "active", deviceOfSession(current.session)),
    };
  }

  async updateProfile(
    account: AccountRecord,
    patch: { displayName?: string | undefined; language?: "nl" | "en" | undefined },
  ): Promise<AccountRecord> {
    return this.repo.update(
      account.id,
      {
        ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() || account.name } : {}),
        ...(patch.language !== undefined ? { language: patch.language } : {}),
      },
      this.now(),
    );
  }

  // TOTP enrolment

  async beginTotpEnrolment(account: AccountRecord): Promise<TotpEnrolment> {
    if (account.totpEnabledAt !== null) {
      throw new AccountError(
        409,
        "totp_already_enabled",
        "Tweestapsverificatie staat al aan.",
        "Two-step verification is already on.",
      );
    }
    const secret = newTotpSecret();
    await this.repo.update(account.id, { totpPendingSecret: this.secretBox().seal(secret) }, this.now());
    return totpEnrolment(secret, account.name);
  }

  /** Turns TOTP on when the code matches the pending secret; returns the recovery codes, shown once. */
  async confirmTotpEnrolment(account: AccountRecord, code: string): Promise<{ recoveryCodes: string[] }> {
    if (!account.totpPendingSecret) {
      throw new AccountError(
        409,
        "no_enrolment",
        "Start eerst het instellen van tweestapsverificatie.",
        "Start setting up two-step verification first.",
      );
    }
    const secret = this.openSecret(account.totpPendingSecret);
    const step = totpStep(secret, code, this.clock());
    if (step === null) {
      throw new AccountError(
        422,
        "invalid_code",
        "Deze code klopt niet. Controleer of de klok van je telefoon goed staat en probeer de nieuwe code.",
        "This code is not correct. Check that your phone's clock is right and try the next code.",
      );
    }
    await this.repo.update(
      account.id,
      {
        totpSecret: account.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: this.now().toISOString(),
        totpLastStep: step,
      },
      this.now(),
    );
    return { recoveryCodes: await this.replaceRecoveryCodes(account.id) };
  }

  /** New recovery codes (the old ones stop working); needs a current TOTP code. */
  async regenerateRecoveryCodes(account: AccountRecord, code: string): Promise<{ recoveryCodes: string[] }> {
    if (account.totpEnabledAt === null) {
      throw new AccountError(
        409,
        "totp_not_enabled",
        "Zet eerst tweestapsverificatie aan.",
        "Turn on two-step verification first.",
      );
    }
    const result = await this.checkSecondFactor(account, code);
    if (!result.ok || result.recovery) {
      throw new AccountError(
        401,
        "invalid_code",
        "Deze code klopt niet. Gebruik de code die je app nu toont.",
        "This code is not correct. Use the code your app shows now.",
      );
    }
    return { recoveryCodes: await this.replaceRecoveryCodes(account.id) };
  }

  private async replaceRecoveryCodes(accountId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.repo.replaceRecoveryCodes(accountId, codes.map(hashRecoveryCode));
    return codes;
  }

  async recoveryCodesLeft(accountId: string): Promise<number> {
    return this.repo.unusedRecoveryCodes(accountId);
  }

  // Administration

  async listAccounts(): Promise<AccountRecord[]> {
    return this.repo.list();
  }

  /** Logged-in sessions per account id, for the users page. */
  async sessionCounts(): Promise<Map<string, number>> {
    return this.repo.countActiveSessions(this.liveWindow());
  }

  /** An admin logs someone out everywhere (a lost laptop); recorded with how many sessions ended. */
  async endSessionsOf(actor: AccountRecord, id: string): Promise<number> {
    const target = await this.getAccount(id);
    this.assertMayManage(actor, target);
    const ended = await this.repo.deleteSessionsOf(id);
    await this.audit(actor, "account.sessions_ended", target.name, { sessions: ended });
    return ended;
  }

  /**
   * Removes an account for good (someone who left; a GDPR erasure request). Only a disabled
   * account, never oneself, never the last owner. Its sessions, TOTP secrets, recovery codes and
   * chat conversations go; `revokeKeys` revokes its gateway keys (the web API passes the
   * gateway's identity service, so a cached key stops working at once) and answers how many.
   * Usage audit records keep the name: they are the AI register's record of use and hold no
   * prompt text. Recorded in the admin audit.
   */
  async removeAccount(
    actor: AccountRecord,
    id: string,
    revokeKeys: (name: string) => Promise<number>,
  ): Promise<RemovedAccount & { keys: number }> {
    const target = await this.getAccount(id);
    this.assertMayManage(actor, target);
    if (target.id === actor.id) {
      throw new AccountError(
        409,
        "cannot_remove_self",
        "Je kunt je eigen account niet verwijderen.",
        "You cannot remove your own account.",
      );
    }
    if (target.disabledAt === null) {
      throw new AccountError(
        409,
        "not_disabled",
        "Schakel het account eerst uit; daarna kun je het verwijderen.",
        "Disable the account first; then you can remove it.",
      );
    }
    // A disabled owner is not counted as active, so check owners that would remain at all.
    if (target.role === "owner" && (await this.repo.countActiveOwners()) < 1) {
      throw new AccountError(
        409,
        "last_owner",
        "Dit is de laatste eigenaar. Maak eerst iemand anders eigenaar.",
        "This is the last owner. Make someone else an owner first.",
      );
    }
    const keys = await revokeKeys(target.name);
    const removed = await this.repo.removeAccount(target.id);
    await this.repo.clearThrottle(`name:${target.name.toLowerCase()}`);
    await this.audit(actor, "account.removed", target.name, {
      role: target.role,
      keysRevoked: keys,
      sessionsEnded: removed.sessions,
      recoveryCodesDeleted: removed.recoveryCodes,
      conversationsDeleted: removed.conversations,
    });
    return { ...removed, keys };
  }

  async getAccount(id: string): Promise<AccountRecord> {
    const account = await this.repo.get(id);
    if (!account) throw notFound();
    return account;
  }

  /** An admin adds a person; the one-time password is shown to the admin once and must be changed at first login. */
  async createAccount(
    actor: AccountRecord,
    input: { name: string; displayName?: string | undefined; role: AccountRole; team?: string | null | undefined },
  ): Promise<{ account: AccountRecord; oneTimePassword: string }> {
    const name = checkName(input.name);
    const team = input.team ? checkTeam(input.team) : null;
    this.assertMayGrant(actor, input.role);
    const password = oneTimePassword();
    const account = await this.insertAccount({
      name,
      displayName: input.displayName?.trim() || name,
      role: input.role,
      team,
      language: actor.language,
      passwordHash: await hashPassword(password),
      passwordChangeRequired: true,
    });
    await this.audit(actor, "account.created", account.name, { role: account.role, team: account.team });
    return { account, oneTimePassword: password };
  }

  async updateAccount(
    actor: AccountRecord,
    id: string,
    patch: {
      role?: AccountRole | undefined;
      team?: string | null | undefined;
      disabled?: boolean | undefined;
      displayName?: string | undefined;
    },
  ): Promise<AccountRecord> {
    const target = await this.getAccount(id);
    this.assertMayManage(actor, target);
    if (patch.role !== undefined && patch.role !== target.role) {
      this.assertMayGrant(actor, patch.role);
      if (target.role === "owner") await this.assertNotLastOwner(target);
      await this.repo.update(id, { role: patch.role }, this.now());
      await this.audit(actor, "account.role_changed", target.name, { from: target.role, to: patch.role });
    }
    if (patch.team !== undefined && patch.team !== target.team) {
      const team = patch.team === null ? null : checkTeam(patch.team);
      if (team !== null) await this.identities.ensureTeam(team, this.now());
      await this.identities.ensureUser(target.name, team, this.now());
      await this.identities.setUserTeam(target.name, team);
      await this.repo.update(id, { team }, this.now());
      await this.audit(actor, "account.team_changed", target.name, { from: target.team, to: team });
    }
    if (patch.displayName?.trim() && patch.displayName !== target.displayName) {
      await this.repo.update(id, { displayName: patch.displayName.trim() }, this.now());
    }
    if (patch.disabled !== undefined && patch.disabled !== (target.disabledAt !== null)) {
      if (patch.disabled) {
        if (target.id === actor.id) {
          throw new AccountError(
            409,
            "cannot_disable_self",
            "Je kunt je eigen account niet uitschakelen.",
            "You cannot disable your own account.",
          );
        }
        if (target.role === "owner") await this.assertNotLastOwner(target);
        await this.repo.update(id, { disabledAt: this.now().toISOString() }, this.now());
        await this.repo.deleteSessionsOf(id);
        await this.audit(actor, "account.disabled", target.name);
      } else {
        await this.repo.update(id, { disabledAt: null }, this.now());
        await this.audit(actor, "account.enabled", target.name);
      }
    }
    return this.getAccount(id);
  }

  /** Turns TOTP off for someone who lost their phone and codes; they enrol again at next login. */
  async resetTotp(actor: AccountRecord, id: string): Promise<AccountRecord> {
    const target = await this.getAccount(id);
    this.assertMayManage(actor, target);
    const updated = await this.repo.update(
      id,
      { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
      this.now(),
    );
    await this.repo.replaceRecoveryCodes(id, []);
    await this.repo.deleteSessionsOf(id);
    await this.audit(actor, "account.totp_reset", target.name);
    return updated;
  }

  async resetPassword(actor: AccountRecord, id: string): Promise<{ account: AccountRecord; oneTimePassword: string }> {
    const target = await this.getAccount(id);
    this.assertMayManage(actor, target);
    const password = oneTimePassword();
    const account = await this.repo.update(
      id,
      { passwordHash: await hashPassword(password), passwordChangeRequired: true },
      this.now(),
    );
    await this.repo.deleteSessionsOf(id);
    await this.audit(actor, "account.password_reset", target.name);
    return { account, oneTimePassword: password };
  }

  /**
   * For whoever runs the server (the `poortwachter accounts` command): gets a locked-out owner
   * back in when their phone and recovery codes are gone. Recorded in the audit as done by "cli".
   */
  async resetFromConsole(
    name: string,
    what: { totp: boolean; password: boolean },
  ): Promise<{ account: AccountRecord; oneTimePassword?: string }> {
    const target = await this.repo.getByName(name);
    if (!target) throw notFound();
    const actor = { id: null, name: "cli" };
    let oneTime: string | undefined;
    if (what.totp) {
      await this.repo.update(
        target.id,
        { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
        this.now(),
      );
      await this.repo.replaceRecoveryCodes(target.id, []);
      await recordAdminAction(this.store, actor, "account.totp_reset", target.name, {}, this.now());
    }
    if (what.password) {
      oneTime = oneTimePassword();
      await this.repo.update(
        target.id,
        { passwordHash: await hashPassword(oneTime), passwordChangeRequired: true },
        this.now(),
      );
      await recordAdminAction(this.store, actor, "account.password_reset", target.name, {}, this.now());
    }
    if (target.disabledAt !== null && what.password) {
      await this.repo.update(target.id, { disabledAt: null }, this.now());
      await recordAdminAction(this.store, actor, "account.enabled", target.name, {}, this.now());
    }
    await this.repo.deleteSessionsOf(target.id);
    await this.repo.clearThrottle(`name:${target.name.toLowerCase()}`);
    const account = await this.getAccount(target.id);
    return oneTime === undefined ? { account } : { account, oneTimePassword: oneTime };
  }

  async listTeams(): Promise<Array<{ name: string; createdAt: string; members: number }>> {
    const [teams, accounts] = await Promise.all([this.identities.listTeams(), this.repo.list()]);
    return teams.map((t) => ({ ...t, members: accounts.filter((a) => a.team === t.name).length }));
  }

  async createTeam(actor: AccountRecord, name: string): Promise<{ name: string; createdAt: string }> {
    const team = checkTeam(name);
    try {
      const created = await this.identities.addTeam(team, this.now());
      await this.audit(actor, "team.created", team);
      return created;
    } catch (err) {
      if (err instanceof Error && err.name === "DuplicateIdError") {
        throw new AccountError(409, "team_exists", "Dit team bestaat al.", "This team already exists.");
      }
      throw err;
    }
  }

  async audit(actor: AccountRecord, action: string, target: string | null, details: Record<string, unknown> = {}) {
    await recordAdminAction(this.store, { id: actor.id, name: actor.name }, action, target, details, this.now());
  }

  /** Admins manage members and other admins; only an owner manages owners. */
  private assertMayManage(actor: AccountRecord, target: AccountRecord): void {
    if (target.role === "owner" && actor.role !== "owner") {
      throw new AccountError(
        403,
        "owner_only",
        "Alleen een eigenaar kan een eigenaarsaccount wijzigen.",
        "Only an owner can change an owner's account.",
      );
    }
  }

  private assertMayGrant(actor: AccountRecord, role: AccountRole): void {
    if (role === "owner" && actor.role !== "owner") {
      throw new AccountError(
        403,
        "owner_only",
        "Alleen een eigenaar kan iemand eigenaar maken.",
        "Only an owner can make someone an owner.",
      );
    }
  }

  private async assertNotLastOwner(target: AccountRecord): Promise<void> {
    if (target.disabledAt === null && (await this.repo.countActiveOwners()) <= 1) {
      throw new AccountError(
        409,
        "last_owner",
        "Dit is de laatste eigenaar. Maak eerst iemand anders eigenaar.",
        "This is the last owner. Make someone else an owner first.",
      );
    }
  }
}
