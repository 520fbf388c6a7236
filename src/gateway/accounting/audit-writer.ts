import type { StoredAuditRecord } from "../../store/repositories/gateway-audit.js";
import { type AuditRecord, sanitizeAuditRecord } from "./audit.js";

export interface AuditSink {
  insertMany(records: readonly StoredAuditRecord[]): Promise<void>;
}

export interface AuditWriterOptions {
  /** Records waiting to be written at most; beyond it new records are dropped and counted. */
  maxQueue?: number;
  /** Records per database transaction. */
  batchSize?: number;
  /** How long a record may wait before a write starts. */
  flushIntervalMs?: number;
  /** Told about failed writes (the records stay queued for the next attempt while there is room). */
  onError?: (error: unknown) => void;
}

export interface AuditWriterStats {
  queued: number;
  written: number;
  dropped: number;
  failedWrites: number;
}

/**
 * Writes audit records off the request path: `record()` only validates and queues; a timer
 * writes batches. The queue is bounded so a slow or unreachable database cannot exhaust memory;
 * `close()` writes what is left (on shutdown).
 */
export class AuditWriter {
  private queue: StoredAuditRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private closed = false;
  private readonly maxQueue: number;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly stats_: AuditWriterStats = { queued: 0, written: 0, dropped: 0, failedWrites: 0 };

  constructor(
    private readonly sink: AuditSink,
    private readonly options: AuditWriterOptions = {},
  ) {
    this.maxQueue = options.maxQueue ?? 10_000;
    this.batchSize = options.batchSize ?? 200;
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
  }

  get stats(): AuditWriterStats {
    return { ...this.stats_, queued: this.queue.length };
  }

  /** Queues one record; never throws and never waits for the database. */
  record(record: AuditRecord): void {
    if (this.closed || this.queue.length >= this.maxQueue) {
      this.stats_.dropped += 1;
      return;
    }
    this.queue.push(sanitizeAuditRecord(record));
    if (this.queue.length >= this.batchSize) void this.flush();
    else this.schedule();
  }

  /** Writes everything queued so far. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.writing) await this.writing;
    while (this.queue.length > 0) {
      this.writing = this.writeBatch();
      try {
        await this.writing;
      } finally {
        this.writing = undefined;
      }
      if (this.lastWriteFailed) break;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private lastWriteFailed = false;

  private async writeBatch(): Promise<void> {
    const batch = this.queue.splice(0, this.batchSize);
    try {
      await this.sink.insertMany(batch);
      this.stats_.written += batch.length;
      this.lastWriteFailed = false;
    } catch (err) {
      this.lastWriteFailed = true;
      this.stats_.failedWrites += 1;
      const room = this.maxQueue - this.queue.length;
      this.stats_.dropped += Math.max(0, batch.length - room);
      this.queue.unshift(...batch.slice(0, Math.max(0, room)));
      this.options.onError?.(err);
      if (!this.closed) this.schedule();
    }
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.flushIntervalMs);
    this.timer.unref();
  }
}
