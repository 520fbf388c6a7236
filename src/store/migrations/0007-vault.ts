import type { Kysely, Migration } from "kysely";

/**
 * The pseudonymisation vault on the store (one machine without Redis): one sealed session per
 * conversation. `sealed` is AES-256-GCM ciphertext in base64 (text, so both databases store it
 * the same way); the table never holds a readable value. Rows expire; the index serves the purge.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations operate on an untyped database by design
type AnyDb = Kysely<any>;

export const vaultMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("vault_sessions")
      .addColumn("session_id", "text", (c) => c.primaryKey())
      .addColumn("sealed", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("vault_sessions_expires_at").on("vault_sessions").column("expires_at").execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable("vault_sessions").execute();
  },
};
