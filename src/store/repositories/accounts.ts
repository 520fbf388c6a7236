import type { Kysely } from "kysely";
import { DuplicateIdError, isUniqueViolation, RecordNotFoundError } from "../errors.js";
import type { AccountSessionsTable, AccountsTable, Database } from "../schema.js";

/**
 * Web app accounts, their sessions, recovery codes, login throttle counters and the admin audit.
 * Secrets arrive here already hashed or sealed: this layer never sees a password or TOTP secret.
 */

export type AccountRole = "owner" | "admin" | "member";

export interface AccountRecord {
  id: string;
  name: string;
  displayName: string;
  role: AccountRole;
  team: string | null;
  language: "nl" | "en";
  passwordHash: string;
  passwordChangeRequired: boolean;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpEnabledAt: string | null;
  totpLastStep: number | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewAccount = Omit<
  AccountRecord,
  "totpSecret" | "totpPendingSecret" | "totpEnabledAt" | "totpLastStep" | "disabledAt" | "updatedAt"
>;

export type AccountPatch = Partial<
  Pick<
    AccountRecord,
    | "displayName"
    | "role"
    | "team"
    | "language"
    | "passwordHash"
    | "passwordChangeRequired"
    | "totpSecret"
    | "totpPendingSecret"
    | "totpEnabledAt"
    | "totpLastStep"
    | "disabledAt"
  >
>;

export type SessionStage = "totp" | "active";

export interface SessionRecord {
  idHash: string;
  accountId: string;
  stage: SessionStage;
  csrfHash: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** Browser and operating system in plain words ("Firefox", "Windows"); null when unknown. */
  browser: string | null;
  os: string | null;
  /** The caller's address cut to /24 (IPv4) or /48 (IPv6); null when unknown. */
  ipPrefix: string | null;
}

/** What a removed account left behind, for the admin audit. */
export interface RemovedAccount {
  sessions: number;
  recoveryCodes: number;
  conversations: number;
}

export interface ThrottleRecord {
  key: string;
  failures: number;
  lockedUntil: string | null;
}

export interface AdminAuditRecord {
  id: string;
  time: string;
  actorId: string | null;
  actorName: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

function toAccount(row: AccountsTable): AccountRecord {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    role: row.role as AccountRole,
    team: row.team,
    language: row.language === "en" ? "en" : "nl",
    passwordHash: row.password_hash,
    passwordChangeRequired: Number(row.password_change_required) === 1,
    totpSecret: row.totp_secret,
    totpPendingSecret: row.totp_pending_secret,
    totpEnabledAt: row.totp_enabled_at,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSession(row: AccountSessionsTable): SessionRecord {
  return {
    idHash: row.id_hash,
    accountId: row.account_id,
    stage: row.stage === "active" ? "active" : "totp",
    csrfHash: row.csrf_hash,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    browser: row.browser ?? null,
    os: row.os ?? null,
    ipPrefix: row.ip_prefix ?? null,
  };
}

export class AccountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom("accounts")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countActiveOwners(): Promise<number> {
    const row = await this.db
      .selectFrom("accounts")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("role", "=", "owner")
      .where("disabled_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(account: NewAccount): Promise<AccountRecord> {
    const row: AccountsTable = {
      id: account.id,
      name: account.name,
      display_name: account.displayName,
      role: account.role,
      team: account.team,
      language: account.language,
      password_hash: account.passwordHash,
      password_change_required: account.passwordChangeRequired ? 1 : 0,
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      disabled_at: null,
      created_at: account.createdAt,
      updated_at: account.createdAt,
    };
    try {
      await this.db.insertInto("accounts").values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateIdError("account", account.name);
      throw err;
    }
    return toAccount(row);
  }

  async get(id: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toAccount(row) : undefined;
  }

  async getByName(name: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom("accounts").selectAll().where("name", "=", name).executeTakeFirst();
    return row ? toAccount(row) : undefined;
  }

  async list(): Promise<AccountRecord[]> {
    const rows = await this.db.selectFrom("accounts").selectAll().orderBy("name").execute();
    return rows.map(toAccount);
  }

  async update(id: string, patch: AccountPatch, now: Date): Promise<AccountRecord> {
    const set: Partial<AccountsTable> = { updated_at: now.toISOString() };
    if (patch.displayName !== undefined) set.display_name = patch.displayName;
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.team !== undefined) set.team = patch.team;
    if (patch.language !== undefined) set.language = patch.language;
    if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash;
    if (patch.passwordChangeRequired !== undefined) set.password_change_required = patch.passwordChangeRequired ? 1 : 0;
    if (patch.totpSecret !== undefined) set.totp_secret = patch.totpSecret;
    if (patch.totpPendingSecret !== undefined) set.totp_pending_secret = patch.totpPendingSecret;
    if (patch.totpEnabledAt !== undefined) set.totp_enabled_at = patch.totpEnabledAt;
    if (patch.totpLastStep !== undefined) set.totp_last_step = patch.totpLastStep;
    if (patch.disabledAt !== undefined) set.disabled_at = patch.disabledAt;
    const result = await this.db.updateTable("accounts").set(set).where("id", "=", id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new RecordNotFoundError("account", id);
    const account = await this.get(id);
    if (!account) throw new RecordNotFoundError("account", id);
    return account;
  }

  /**
   * Records a TOTP step as used, only when it is newer than the last one: the conditional update
   * makes a replayed code fail even when two instances check it at the same moment.
   */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable("accounts")
      .set({ totp_last_step: step })
      .where("id", "=", id)
      .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  // Sessions

  async insertSession(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto("account_sessions")
      .values({
        id_hash: session.idHash,
        account_id: session.accountId,
        stage: session.stage,
        csrf_hash: session.csrfHash,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
        browser: session.browser,
        os: session.os,
        ip_prefix: session.ipPrefix,
      })
      .execute();
  }

  /**
   * The logged-in sessions of one account (not those halfway through a login), newest activity
   * first. `seenAfter` drops sessions idle for too long, `expiresAfter` the expired ones.
   */
  async listActiveSessions(accountId: string, window: { seenAfter: string; expiresAfter: string }) {
    const rows = await this.db
      .selectFrom("account_sessions")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("stage", "=", "active")
      .where("last_seen_at", ">", window.seenAfter)
      .where("expires_at", ">", window.expiresAfter)
      .orderBy("last_seen_at", "desc")
      .orderBy("created_at", "desc")
      .execute();
    return rows.map(toSession);
  }

  /** How many logged-in sessions each account has (accounts without any are left out). */
  async countActiveSessions(window: { seenAfter: string; expiresAfter: string }): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("account_sessions")
      .select(["account_id", (eb) => eb.fn.countAll<number | string>().as("n")])
      .where("stage", "=", "active")
      .where("last_seen_at", ">", window.seenAfter)
      .where("expires_at", ">", window.expiresAfter)
      .groupBy("account_id")
      .execute();
    return new Map(rows.map((r) => [r.account_id, Number(r.n)]));
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom("account_sessions")
      .selectAll()
      .where("id_hash", "=", idHash)
      .executeTakeFirst();
    return row ? toSession(row) : undefined;
  }

  async touchSession(idHash: string, lastSeenAt: string): Promise<void> {
    await this.db
      .updateTable("account_sessions")
      .set({ last_seen_at: lastSeenAt })
      .where("id_hash", "=", idHash)
      .execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom("account_sessions").where("id_hash", "=", idHash).execute();
  }

  /** Ends every session of an account, except optionally the one making the change; returns how many. */
  async deleteSessionsOf(accountId: string, except?: string): Promise<number> {
    let query = this.db.deleteFrom("account_sessions").where("account_id", "=", accountId);
    if (except !== undefined) query = query.where("id_hash", "!=", except);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpiredSessions(nowIso: string): Promise<void> {
    await this.db.deleteFrom("account_sessions").where("expires_at", "<=", nowIso).execute();
  }

  /**
   * Removes an account with what belongs to it alone: sessions, recovery codes (TOTP secrets sit
   * on the account row) and chat conversations, in one transaction. Explicit deletes rather than
   * relying on ON DELETE CASCADE, which SQLite only honours with its foreign_keys pragma on.
   * Gateway keys and usage records are not here: keys are revoked through the gateway's identity
   * service (so its cache drops them at once), and usage records stay as the AI register's record.
   */
  async removeAccount(id: string): Promise<RemovedAccount> {
    return this.db.transaction().execute(async (trx) => {
      const sessions = await trx.deleteFrom("account_sessions").where("account_id", "=", id).executeTakeFirst();
      const codes = await trx.deleteFrom("account_recovery_codes").where("account_id", "=", id).executeTakeFirst();
      const chats = await trx.deleteFrom("chat_conversations").where("account_id", "=", id).executeTakeFirst();
      const account = await trx.deleteFrom("accounts").where("id", "=", id).executeTakeFirst();
      if (Number(account.numDeletedRows) === 0) throw new RecordNotFoundError("account", id);
      return {
        sessions: Number(sessions.numDeletedRows),
        recoveryCodes: Number(codes.numDeletedRows),
        conversations: Number(chats.numDeletedRows),
      };
    });
  }

  // Recovery codes

  async replaceRecoveryCodes(accountId: string, hashes: string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("account_recovery_codes").where("account_id", "=", accountId).execute();
      if (hashes.length > 0) {
        await trx
          .insertInto("account_recovery_codes")
          .values(hashes.map((code_hash) => ({ account_id: accountId, code_hash, used_at: null })))
          .execute();
      }
    });
  }

