import { type EntityType, isEntityType } from "../types.js";
import { isValidatorName, VALIDATORS, type ValidatorName } from "./validators.js";

/**
 * A recognizer described in configuration, e.g. a customer number `KL-123456`:
 * `{ name: "klantnummer", type: "ID_DOCUMENT", pattern: "KL-\\d{6}", contextWords: ["klantnummer"] }`.
 */
export interface CustomRecognizerSpec {
  name: string;
  type: EntityType;
  /** A JavaScript regular expression source, without slashes. A named group `value` narrows the span. */
  pattern: string;
  /** Regular-expression flags among `i`, `m`, `s`, `u`. */
  flags?: string;
  /** Folded words (lower case, no accents) that make a match likely; `word*` matches a prefix. */
  contextWords?: string[];
  /** Score with context (or when no context words are given). Default 0.8. */
  score?: number;
  validator?: ValidatorName;
  /** Report a match only when a context word is near. */
  contextRequired?: boolean;
}

/** A custom recognizer that cannot be used; the message names the recognizer and the problem. */
export class CustomRecognizerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CustomRecognizerError";
  }
}

const ALLOWED_FLAGS = /^[imsu]*$/;

/** Check the shape of a spec read from JSON or YAML, and return it typed. */
export function parseCustomRecognizerSpec(raw: unknown, where = "recognizer"): CustomRecognizerSpec {
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new CustomRecognizerError(`${where}: expected an object`);
  const r = raw as Record<string, unknown>;
  const label = typeof r.name === "string" && r.name.trim() ? `${where} "${r.name}"` : where;
  const fail = (msg: string): never => {
    throw new CustomRecognizerError(`${label}: ${msg}`);
  };
  if (typeof r.name !== "string" || !r.name.trim()) fail('"name" must be a non-empty string');
  if (typeof r.type !== "string" || !isEntityType(r.type))
    fail(`"type" must be one of the entity types, got ${JSON.stringify(r.type)}`);
  if (typeof r.pattern !== "string" || r.pattern === "") fail('"pattern" must be a non-empty string');
  if (r.flags !== undefined && (typeof r.flags !== "string" || !ALLOWED_FLAGS.test(r.flags))) {
    fail('"flags" may only contain i, m, s and u');
  }
  if (
    r.contextWords !== undefined &&
    (!Array.isArray(r.contextWords) || !r.contextWords.every((w) => typeof w === "string" && w.trim()))
  ) {
    fail('"contextWords" must be a list of words');
  }
  if (r.score !== undefined && (typeof r.score !== "number" || !(r.score > 0 && r.score <= 1))) {
    fail('"score" must be a number in (0, 1]');
  }
  if (r.validator !== undefined && (typeof r.validator !== "string" || !isValidatorName(r.validator))) {
    fail(`"validator" must be one of ${Object.keys(VALIDATORS).join(", ")}`);
  }
  if (r.contextRequired !== undefined && typeof r.contextRequired !== "boolean")
    fail('"contextRequired" must be true or false');
  if (r.contextRequired === true && !(Array.isArray(r.contextWords) && r.contextWords.length > 0)) {
    fail('"contextRequired" needs "contextWords"');
  }
  return {
    name: (r.name as string).trim(),
    type: r.type as EntityType,
    pattern: r.pattern as string,
    ...(r.flags !== undefined ? { flags: r.flags as string } : {}),
    ...(r.contextWords !== undefined ? { contextWords: r.contextWords as string[] } : {}),
    ...(r.score !== undefined ? { score: r.score as number } : {}),
    ...(r.validator !== undefined ? { validator: r.validator as ValidatorName } : {}),
    ...(r.contextRequired !== undefined ? { contextRequired: r.contextRequired as boolean } : {}),
  };
}
