/**
 * Detection on a small pool of worker threads, so the gateway's main thread only parses, decides,
 * pseudonymises and proxies. Every worker runs the main thread's detector, rebuilt from a
 * serialisable spec (spec.ts).
 *
 * Fail closed: a worker error, crash or timeout rejects the request (the gateway then refuses it;
 * nothing is forwarded unchecked). A worker that crashed or timed out is replaced.
 *
 * Stale detectors: `setSpec` posts the new spec to every worker at once. A worker handles its
 * messages in order, so every detect call made after `setSpec` returned is scanned with the new
 * spec; calls already posted finish with the old one. A replacement worker starts from the
 * current spec.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type Entity, InputTooLargeError } from "../../detect/index.js";
import type { KeywordHit } from "../../policy/keywords.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import type { DetectorSpec } from "./spec.js";

/** Raised for a request whose detection did not complete in a worker (crash, error, timeout, shutdown). */
export class DetectionWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DetectionWorkerError";
  }
}

export interface DetectionPoolOptions {
  threads: number;
  spec?: DetectorSpec | undefined;
  /** Longest wait for one call, queueing included; the worker is then replaced. Default 15 s. */
  timeoutMs?: number | undefined;
  /** Another worker module speaking protocol.ts (tests: one that crashes). */
  entry?: URL | undefined;
}

/** One worker per machine beyond the first core; none on a single core, where a thread only adds a hop. */
export function defaultDetectionThreads(cores = availableParallelism()): number {
  return cores >= 2 ? 1 : 0;
}

/** What a worker found: entities per text and, when asked for, the keyword hits. */
export interface Detected {
  entities: Entity[][];
  /** `findKeywords(foldText(texts.join("\n")))`, asked for with `keywords`; absent otherwise. */
  keywords?: KeywordHit[] | undefined;
}

interface Pending {
  resolve(result: Detected): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The worker entry next to this file: worker.js in a build; under the test runner this module is
 * the TypeScript source, so the worker loads worker.ts through tsx.
 */
function workerEntry(): URL {
  return new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url);
}

class Slot {
  worker: Worker | undefined;
  readonly pending = new Map<number, Pending>();
  /** Set once the worker has loaded; a worker that dies before is not restarted at once (no crash loop). */
  ready = false;
}

export class DetectionPool {
  private readonly slots: Slot[];
  private spec: DetectorSpec;
  private readonly timeoutMs: number;
  private readonly entry: URL;
  private nextId = 1;
  private closed = false;

  constructor(options: DetectionPoolOptions) {
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new RangeError("threads must be >= 1");
    this.spec = options.spec ?? {};
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.entry = options.entry ?? workerEntry();
    this.slots = Array.from({ length: options.threads }, () => new Slot());
    for (const slot of this.slots) this.start(slot);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Workers running now (a crashed one counts again once replaced). */
  get running(): number {
    return this.slots.filter((slot) => slot.worker !== undefined).length;
  }

  /** Entities per text, as `Detector.detect` gives them on the main thread. */
  async detect(texts: string[]): Promise<Entity[][]> {
    return (await this.detectWith(texts, false)).entities;
  }

  /**
   * Entities per text and the policy's keyword hits in the texts joined by line breaks, so the
   * main thread does not scan the prompt for keywords as well.
   */
  detectWithKeywords(texts: string[]): Promise<Detected> {
    return this.detectWith(texts, true);
  }

  private detectWith(texts: string[], keywords: boolean): Promise<Detected> {
    if (this.closed) return Promise.reject(new DetectionWorkerError("detection pool is closed"));
    const slot = this.leastBusy();
    const worker = slot.worker ?? this.start(slot);
    const id = this.nextId++;
    return new Promise<Detected>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A worker that does not answer may be stuck in one text: replace it.
        this.fail(slot, worker, new DetectionWorkerError(`detection timed out after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      slot.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ kind: "detect", id, texts, ...(keywords ? { keywords } : {}) } satisfies ToWorker);
    });
  }

  /** The detector changed (customer list uploaded): every later `detect` call uses this spec. */
  setSpec(spec: DetectorSpec): void {
    this.spec = spec;
    for (const slot of this.slots) slot.worker?.postMessage({ kind: "spec", spec } satisfies ToWorker);
  }

  /** Rejects what is pending and stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map((slot) => {
        const worker = slot.worker;
        this.rejectAll(slot, new DetectionWorkerError("detection pool is closed"));
        slot.worker = undefined;
        return worker?.terminate();
      }),
    );
  }

  private leastBusy(): Slot {
    let best = this.slots[0] as Slot;
    for (const slot of this.slots) if (slot.pending.size < best.pending.size) best = slot;
    return best;
  }

  private start(slot: Slot): Worker {
    const worker = this.entry.pathname.endsWith(".ts")
      ? // TypeScript sources (the test runner): tsx's loader registered in the worker first
        // (`--import tsx` in execArgv does not reach a worker on Node 20). A build runs worker.js.
        new Worker(
          `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(this.entry.href)}); });`,
          { eval: true, workerData: this.spec },
        )
      : new Worker(this.entry, { workerData: this.spec });
    // Workers never keep the process alive: open sockets do, and close() ends them.
    worker.unref();
    slot.worker = worker;
    slot.ready = false;
    worker.on("message", (message: FromWorker) => {
      if (message.kind === "ready") {
        slot.ready = true;
        return;
      }
      const pending = slot.pending.get(message.id);
      if (!pending) return;
      slot.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.kind === "result") pending.resolve({ entities: message.entities, keywords: message.keywords });
      else if (message.tooLarge)
        pending.reject(new InputTooLargeError(message.tooLarge.actual, message.tooLarge.limit));
      else pending.reject(new DetectionWorkerError(`detection failed: ${message.message}`));
    });
    worker.on("error", (error) =>
      this.fail(slot, worker, new DetectionWorkerError(`detection worker failed: ${error.message}`)),
    );
    worker.on("exit", (code) => this.fail(slot, worker, new DetectionWorkerError(`detection worker exited (${code})`)));
    return worker;
  }

  /** The worker is gone or unusable: its requests are refused and (if it had started) it is replaced. */
  private fail(slot: Slot, worker: Worker, error: DetectionWorkerError): void {
    if (slot.worker !== worker) return;
    const wasReady = slot.ready;
    slot.worker = undefined;
    this.rejectAll(slot, error);
    void worker.terminate();
    // A worker that never loaded is started again by the next call, not in a loop here.
    if (!this.closed && wasReady) this.start(slot);
  }

  private rejectAll(slot: Slot, error: Error): void {
    for (const pending of slot.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    slot.pending.clear();
  }
}
