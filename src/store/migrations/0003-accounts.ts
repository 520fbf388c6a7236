import type { Kysely, Migration } from "kysely";

/**
 * Accounts of the web app: people who log in (password + TOTP), their sessions, one-time
 * recovery codes, login throttling and the audit of what admins did to other accounts. An
 * account's name is also its gateway user name (gateway_users), so keys and spend line up.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations operate on an untyped database by design
type AnyDb = Kysely<any>;

export const accountsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("accounts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("team", "text")
      .addColumn("language", "text", (c) => c.notNull())
      .addColumn("password_hash", "text", (c) => c.notNull())
      // 1 after an admin set the password: the person must choose their own before anything else.
      .addColumn("password_change_required", "integer", (c) => c.notNull())
      .addColumn("totp_secret", "text")
      .addColumn("totp_pending_secret", "text")
      .addColumn("totp_enabled_at", "text")
      .addColumn("totp_last_step", "bigint")
      .addColumn("disabled_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("account_sessions")
      .addColumn("id_hash", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
      // "totp": password checked, waiting for the second factor; "active": logged in.
      .addColumn("stage", "text", (c) => c.notNull())
      .addColumn("csrf_hash", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_seen_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("account_recovery_codes")
      .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
      .addColumn("code_hash", "text", (c) => c.notNull())
      .addColumn("used_at", "text")
      .addPrimaryKeyConstraint("account_recovery_codes_pk", ["account_id", "code_hash"])
      .execute();
    await db.schema
      .createTable("login_throttle")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("failures", "integer", (c) => c.notNull())
      .addColumn("locked_until", "text")
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("admin_audit")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("time", "text", (c) => c.notNull())
      .addColumn("actor_id", "text")
      .addColumn("actor_name", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("target", "text")
      .addColumn("details", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("account_sessions_account").on("account_sessions").column("account_id").execute();
    await db.schema.createIndex("admin_audit_time").on("admin_audit").column("time").execute();
  },
  async down(db: AnyDb) {
    for (const table of ["admin_audit", "login_throttle", "account_recovery_codes", "account_sessions", "accounts"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
