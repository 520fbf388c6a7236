import type { Recognizer } from "../../types.js";

/** The identifiers recognizers, in a fixed order. */
export function identifiersRecognizers(): Recognizer[] {
  return [];
}
