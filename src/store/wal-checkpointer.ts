import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * SQLite checkpoints (copying the write-ahead log into the database file, then fsync) on a
 * thread of their own. Left to SQLite, the commit that fills the log to 1000 pages does it, on
 * the event loop: measured at 20-40 ms now and then under gateway load, every request in the
 * process waiting. A second connection on a worker thread checkpoints PASSIVE (it never waits
 * for, nor blocks, the main connection's readers and writers) every `intervalMs`; the main
 * connection's own automatic checkpoint stays as a safety net at a larger log size.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 0");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or locked: the next turn tries again; the main connection checkpoints past its limit.
  }
}, workerData.intervalMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Stops the thread and closes its connection. */
  stop(): Promise<void>;
}

export function startWalCheckpointer(file: string, intervalMs = 500): WalCheckpointer {
  const module = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module, intervalMs } });
  // The checkpoints are a service to the process, never a reason to keep it running.
  worker.unref();
  worker.on("error", () => {
    // Without the thread SQLite checkpoints inline again (wal_autocheckpoint): slower, not wrong.
  });
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (worker.threadId === -1) return resolve();
        // Held again while it stops: an unreferenced thread would let the event loop empty before
        // "exit", leaving this promise (and `poortwachter start`'s shutdown) unsettled.
        worker.ref();
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
      });
      return stopping;
    },
  };
}
