import type { Recognizer } from "../../types.js";

/** The contact recognizers, in a fixed order. */
export function contactRecognizers(): Recognizer[] {
  return [];
}
