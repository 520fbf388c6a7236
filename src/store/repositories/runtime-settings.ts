import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** One stored setting as text, with when it last changed (to skip re-applying what did not change). */
export interface StoredSetting {
  value: string;
  updatedAt: string;
}

/**
 * Raw access to the settings rows the runtime settings service owns: it needs the change time next
 * to the value, which the general SettingsRepository does not return.
 */
export class RuntimeSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async read(keys: readonly string[]): Promise<Map<string, StoredSetting>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("settings")
      .select(["key", "value", "updated_at"])
      .where("key", "in", [...keys])
      .execute();
    return new Map(rows.map((r) => [r.key, { value: r.value, updatedAt: r.updated_at }]));
  }

  /** Writes the value and returns its change time. */
  async write(key: string, value: unknown, now: Date): Promise<string> {
    const row = { key, value: JSON.stringify(value), updated_at: now.toISOString() };
    await this.db
      .insertInto("settings")
      .values(row)
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: row.value, updated_at: row.updated_at }))
      .execute();
    return row.updated_at;
  }

  async remove(key: string): Promise<void> {
    await this.db.deleteFrom("settings").where("key", "=", key).execute();
  }
}
