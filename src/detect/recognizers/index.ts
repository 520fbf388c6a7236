import type { Recognizer } from "../types.js";
import { contactRecognizers } from "./contact/index.js";
import { identifiersRecognizers } from "./identifiers/index.js";
import { namesRecognizers } from "./names/index.js";
import { secretsRecognizers } from "./secrets/index.js";

/** The built-in recognizers. Order does not change the outcome; resolution is by score. */
export function defaultRecognizers(): Recognizer[] {
  return [...identifiersRecognizers(), ...contactRecognizers(), ...secretsRecognizers(), ...namesRecognizers()];
}
