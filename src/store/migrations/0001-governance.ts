import type { CreateTableBuilder, Kysely, Migration } from "kysely";

/** The governance workbench: one table per aggregate, plus settings and shadow-AI imports. */

// Kysely's builders are typed per table name; migrations run before any typed schema exists.
// biome-ignore lint/suspicious/noExplicitAny: migrations operate on an untyped database by design
type AnyDb = Kysely<any>;

function documentTable<T extends string>(db: AnyDb, name: T): CreateTableBuilder<T, "id"> {
  return db.schema
    .createTable(name)
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull());
}

export const governanceMigration: Migration = {
  async up(db: AnyDb) {
    await documentTable(db, "tools_in_use")
      .addColumn("catalogue_entry_id", "text")
      .addColumn("approval_status", "text", (c) => c.notNull())
      .execute();
    await documentTable(db, "register_entries")
      .addColumn("system", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .execute();
    await documentTable(db, "incidents")
      .addColumn("discovered_at", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .execute();
    await documentTable(db, "contacts")
      .addColumn("role", "text", (c) => c.notNull())
      .execute();
    await documentTable(db, "training_sessions")
      .addColumn("session_date", "text", (c) => c.notNull())
      .execute();
    await documentTable(db, "custom_catalogue_entries").execute();
    await db.schema
      .createTable("settings")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("shadow_ai_imports")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("imported_at", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("lines_read", "integer", (c) => c.notNull())
      .addColumn("tools_found", "integer", (c) => c.notNull())
      .addColumn("unregistered_tools", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("shadow_ai_findings")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("import_id", "text", (c) => c.notNull().references("shadow_ai_imports.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("service_id", "text", (c) => c.notNull())
      .addColumn("hits", "integer", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("tools_in_use_approval").on("tools_in_use").column("approval_status").execute();
    await db.schema.createIndex("incidents_discovered").on("incidents").column("discovered_at").execute();
    await db.schema.createIndex("shadow_ai_findings_import").on("shadow_ai_findings").column("import_id").execute();
  },
  async down(db: AnyDb) {
    for (const table of [
      "shadow_ai_findings",
      "shadow_ai_imports",
      "settings",
      "custom_catalogue_entries",
      "training_sessions",
      "contacts",
      "incidents",
      "register_entries",
      "tools_in_use",
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
