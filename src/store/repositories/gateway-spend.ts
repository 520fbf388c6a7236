import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { type GatewayDb, withGatewayTables } from "./gateway-tables.js";

/**
 * Settled spend per counter key (e.g. `budget:team:sales:m:2026-03`), so a single instance that
 * restarts keeps this day's and month's spend. Amounts are integer micro-units.
 */
export class GatewaySpendRepository {
  private readonly db: GatewayDb;

  constructor(db: Kysely<Database>) {
    this.db = withGatewayTables(db);
  }

  /** Current settled amounts of the given counters; missing or expired counters are 0. */
  async read(keys: readonly string[], now = new Date()): Promise<Map<string, number>> {
    const result = new Map<string, number>(keys.map((k) => [k, 0]));
    if (keys.length === 0) return result;
    const rows = await this.db
      .selectFrom("gateway_spend")
      .select(["counter_key", "amount_micros"])
      .where("counter_key", "in", [...keys])
      .where("expires_at", ">", now.toISOString())
      .execute();
    for (const row of rows) result.set(row.counter_key, Number(row.amount_micros));
    return result;
  }

  /** Adds `amount` to each counter in one statement per counter (atomic in the database). */
  async add(entries: readonly { key: string; amount: number; expiresAt: Date }[], now = new Date()): Promise<void> {
    if (entries.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const entry of entries) {
        await trx
          .insertInto("gateway_spend")
          .values({
            counter_key: entry.key,
            amount_micros: entry.amount,
            expires_at: entry.expiresAt.toISOString(),
            updated_at: now.toISOString(),
          })
          .onConflict((oc) =>
            oc.column("counter_key").doUpdateSet((eb) => ({
              amount_micros: eb("gateway_spend.amount_micros", "+", eb.ref("excluded.amount_micros")),
              updated_at: eb.ref("excluded.updated_at"),
            })),
          )
          .execute();
      }
    });
  }

  /** Removes counters whose window ended; called now and then so the table stays small. */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.db
      .deleteFrom("gateway_spend")
      .where("expires_at", "<=", now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
