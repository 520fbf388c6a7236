import { contextMatcher, hasContext } from "../context.js";
import { foldText } from "../normalize.js";
import type { Candidate, EntityType, Recognizer, ScanInput } from "../types.js";
import { CustomRecognizerError, type CustomRecognizerSpec, parseCustomRecognizerSpec } from "./spec.js";
import { validate } from "./validators.js";

/**
 * Decides whether a pattern is safe from catastrophic backtracking: returns null when it is, or
 * the reason it is not. The check needs a ReDoS analyser (`recheck`), which is Node code, so it
 * is passed in rather than imported: see `recheckPatternSafety` in validate-pattern.ts.
 */
export type PatternSafetyCheck = (source: string, flags: string) => string | null;

const DEFAULT_SCORE = 0.8;
/** Without the context words a match is a weaker guess (and with the default minimum score, dropped). */
const MISSING_CONTEXT_PENALTY = 0.3;
/** Short strings a pattern must not match with zero length. */
const EMPTY_PROBES = ["", " ", "a", "A", "0", "-", "a 1", "\n"];

/** A recognizer compiled from configuration. */
export class CustomRecognizer implements Recognizer {
  readonly name: string;
  readonly types: readonly EntityType[];
  private readonly regex: RegExp;
  private readonly context: RegExp | null;

  constructor(
    readonly spec: CustomRecognizerSpec,
    safety: PatternSafetyCheck,
  ) {
    const label = `recognizer "${spec.name}"`;
    const flags = spec.flags ?? "";
    let probe: RegExp;
    try {
      probe = new RegExp(spec.pattern, flags);
    } catch (err) {
      throw new CustomRecognizerError(`${label}: invalid pattern: ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const text of EMPTY_PROBES) {
      const m = new RegExp(probe.source, `${flags}g`).exec(text);
      if (m && m[0] === "") throw new CustomRecognizerError(`${label}: the pattern matches the empty string`);
    }
    const unsafe = safety(spec.pattern, flags);
    if (unsafe !== null) {
      throw new CustomRecognizerError(`${label}: the pattern can take exponential or polynomial time (${unsafe})`);
    }
    this.name = `custom:${spec.name}`;
    this.types = [spec.type];
    this.regex = new RegExp(spec.pattern, `${flags}gd`);
    this.context = spec.contextWords?.length ? contextMatcher(spec.contextWords.map((w) => foldText(w.trim()))) : null;
  }

  scan(input: ScanInput): Candidate[] {
    const { spec, regex, context } = this;
    const base = spec.score ?? DEFAULT_SCORE;
    const found: Candidate[] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(input.text); m !== null; m = regex.exec(input.text)) {
      const span = m.indices?.groups?.value ?? m.indices?.[0];
      if (!span || span[1] <= span[0]) {
        // A zero-length match must not stall the scan.
        if (m[0] === "") regex.lastIndex++;
        continue;
      }
      const [start, end] = span;
      if (spec.validator && !validate(spec.validator, input.text.slice(start, end))) continue;
      let score = base;
      if (context && !hasContext(input.folded, start, end, context)) {
        if (spec.contextRequired) continue;
        score = base - MISSING_CONTEXT_PENALTY;
      }
      found.push({ type: spec.type, start, end, score, recognizer: this.name });
    }
    return found;
  }
}

/** Compile one spec (checked for shape, empty matches and catastrophic backtracking). */
export function compileCustomRecognizer(spec: unknown, safety: PatternSafetyCheck, where?: string): CustomRecognizer {
  return new CustomRecognizer(parseCustomRecognizerSpec(spec, where), safety);
}

/** Compile a list of specs, e.g. the `recognizers:` section of the configuration. */
export function compileCustomRecognizers(specs: unknown, safety: PatternSafetyCheck): CustomRecognizer[] {
  if (!Array.isArray(specs)) throw new CustomRecognizerError("custom recognizers: expected a list");
  const names = new Set<string>();
  return specs.map((spec, i) => {
    const recognizer = compileCustomRecognizer(spec, safety, `recognizer ${i + 1}`);
    if (names.has(recognizer.spec.name)) {
      throw new CustomRecognizerError(`recognizer "${recognizer.spec.name}" is defined twice`);
    }
    names.add(recognizer.spec.name);
    return recognizer;
  });
}
