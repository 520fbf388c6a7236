/** Messages between the detection pool (main thread) and its workers. */
import type { Entity } from "../../detect/index.js";
import type { KeywordHit } from "../../policy/keywords.js";
import type { DetectorSpec } from "./spec.js";

export type ToWorker =
  /** Rebuild the detector; detect messages posted after this one use it (a port keeps order). */
  | { kind: "spec"; spec: DetectorSpec }
  /** `keywords`: also the policy's keyword hits in the texts joined by line breaks, folded. */
  | { kind: "detect"; id: number; texts: string[]; keywords?: boolean };

export type FromWorker =
  | { kind: "ready" }
  | { kind: "result"; id: number; entities: Entity[][]; keywords?: KeywordHit[] }
  | { kind: "error"; id: number; message: string; tooLarge?: { actual: number; limit: number } };
