/**
 * The ReDoS check for custom patterns, with `recheck`. Node only (recheck runs its analyser in a
 * worker), so the pure detector never imports this file: Node callers pass
 * `recheckPatternSafety` to `compileCustomRecognizers`.
 */
import { checkSync } from "recheck";
import { type CustomRecognizer, compileCustomRecognizers, type PatternSafetyCheck } from "./custom-recognizer.js";

/** Null when recheck proves the pattern safe; otherwise why it is refused (also when it cannot tell). */
export const recheckPatternSafety: PatternSafetyCheck = (source, flags) => {
  const result = checkSync(source, flags, { timeout: 5000 });
  if (result.status === "safe") return null;
  if (result.status === "vulnerable") {
    const attack = result.attack ? `, e.g. on ${JSON.stringify(result.attack.pattern)}` : "";
    return `${result.complexity.summary}${attack}`;
  }
  return `the ReDoS check could not prove it safe (${result.error.kind})`;
};

/** Compile custom recognizer specs from configuration, refusing unsafe patterns. */
export function loadCustomRecognizers(specs: unknown): CustomRecognizer[] {
  return compileCustomRecognizers(specs, recheckPatternSafety);
}
