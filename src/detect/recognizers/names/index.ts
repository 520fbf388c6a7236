import type { Recognizer } from "../../types.js";

/** The names recognizers, in a fixed order. */
export function namesRecognizers(): Recognizer[] {
  return [];
}
