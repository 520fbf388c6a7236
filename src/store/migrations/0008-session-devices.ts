import type { Kysely, Migration } from "kysely";

/**
 * "Where am I logged in": what a person needs to recognise their own sessions, and no more. The
 * browser and operating system in plain words (parsed from the User-Agent at login; the header
 * itself is not kept) and a coarse address (/24 for IPv4, /48 for IPv6). Null for sessions that
 * started before this migration. One ADD COLUMN per statement: SQLite allows no more.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations operate on an untyped database by design
type AnyDb = Kysely<any>;

const COLUMNS = ["browser", "os", "ip_prefix"] as const;

export const sessionDevicesMigration: Migration = {
  async up(db: AnyDb) {
    for (const column of COLUMNS) {
      await db.schema.alterTable("account_sessions").addColumn(column, "text").execute();
    }
  },
  async down(db: AnyDb) {
    for (const column of COLUMNS) {
      await db.schema.alterTable("account_sessions").dropColumn(column).execute();
    }
  },
};
