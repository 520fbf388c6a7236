/** Recognizers from configuration. Pure; the ReDoS check is passed in (validate-pattern.ts in Node). */
export {
  CustomRecognizer,
  compileCustomRecognizer,
  compileCustomRecognizers,
  type PatternSafetyCheck,
} from "./custom-recognizer.js";
export { CustomRecognizerError, type CustomRecognizerSpec, parseCustomRecognizerSpec } from "./spec.js";
export { isValidatorName, VALIDATORS, type ValidatorName } from "./validators.js";
