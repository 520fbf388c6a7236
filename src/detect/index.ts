/**
 * Detection of personal data and secrets in (Dutch) text. Pure and isomorphic: no I/O and no
 * Node APIs, so the same engine runs in the gateway and in the browser.
 */

export type { DetectOptions, DetectorConfig } from "./analyzer.js";
export { DEFAULT_MAX_LENGTH, DEFAULT_MIN_SCORE, Detector, detect } from "./analyzer.js";
export * from "./custom/index.js";
export * from "./dictionary/index.js";
export { InputTooLargeError } from "./errors.js";
export type { Candidate, Entity, EntityType, Recognizer, ScanInput } from "./types.js";
export { ENTITY_TYPES, isEntityType } from "./types.js";
