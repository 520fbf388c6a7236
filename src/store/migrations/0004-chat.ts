import type { Kysely, Migration } from "kysely";

/**
 * The team chat's conversations. One row per conversation; its title and messages are sealed
 * (AES-256-GCM, see src/chat/conversation-cipher.ts), so the database never holds them in plain
 * text. Rows belong to one account and go when it goes; the retention period purges them by
 * their last activity.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations operate on an untyped database by design
type AnyDb = Kysely<any>;

export const chatMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("chat_conversations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
      .addColumn("title_sealed", "text", (c) => c.notNull())
      .addColumn("content_sealed", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("chat_conversations_account")
      .on("chat_conversations")
      .columns(["account_id", "updated_at"])
      .execute();
    await db.schema.createIndex("chat_conversations_updated").on("chat_conversations").column("updated_at").execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable("chat_conversations").execute();
  },
};
