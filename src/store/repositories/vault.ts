import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "../schema.js";

/** One sealed conversation session as stored: ciphertext only, never a readable value. */
export interface SealedSessionRow {
  sessionId: string;
  /** AES-256-GCM ciphertext, base64 (sealed by the pseudonymisation vault before it gets here). */
  sealed: string;
  expiresAt: Date;
}

/** Rows per statement: far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

/**
 * The pseudonymisation vault's table (migration 0007). Knows nothing about encryption: the vault
 * hands in sealed text and gets it back. Expired rows are never returned and are purged in bulk.
 */
export class VaultRepository {
  /** The checked SQL text of `get` (undefined: not compiled yet; null: build per call). */
  private getSql: string | null | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  private getQuery(sessionId: string, now: string) {
    return this.db
      .selectFrom("vault_sessions")
      .select(["session_id", "sealed", "expires_at"])
      .where("session_id", "=", sessionId)
      .where("expires_at", ">", now);
  }

  /**
   * Runs for every new conversation on the gateway's request path: the query is compiled once
   * (building it cost more main-thread time than SQLite's lookup) and its text reused, after a
   * check with probe values that both are parameters, in this order.
   */
  async get(sessionId: string, now = new Date()): Promise<SealedSessionRow | undefined> {
    const time = now.toISOString();
    if (this.getSql === undefined) {
      const probe = this.getQuery("probe-session", "probe-time").compile();
      const [first, second, ...more] = probe.parameters;
      this.getSql = first === "probe-session" && second === "probe-time" && more.length === 0 ? probe.sql : null;
    }
    const row =
      this.getSql === null
        ? await this.getQuery(sessionId, time).executeTakeFirst()
        : (
            await this.db.executeQuery<{ session_id: string; sealed: string; expires_at: string }>(
              CompiledQuery.raw(this.getSql, [sessionId, time]),
            )
          ).rows[0];
    return row ? { sessionId: row.session_id, sealed: row.sealed, expiresAt: new Date(row.expires_at) } : undefined;
  }

  /**
   * Inserts or replaces sessions in one transaction (the vault batches its writes). A session id
   * may appear once per call.
   */
  async putMany(rows: readonly SealedSessionRow[], now = new Date()): Promise<void> {
    if (rows.length === 0) return;
    const updatedAt = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await trx
          .insertInto("vault_sessions")
          .values(
            rows.slice(i, i + CHUNK).map((row) => ({
              session_id: row.sessionId,
              sealed: row.sealed,
              expires_at: row.expiresAt.toISOString(),
              updated_at: updatedAt,
            })),
          )
          .onConflict((oc) =>
            oc.column("session_id").doUpdateSet((eb) => ({
              sealed: eb.ref("excluded.sealed"),
              expires_at: eb.ref("excluded.expires_at"),
              updated_at: eb.ref("excluded.updated_at"),
            })),
          )
          .execute();
      }
    });
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.deleteFrom("vault_sessions").where("session_id", "=", sessionId).execute();
  }

  /** Removes sessions whose lifetime ended; returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.db
      .deleteFrom("vault_sessions")
      .where("expires_at", "<=", now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Live sessions (for the status page and tests). */
  async count(now = new Date()): Promise<number> {
    const row = await this.db
      .selectFrom("vault_sessions")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("expires_at", ">", now.toISOString())
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
