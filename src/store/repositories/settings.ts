import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../schema.js";

/** Single values that do not form a list: policy choices, organisation details, the admin token hash. */
export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get<T>(key: string, schema: z.ZodType<T, unknown>): Promise<T | undefined> {
    const row = await this.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
    return row ? schema.parse(JSON.parse(row.value)) : undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    const row = { key, value: JSON.stringify(value), updated_at: new Date().toISOString() };
    await this.db
      .insertInto("settings")
      .values(row)
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: row.value, updated_at: row.updated_at }))
      .execute();
  }

  /**
   * Sets the value only when the key is still absent; true when this call wrote it. Lets two
   * instances starting at once agree on one admin token.
   */
  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    const result = await this.db
      .insertInto("settings")
      .values({ key, value: JSON.stringify(value), updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column("key").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom("settings").where("key", "=", key).execute();
  }
}
