import type { Recognizer } from "../../types.js";

/** The secrets recognizers, in a fixed order. */
export function secretsRecognizers(): Recognizer[] {
  return [];
}
