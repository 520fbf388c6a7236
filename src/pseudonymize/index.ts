/**
 * Reversible pseudonymisation: entities -> placeholders (per conversation, in a Session), the
 * other operators (mask, generalise, keep, drop), an encrypted Vault, and restore — whole or
 * streamed. Knows nothing of HTTP and does no I/O; runs in Node and the browser.
 */

export { type AmountSpan, amountRange, findAmounts } from "./amounts.js";
export { DecryptionError, parseKeyMaterial } from "./crypto.js";
export { formatPlaceholder, type LabelLanguage, PLACEHOLDER_LABELS } from "./labels.js";
export { MapFileError, readMapFile, writeMapFile } from "./map-file.js";
export { type BirthDateGeneralisation, maskValue } from "./operators.js";
export { findPlaceholders, MAX_PLACEHOLDER_FORM, type PlaceholderMatch } from "./placeholder-matcher.js";
export { GENERALISABLE, type Operator, PolicyError, type PseudonymizePolicy, validatePolicy } from "./policy.js";
export { type PseudonymizeResult, pseudonymize, type Replacement } from "./pseudonymize.js";
export {
  MAX_HELD_BACK,
  type PlaceholderResolver,
  restore,
  restoreByteStream,
  restoreStream,
  StreamingRestorer,
} from "./restore.js";
export { Session, type SessionOptions, type SessionState } from "./session.js";
export { type AeadCipher, MemoryVault, type MemoryVaultOptions, SessionSealer, type Vault } from "./vault.js";