  /** Marks an unused code as used; false when it does not exist or was used before. */
  async consumeRecoveryCode(accountId: string, hash: string, nowIso: string): Promise<boolean> {
    const result = await this.db
      .updateTable("account_recovery_codes")
      .set({ used_at: nowIso })
      .where("account_id", "=", accountId)
      .where("code_hash", "=", hash)
      .where("used_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async unusedRecoveryCodes(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom("account_recovery_codes")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("account_id", "=", accountId)
      .where("used_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // Login throttle

  async getThrottle(key: string): Promise<ThrottleRecord | undefined> {
    const row = await this.db.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirst();
    return row ? { key: row.key, failures: Number(row.failures), lockedUntil: row.locked_until } : undefined;
  }

  async setThrottle(record: ThrottleRecord, nowIso: string): Promise<void> {
    const row = {
      key: record.key,
      failures: record.failures,
      locked_until: record.lockedUntil,
      updated_at: nowIso,
    };
    await this.db
      .insertInto("login_throttle")
      .values(row)
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({ failures: row.failures, locked_until: row.locked_until, updated_at: nowIso }),
      )
      .execute();
  }

  /** Forgets counters untouched since `beforeIso` whose lock-out is over, so guessed names do not pile up. */
  async deleteStaleThrottles(beforeIso: string, nowIso: string): Promise<void> {
    await this.db
      .deleteFrom("login_throttle")
      .where("updated_at", "<", beforeIso)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", nowIso)]))
      .execute();
  }

  async clearThrottle(key: string): Promise<void> {
    await this.db.deleteFrom("login_throttle").where("key", "=", key).execute();
  }

  // Admin audit

  async insertAudit(record: AdminAuditRecord): Promise<void> {
    await this.db
      .insertInto("admin_audit")
      .values({
        id: record.id,
        time: record.time,
        actor_id: record.actorId,
        actor_name: record.actorName,
        action: record.action,
        target: record.target,
        details: JSON.stringify(record.details),
      })
      .execute();
  }

  /** Newest first. */
  async listAudit(options: { limit?: number; before?: string } = {}): Promise<AdminAuditRecord[]> {
    let query = this.db
      .selectFrom("admin_audit")
      .selectAll()
      .orderBy("time", "desc")
      .orderBy("id", "desc")
      .limit(options.limit ?? 500);
    if (options.before !== undefined) query = query.where("time", "<", options.before);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      time: r.time,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      target: r.target,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  }
}
