import type { Recognizer } from "../../types.js";
import { bsnRecognizer } from "./bsn.js";
import { ibanRecognizer } from "./iban.js";

/** The identifiers recognizers, in a fixed order. */
export function identifiersRecognizers(): Recognizer[] {
  return [bsnRecognizer, ibanRecognizer];
}
