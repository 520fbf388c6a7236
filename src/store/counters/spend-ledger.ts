import type { GatewaySpendRepository } from "../repositories/gateway-spend.js";

export interface SpendLedgerOptions {
  /** How long a settled amount may wait before it is written. Default 250 ms. */
  flushIntervalMs?: number;
  /** Told about failed writes; the amounts stay pending and are tried again. */
  onError?: (error: unknown) => void;
  clock?: () => number;
}

interface Pending {
  amount: number;
  expiresAt: Date;
}

/**
 * Settled spend on its way to the database, write-behind: amounts settled close together are
 * summed per counter and written in one transaction every `flushIntervalMs`, instead of one
 * transaction per request. `close()` writes the rest, so a graceful shutdown loses nothing; a
 * crash loses at most the last interval's amounts (the audit log still has every request's cost).
 */
export class SpendLedger {
  private pending = new Map<string, Pending>();
  /** Amounts being written right now: still counted by `read()` until the write lands. */
  private writing = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly flushIntervalMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly repo: GatewaySpendRepository,
    private readonly options: SpendLedgerOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 250;
    this.clock = options.clock ?? Date.now;
  }

  /** Adds a settled amount to every counter; never waits for the database. */
  add(entries: readonly { key: string; expiresAt: Date }[], amount: number): void {
    if (amount <= 0 || entries.length === 0) return;
    for (const entry of entries) {
      const known = this.pending.get(entry.key);
      if (known) known.amount += amount;
      else this.pending.set(entry.key, { amount, expiresAt: entry.expiresAt });
    }
    this.schedule();
  }

  /** Settled spend per counter: what the database holds plus what is not written yet. */
  async read(keys: readonly string[]): Promise<Map<string, number>> {
    const stored = await this.repo.read(keys, new Date(this.clock()));
    for (const key of keys) {
      const extra = (this.pending.get(key)?.amount ?? 0) + (this.writing.get(key)?.amount ?? 0);
      if (extra > 0) stored.set(key, (stored.get(key) ?? 0) + extra);
    }
    return stored;
  }

  /** Writes everything pending now. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    this.flushing = this.write().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  /** Removes rows of windows that ended (now and then, so the table stays small). */
  purgeExpired(): Promise<number> {
    return this.repo.purgeExpired(new Date(this.clock()));
  }

  private async write(): Promise<void> {
    this.writing = this.pending;
    this.pending = new Map();
    const entries = [...this.writing].map(([key, p]) => ({ key, amount: p.amount, expiresAt: p.expiresAt }));
    try {
      await this.repo.add(entries, new Date(this.clock()));
    } catch (error) {
      // Back into the queue (with whatever settled meanwhile) for the next flush.
      for (const [key, p] of this.writing) {
        const known = this.pending.get(key);
        if (known) known.amount += p.amount;
        else this.pending.set(key, p);
      }
      this.options.onError?.(error);
      this.schedule();
    } finally {
      this.writing = new Map();
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => {});
    }, this.flushIntervalMs);
    this.timer.unref();
  }
}
