import type { Recognizer } from "../../types.js";
import { assignmentRecognizer } from "./assignment.js";
import { connectionStringRecognizer } from "./connection-string.js";
import { entropyRecognizer } from "./entropy.js";
import { privateKeyRecognizer } from "./private-key.js";
import { providerKeysRecognizer } from "./provider-keys.js";

/** The secrets recognizers, in a fixed order. */
export function secretsRecognizers(): Recognizer[] {
  return [
    providerKeysRecognizer,
    privateKeyRecognizer,
    connectionStringRecognizer,
    assignmentRecognizer,
    entropyRecognizer,
  ];
}
