/**
 * What a secret value looks like, and what it does not: the shared judgement behind every
 * recognizer that sees a value after a name (`wachtwoord: ...`, `API_KEY=...`, `user:pw@host`).
 *
 * Placeholders (`<your-key>`, `xxx`, `********`, `changeme`) and references to a secret kept
 * elsewhere (`${OPENAI_API_KEY}`, `process.env.X`, `{{ vault.pw }}`) are not secrets: redacting
 * them only hides how a configuration is wired. A real password, however weak, is.
 */

import { shannonEntropy } from "./entropy.js";

/** References to a value stored elsewhere: environment variables, templates, secret stores. */
const REFERENCE =
  /^(?:\$\{[^}]*\}?|\$\(|\$[A-Za-z_][A-Za-z0-9_]*$|%[A-Za-z_][A-Za-z0-9_]*%$|\{\{|\{%|#\{|<%|process\.env\b|os\.environ\b|os\.getenv\b|getenv\(|env\(|ENV\[|import\.meta\.env\b|secrets\.|vault:|op:\/\/|arn:aws:|!Ref\b|!Sub\b|!GetAtt\b|@Microsoft\.KeyVault|keyvault:)/;

/** Words people write where the real value should go, also as part of it (`your-api-key`). */
const PLACEHOLDER_WORDS =
  /(?:^|[^a-z0-9])(?:your|jouw|mijn|my|uw|example|voorbeeld|placeholder|dummy|redacted|insert|invullen|vul[_-]?in|replace|vervang|changeme|change[_-]me|secret[_-]?here|key[_-]?here|password[_-]?here)(?:$|[^a-z0-9])/;
/** Words that stand in for a value only when they are the whole value (`Null-Risico9` is a password). */
const PLACEHOLDER_VALUES = new Set(
  "none null nil undefined empty leeg todo fixme tbd nvt n/a na hier here hidden verborgen verwijderd weggelaten redacted geen".split(
    " ",
  ),
);

/** Placeholder words long enough not to turn up by chance inside a random key. */
const KEY_PLACEHOLDER_WORDS = /your|example|voorbeeld|placeholder|dummy|redacted|changeme|replace|insert/;

/** A run of one masking character (`****`, `xxxx`, `....`, `####`, `••••`). */
const MASK_RUN = /(?:\*{3,}|x{4,}|X{4,}|\.{3,}|#{4,}|•{3,}|●{3,}|_{4,}|-{4,}|0{8,})/;

/** Wrapped in angle or square brackets: `<api-key>`, `[WACHTWOORD]`, `[KLANT_A]` (already pseudonymised). */
const BRACKETED = /^(?:<[^<>]*>|\[[^[\]]*\])$/;

/** A name standing in for its own value: `postgres://user:password@host`, `token: token`. */
const NAME_AS_VALUE = new Set([
  "password",
  "passwd",
  "pass",
  "pwd",
  "pw",
  "ww",
  "wachtwoord",
  "secret",
  "token",
  "apikey",
  "api_key",
  "api-key",
  "key",
  "value",
  "string",
  "user",
  "username",
  "gebruiker",
]);

/** True when `value` is a reference to a secret kept elsewhere rather than the secret. */
export function isReference(value: string): boolean {
  // `\${X}` is the same reference written inside a template string.
  return REFERENCE.test(value.startsWith("\\") ? value.slice(1) : value) || value.includes("${");
}

/** A member access: `flags.adminToken`, `config.db.password`, `usage?.outputTokens`. */
const MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+$/;
/** A regular-expression literal: `/^pw-[0-9a-z]+$/g`. */
const REGEX_LITERAL = /^\/.+\/[dgimsuy]*$/;

/**
 * True when an unquoted value is program code rather than a literal: a call or index expression,
 * a member access, a regular expression. `field` is the value with whatever punctuation follows
 * it up to the next blank (`parseKey(raw);`). A quoted value is a literal and never code.
 */
export function looksLikeCode(value: string, field: string): boolean {
  return /[()[\]{}]/.test(field) || MEMBER_ACCESS.test(value) || REGEX_LITERAL.test(value);
}

/** True when `value` stands in for a secret: a placeholder, a mask, an example. */
export function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
  if (BRACKETED.test(value)) return true;
  if (MASK_RUN.test(value)) return true;
  const lower = value.toLowerCase();
  if (NAME_AS_VALUE.has(lower)) return true;
  if (PLACEHOLDER_VALUES.has(lower) || PLACEHOLDER_WORDS.test(lower)) return true;
  // The AWS documentation keys (`AKIAIOSFODNN7EXAMPLE`) and their kin.
  if (lower.includes("example")) return true;
  return isSingleCharacterRepeated(value);
}

/** The placeholder test for the random part of a prefixed key (`sk-xxxx...`, `ghp_your_token_here`). */
export function isPlaceholderKey(body: string): boolean {
  return (
    body.length === 0 ||
    MASK_RUN.test(body) ||
    KEY_PLACEHOLDER_WORDS.test(body.toLowerCase()) ||
    isSingleCharacterRepeated(body)
  );
}

function isSingleCharacterRepeated(value: string): boolean {
  for (let i = 1; i < value.length; i++) if (value[i] !== value[0]) return false;
  return true;
}

/** True when a value is neither a placeholder nor a reference. */
export function isConcreteValue(value: string): boolean {
  return !isReference(value) && !isPlaceholder(value);
}

export interface CharClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
}

export function charClasses(value: string): CharClasses {
  const classes = { lower: false, upper: false, digit: false, symbol: false };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) classes.lower = true;
    else if (c >= 65 && c <= 90) classes.upper = true;
    else if (c >= 48 && c <= 57) classes.digit = true;
    else if (c > 32) classes.symbol = true;
  }
  return classes;
}

const URL_OR_EMAIL = /^[a-z][a-z0-9+.-]*:\/\/|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const FILE_PATH = /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)|\.(?:txt|pem|key|json|ya?ml|env|cfg|conf|ini|p12|pfx|crt)$/i;
const VERSION_OR_DATE = /^v?\d+(?:[.-]\d+)+$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

/**
 * True when `value` looks like a credential rather than a word: long enough, no spaces, and a
 * mix of letters with digits or symbols (`Welkom123`, `Kaas&Worst88`, `t0k3n-abc`), or a long
 * random-looking string. Used where the name alone (`token`, `ww`) does not settle it.
 */
export function looksLikeCredential(value: string, minLength = 8, chosenWords = true): boolean {
  if (value.length < minLength || /\s/.test(value)) return false;
  if (!isConcreteValue(value)) return false;
  if (URL_OR_EMAIL.test(value) || FILE_PATH.test(value) || VERSION_OR_DATE.test(value)) return false;
  const c = charClasses(value);
  const letters = c.lower || c.upper;
  if (letters && (c.digit || c.symbol)) return true;
  // A word with a capital inside (`GroeneAppel`) reads as a chosen password; a long run of
  // letters with high entropy as a generated one.
  // Not for token names, whose values in code are type names (`token: CapToken`).
  if (chosenWords && c.lower && c.upper && /[a-z][A-Z]/.test(value)) return true;
  return value.length >= 20 && shannonEntropy(value) >= 3.5;
}
