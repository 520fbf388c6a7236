/**
 * High-entropy values near key-like words: a generated key without a known prefix, pasted in a
 * chat (`hier de nieuwe API-sleutel voor de webshop: 9fK2x...`) or a config.
 *
 * Randomness alone is not enough: commit hashes, checksums, UUIDs and order references are
 * random too, and they are not secrets. So a value counts only with a key word (key, token,
 * secret, sleutel, credential, ...) shortly before it on its line, and not when the words right
 * before it name a hash, a checksum, a commit or an identifier. A UUID or hex hash in a
 * non-secret context is left alone; the same UUID after `client_secret=` is reported (many
 * services issue UUID-shaped keys).
 */

import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { secretCandidate } from "./shared.js";
import { shareTokenRuns, tokenRuns } from "./token-runs.js";
import { charClasses, isConcreteValue } from "./values.js";

export const ENTROPY_RECOGNIZER = "secret-entropy";

/** Counts per ASCII character, reused across calls (keys are ASCII; this runs for every long token). */
const asciiCounts = new Uint16Array(128);

/** Shannon entropy in bits per character (code points). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  let others: Map<string, number> | undefined;
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    total++;
    if (c < 128) {
      asciiCounts[c] = (asciiCounts[c] as number) + 1;
      continue;
    }
    // A surrogate pair is one character.
    const next = value.charCodeAt(i + 1);
    const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const ch = pair ? value.slice(i, i + 2) : (value[i] as string);
    if (pair) i++;
    others ??= new Map();
    others.set(ch, (others.get(ch) ?? 0) + 1);
  }
  let bits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) continue;
    const n = asciiCounts[c] as number;
    if (n === 0) continue;
    // Each distinct character once: clear its count as it is added.
    asciiCounts[c] = 0;
    const p = n / total;
    bits -= p * Math.log2(p);
  }
  if (others) {
    for (const n of others.values()) {
      const p = n / total;
      bits -= p * Math.log2(p);
    }
  }
  return bits;
}

/**
 * True when `value` looks generated: long, at least two of lower case / upper case / digits, and
 * close to the entropy a random string of that length would have. The threshold grows with the
 * length because a short random string cannot reach the entropy of a long one.
 */
export function looksRandom(value: string, minLength = 16): boolean {
  if (value.length < minLength || value.length > 1024) return false;
  const c = charClasses(value);
  const kinds = Number(c.lower) + Number(c.upper) + Number(c.digit);
  if (kinds < 2) return false;
  const threshold = Math.min(3.5, 0.75 * Math.log2(value.length));
  return shannonEntropy(value) >= threshold && isConcreteValue(value);
}

/** Key words that make a random value nearby a secret. */
const KEY_CONTEXT =
  /(?<![a-z])(?:(?:api|access|secret|private|signing|master|client|app|service|license|licentie|encryption|versleutel\w*)[ _-]?(?:key|keys|sleutel)|apikey|key|sleutel|token|tokens|secret|secrets|geheim|credential|credentials|auth|authorization|bearer)(?![a-z])/;

/** Words right before a value that make it a reference, not a secret (`order-id: ...`, `sha256 ...`). */
const NOT_SECRET_WORDS = new Set(
  "hash sha sha1 sha256 sha512 md5 checksum controlegetal commit fingerprint vingerafdruk id uuid guid referentie reference kenmerk order bestelling transactie transaction request trace build".split(
    " ",
  ),
);

