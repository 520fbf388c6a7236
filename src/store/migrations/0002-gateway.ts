import type { Kysely, Migration } from "kysely";

/**
 * The gateway's accounting: users, teams, personal API keys, persisted spend counters and the
 * audit log. Amounts are integers in micro-units of the currency (1 EUR = 1 000 000) so sums stay
 * exact on both databases; `bigint` because a busy month overflows a 32-bit PostgreSQL integer.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations operate on an untyped database by design
type AnyDb = Kysely<any>;

export const gatewayMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("gateway_teams")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("gateway_users")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("team", "text", (c) => c.references("gateway_teams.name"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("gateway_keys")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("key_hash", "text", (c) => c.notNull())
      .addColumn("user_name", "text", (c) => c.notNull().references("gateway_users.name"))
      .addColumn("team", "text", (c) => c.references("gateway_teams.name"))
      .addColumn("label", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text")
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema
      .createTable("gateway_spend")
      .addColumn("counter_key", "text", (c) => c.primaryKey())
      .addColumn("amount_micros", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("gateway_audit")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("time", "text", (c) => c.notNull())
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("user_name", "text")
      .addColumn("team", "text")
      .addColumn("key_id", "text")
      .addColumn("tool", "text")
      .addColumn("endpoint", "text", (c) => c.notNull())
      .addColumn("protocol", "text", (c) => c.notNull())
      .addColumn("provider", "text")
      .addColumn("model_requested", "text")
      .addColumn("model_used", "text")
      .addColumn("tier", "text")
      .addColumn("classification", "text")
      .addColumn("decision", "text", (c) => c.notNull())
      .addColumn("reasons", "text", (c) => c.notNull())
      .addColumn("entity_counts", "text", (c) => c.notNull())
      .addColumn("tool_calls", "integer", (c) => c.notNull())
      .addColumn("prompt_injection", "integer", (c) => c.notNull())
      .addColumn("tokens_in", "integer", (c) => c.notNull())
      .addColumn("tokens_out", "integer", (c) => c.notNull())
      .addColumn("cost_micros", "bigint", (c) => c.notNull())
      .addColumn("latency_ms", "integer", (c) => c.notNull())
      .addColumn("upstream_status", "integer")
      .addColumn("http_status", "integer", (c) => c.notNull())
      .addColumn("error_code", "text")
      .execute();
    // One row per entity type and request, so the dashboard sums entities per type in SQL.
    await db.schema
      .createTable("gateway_audit_entities")
      .addColumn("audit_id", "text", (c) => c.notNull().references("gateway_audit.id").onDelete("cascade"))
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("entity_type", "text", (c) => c.notNull())
      .addColumn("count", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("gateway_audit_entities_pk", ["audit_id", "entity_type"])
      .execute();
    await db.schema.createIndex("gateway_users_team").on("gateway_users").column("team").execute();
    await db.schema.createIndex("gateway_keys_user").on("gateway_keys").column("user_name").execute();
    await db.schema.createIndex("gateway_audit_time").on("gateway_audit").column("time").execute();
    await db.schema.createIndex("gateway_audit_day").on("gateway_audit").columns(["day", "team"]).execute();
    await db.schema.createIndex("gateway_audit_entities_day").on("gateway_audit_entities").column("day").execute();
  },
  async down(db: AnyDb) {
    for (const table of [
      "gateway_audit_entities",
      "gateway_audit",
      "gateway_spend",
      "gateway_keys",
      "gateway_users",
      "gateway_teams",
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
