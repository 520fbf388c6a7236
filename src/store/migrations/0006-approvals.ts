import type { Kysely, Migration } from "kysely";

/**
 * Approvals of gateway requests that the policy holds for a person (`toolCalls: require-approval`).
 * Only codes and counts: who asked, for which model and tools, the data class and the entity
 * counts. Never the prompt: the admin decides on what the request is, not on what it says.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations operate on an untyped database by design
type AnyDb = Kysely<any>;

export const approvalsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("gateway_approvals")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("user_name", "text", (c) => c.notNull())
      .addColumn("team", "text")
      .addColumn("key_id", "text")
      .addColumn("endpoint", "text", (c) => c.notNull())
      .addColumn("model", "text", (c) => c.notNull())
      /** JSON array of tool names the request offers the model. */
      .addColumn("tools", "text", (c) => c.notNull())
      .addColumn("classification", "text", (c) => c.notNull())
      /** JSON object entity type -> count. */
      .addColumn("entity_counts", "text", (c) => c.notNull())
      /** A hash of the user's conversation id: the approval holds for that conversation only. */
      .addColumn("conversation_hash", "text", (c) => c.notNull())
      .addColumn("requested_at", "text", (c) => c.notNull())
      .addColumn("decided_at", "text")
      .addColumn("decided_by", "text")
      .addColumn("note", "text")
      .addColumn("expires_at", "text")
      .addColumn("uses", "integer", (c) => c.notNull())
      .addColumn("last_used_at", "text")
      .execute();
    await db.schema
      .createIndex("gateway_approvals_status")
      .on("gateway_approvals")
      .columns(["status", "requested_at"])
      .execute();
    await db.schema
      .createIndex("gateway_approvals_user")
      .on("gateway_approvals")
      .columns(["user_name", "conversation_hash"])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable("gateway_approvals").execute();
  },
};
