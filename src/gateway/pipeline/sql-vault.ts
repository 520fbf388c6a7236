import { type Session, SessionSealer, type Vault } from "../../pseudonymize/index.js";
import type { VaultRepository } from "../../store/repositories/vault.js";
import { nodeAesGcm } from "./node-cipher.js";

export interface SqlVaultOptions {
  /** Encryption key (32 bytes, or hex / base64). */
  key: Uint8Array | string;
  ttlSeconds: number;
  /** How often expired sessions are deleted. Default every 10 minutes; 0 turns the timer off. */
  purgeIntervalMs?: number;
  now?: () => number;
}

interface PendingWrite {
  sessionId: string;
  sealed: string;
  expiresAt: Date;
}

/**
 * Conversation sessions on the store (SQLite on one machine, or PostgreSQL): they survive a
 * restart. Sealed (AES-256-GCM, bound to the session id) before they reach the database, so the
 * table and its backups hold no readable personal data. Writes that arrive together go into one
 * transaction; expired sessions are never returned and are purged on a timer.
 */
export class SqlVault implements Vault {
  private batch: PendingWrite[] = [];
  /** The write of the batch being collected (it starts on the next turn of the event loop). */
  private batchDone: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Batches are written one after the other: on a pool, a later batch could commit first. */
  private lastWrite: Promise<void> = Promise.resolve();
  /** Sealing is asynchronous and may finish out of order: the newest put of a session must win. */
  private readonly latest = new Map<string, { seq: number; pending: number }>();
  private seq = 0;
  private readonly purgeTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  private constructor(
    private readonly repo: VaultRepository,
    private readonly sealer: SessionSealer,
    private readonly ttlSeconds: number,
    options: SqlVaultOptions,
  ) {
    this.now = options.now ?? Date.now;
    const every = options.purgeIntervalMs ?? 600_000;
    if (every > 0) {
      this.purgeTimer = setInterval(() => {
        this.purge().catch(() => {});
      }, every);
      this.purgeTimer.unref();
    }
  }

  static async create(repo: VaultRepository, options: SqlVaultOptions): Promise<SqlVault> {
    if (!(options.ttlSeconds > 0)) throw new Error("ttlSeconds must be positive");
    return new SqlVault(repo, await SessionSealer.create(options.key, nodeAesGcm), options.ttlSeconds, options);
  }

  async get(sessionId: string): Promise<Session | undefined> {
    const row = await this.repo.get(sessionId, new Date(this.now()));
    return row ? this.sealer.open(sessionId, Buffer.from(row.sealed, "base64")) : undefined;
  }

  async put(session: Session, ttlSeconds?: number): Promise<void> {
    const ttl = ttlSeconds ?? this.ttlSeconds;
    if (!(ttl > 0)) throw new Error("ttlSeconds must be positive");
    const seq = ++this.seq;
    const state = this.latest.get(session.id) ?? { seq, pending: 0 };
    state.seq = seq;
    state.pending++;
    this.latest.set(session.id, state);
    let sealed: string;
    try {
      sealed = Buffer.from(await this.sealer.seal(session)).toString("base64");
    } finally {
      state.pending--;
      if (state.pending === 0) this.latest.delete(session.id);
    }
    // A newer put of this session was called while this one was sealing: it holds a later state
    // (sessions only grow), so this older one must not overwrite it.
    if (state.seq !== seq) return this.batchDone ?? this.lastWrite.catch(() => {});
    const write = { sessionId: session.id, sealed, expiresAt: new Date(this.now() + ttl * 1000) };
    // A later write of the same session in this batch replaces the earlier one.
    const same = this.batch.findIndex((w) => w.sessionId === session.id);
    if (same >= 0) this.batch[same] = write;
    else this.batch.push(write);
    if (!this.batchDone) {
      const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        const run = this.lastWrite.catch(() => {}).then(() => this.writeBatch());
        this.lastWrite = run;
        return run;
      });
      this.batchDone = done;
      this.inFlight.add(done);
      done.then(
        () => this.inFlight.delete(done),
        () => this.inFlight.delete(done),
      );
    }
    return this.batchDone;
  }

  async delete(sessionId: string): Promise<void> {
    this.batch = this.batch.filter((w) => w.sessionId !== sessionId);
    await this.repo.delete(sessionId);
  }

  /** Deletes expired sessions now; returns how many. */
  purge(): Promise<number> {
    return this.repo.purgeExpired(new Date(this.now()));
  }

  async close(): Promise<void> {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async writeBatch(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.batchDone = undefined;
    await this.repo.putMany(batch, new Date(this.now()));
  }
}
