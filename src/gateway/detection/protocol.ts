/** Messages between the detection pool (main thread) and its workers. */
import type { Entity } from "../../detect/index.js";
import type { DetectorSpec } from "./spec.js";

export type ToWorker =
  /** Rebuild the detector; detect messages posted after this one use it (a port keeps order). */
  { kind: "spec"; spec: DetectorSpec } | { kind: "detect"; id: number; texts: string[] };

export type FromWorker =
  | { kind: "ready" }
  | { kind: "result"; id: number; entities: Entity[][] }
  | { kind: "error"; id: number; message: string; tooLarge?: { actual: number; limit: number } };
