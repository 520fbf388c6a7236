/**
 * The ReDoS check for custom patterns, with `recheck`. Node only (recheck runs its analyser in a
 * worker), so the pure detector never imports this file: Node callers pass
 * `recheckPatternSafety` to `compileCustomRecognizers`.
 */
import { createRequire } from "node:module";
import { type CustomRecognizer, compileCustomRecognizers, type PatternSafetyCheck } from "./custom-recognizer.js";

type CheckSync = typeof import("recheck").checkSync;
let checkSync: CheckSync | undefined;

/** recheck takes ~0.1 s to load, so it is loaded on the first check, not by every CLI start. */
function recheck(): CheckSync {
  checkSync ??= (createRequire(import.meta.url)("recheck") as { checkSync: CheckSync }).checkSync;
  return checkSync;
}

/** Null when recheck proves the pattern safe; otherwise why it is refused (also when it cannot tell). */
export const recheckPatternSafety: PatternSafetyCheck = (source, flags) => {
  const result = recheck()(source, flags, { timeout: 5000 });
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