/** The last word of `line` when only punctuation (at most 24 characters of it) follows it. */
function lastWord(line: string): string {
  let end = line.length;
  while (end > 0 && line.length - end <= 24 && !isWordChar(line.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordChar(line.charCodeAt(start - 1))) start--;
  return line.slice(start, end);
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Characters of a key; dots are left out, so host names and sentences split into short runs. */
const KEY_CHAR = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_~-") KEY_CHAR[ch.charCodeAt(0)] = 1;
const MIN_TOKEN = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;

const SCORE = 0.75;
const CONTEXT_WINDOW = 48;

export function findHighEntropySecrets(input: ScanInput): Candidate[] {
  // No search of the whole text for key words first: the token runs are shared with the other
  // key recognizers, and the few long runs each look for a key word on their own line anyway.
  shareTokenRuns(input);
  const out: Candidate[] = [];
  for (const [start, runEnd] of longRuns(input.text)) {
    const value = trimPadding(input.text.slice(start, runEnd));
    const end = start + value.length;
    // Without a digit, a long mixed-case run is far more often an identifier (`startsLikeSentenceWord`)
    // than a key: a random 20-character key has a digit 97 times in 100.
    // Cheapest tests first; all of them must pass.
    if (!/\d/.test(value) || !inKeyContext(input.folded, start) || !looksRandom(value, 20)) continue;
    // Path segments and URLs are split by the token pattern into pieces, which carry no key word.
    if (value.includes("/") && !/[+=]/.test(value) && /\/[a-z]{3,}\//.test(value)) continue;
    if ((UUID.test(value) || HEX.test(value)) && !hexMayBeKey(input.folded, start)) continue;
    out.push(secretCandidate(start, end, SCORE, ENTROPY_RECOGNIZER));
  }
  return out;
}

/**
 * Runs of at least MIN_TOKEN key characters (plus base64 `=` padding) inside the shared token
 * runs, as [start, end) pairs: a run such as `API_KEY=...` splits at the `=`.
 */
function longRuns(text: string): [number, number][] {
  const out: [number, number][] = [];
  const runs = tokenRuns(text);
  for (let r = 0; r < runs.length; r += 2) {
    const runEnd = runs[r + 1] as number;
    let start = -1;
    for (let i = runs[r] as number; i <= runEnd; i++) {
      const c = i < runEnd ? text.charCodeAt(i) : 0;
      if (c < 128 && KEY_CHAR[c] === 1) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0) {
        let end = i;
        while (end < runEnd && end - i < 2 && text.charCodeAt(end) === 61) end++;
        if (end - start >= MIN_TOKEN) out.push([start, end]);
        start = -1;
      }
    }
  }
  return out;
}

/** Base64 padding is part of a key; trailing `-` or `_` that ends a sentence fragment is not. */
function trimPadding(value: string): string {
  let end = value.length;
  while (end > 0 && (value[end - 1] === "-" || value[end - 1] === "_")) end--;
  return value.slice(0, end);
}

function lineBefore(folded: string, start: number): string {
  const from = Math.max(0, start - CONTEXT_WINDOW);
  const slice = folded.slice(from, start);
  const newline = slice.lastIndexOf("\n");
  // A label alone on the line above (`API key:`) still governs the value.
  if (newline >= 0 && slice.slice(newline + 1).trim() === "") {
    const previous = slice.slice(0, newline).trimEnd();
    if (previous.endsWith(":")) return previous.slice(previous.lastIndexOf("\n") + 1);
  }
  return slice.slice(newline + 1);
}

function inKeyContext(folded: string, start: number): boolean {
  const line = lineBefore(folded, start);
  return KEY_CONTEXT.test(line) && !NOT_SECRET_WORDS.has(lastWord(line));
}

/** Hex strings are what hashes look like: a hash word anywhere on the line settles it. */
const HASH_WORDS =
  /(?<![a-z])(?:hash|sha\d*|md5|checksum|controlegetal|commit|fingerprint|vingerafdruk|digest)(?![a-z])/;

/**
 * A hex or UUID value is a key only when bound to the key name by a separator
 * (`client_secret = <uuid>`) and no hash word is on the line.
 */
function hexMayBeKey(folded: string, start: number): boolean {
  const line = lineBefore(folded, start);
  return (
    !HASH_WORDS.test(line) &&
    /(?:key|sleutel|token|secret|geheim|credentials?|password|wachtwoord)["']?\s*(?::|=|=>|:=)\s*["'`]?$/.test(line)
  );
}

export const entropyRecognizer: Recognizer = {
  name: ENTROPY_RECOGNIZER,
  types: ["SECRET"],
  scan: findHighEntropySecrets,
};
