/** Test helpers for the secret recognizers (imported only by the tests beside them). */

import { normalize } from "../../normalize.js";
import { resolveOverlaps } from "../../resolve.js";
import type { Candidate, Recognizer } from "../../types.js";

/** Run recognizers on `text` the way the analyzer does (normalised input, overlaps resolved). */
export function scanWith(recognizers: readonly Recognizer[], text: string): Candidate[] {
  const norm = normalize(text);
  const input = { text: norm.text, folded: norm.folded };
  return resolveOverlaps(recognizers.flatMap((r) => r.scan(input)).filter((c) => c.score >= 0.5));
}

/** The secret values found in `text`, as strings. */
export function secretsIn(recognizers: readonly Recognizer[], text: string): string[] {
  return scanWith(recognizers, text).map((c) => text.slice(c.start, c.end));
}
