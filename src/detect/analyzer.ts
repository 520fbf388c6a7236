import { InputTooLargeError } from "./errors.js";
import { normalize, toOriginalSpan } from "./normalize.js";
import { defaultRecognizers } from "./recognizers/index.js";
import { mergeNameParts, resolveOverlaps } from "./resolve.js";
import type { Candidate, Entity, EntityType, Recognizer } from "./types.js";

/** 1 MiB of text per call: far above any prompt, low enough to bound time and memory. */
export const DEFAULT_MAX_LENGTH = 1_048_576;
export const DEFAULT_MIN_SCORE = 0.5;

export interface DetectorConfig {
  /** Replace the built-in recognizers (rarely needed; mostly for tests). */
  recognizers?: readonly Recognizer[];
  /** Recognizers added to the built-in ones: a customer dictionary, custom patterns. */
  extraRecognizers?: readonly Recognizer[];
  /** Longest accepted text, in characters. */
  maxLength?: number;
}

export interface DetectOptions {
  /** Report only these types (all when absent). */
  types?: readonly EntityType[];
  /** Drop candidates below this score. */
  minScore?: number;
}

export class Detector {
  readonly recognizers: readonly Recognizer[];
  readonly maxLength: number;

  constructor(config: DetectorConfig = {}) {
    this.recognizers = [...(config.recognizers ?? defaultRecognizers()), ...(config.extraRecognizers ?? [])];
    this.maxLength = config.maxLength ?? DEFAULT_MAX_LENGTH;
  }

  /** Find personal data and secrets in `text`. Output is sorted by position and never overlaps. */
  detect(text: string, options: DetectOptions = {}): Entity[] {
    if (typeof text !== "string") throw new TypeError("detect() expects a string");
    if (text.length > this.maxLength) throw new InputTooLargeError(text.length, this.maxLength);
    if (text.length === 0) return [];
    const wanted = options.types ? new Set(options.types) : null;
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const norm = normalize(text);
    const input = { text: norm.text, folded: norm.folded };

    let candidates: Candidate[] = [];
    for (const recognizer of this.recognizers) {
      if (wanted && !recognizer.types.some((t) => wanted.has(t))) continue;
      for (const c of recognizer.scan(input)) {
        if (c.score < minScore || c.end <= c.start) continue;
        if (wanted && !wanted.has(c.type)) continue;
        candidates.push(c);
      }
    }
    candidates = mergeNameParts(candidates, norm.text);
    const resolved = resolveOverlaps(candidates);
    const entities: Entity[] = new Array(resolved.length);
    for (let i = 0; i < resolved.length; i++) {
      const c = resolved[i] as Candidate;
      let start = c.start;
      let end = c.end;
      // Most texts need no offset map; skip the [start, end] pair toOriginalSpan would allocate.
      if (norm.map !== null) [start, end] = toOriginalSpan(norm, c.start, c.end);
      entities[i] = { type: c.type, start, end, score: round(c.score), recognizer: c.recognizer };
    }
    return entities;
  }
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

let shared: Detector | undefined;

/** Detect with the built-in recognizers. For a dictionary or custom recognizers, use `new Detector(...)`. */
export function detect(text: string, options?: DetectOptions): Entity[] {
  shared ??= new Detector();
  return shared.detect(text, options);
}
