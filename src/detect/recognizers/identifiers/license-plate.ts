/**
 * Dutch licence plates (kentekens) in the RDW sidecodes 1-14. Plates use only consonants other
 * than C and Q (no vowels, so no words can form), which keeps ordinary words and most product
 * codes out. Written with dashes, the shape alone is strong; without dashes or with spaces
 * (`AB12CD`, `AB 12 CD`) it is reported only next to a vehicle word.
 */

import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { candidate, keywordMatcher, keywordNear, keywordWithin } from "./shared.js";

export const LICENSE_PLATE_RECOGNIZER = "nl-license-plate";

/** The sidecodes: X is a letter, 9 a digit. */
export const SIDECODES = [
  "XX-99-99",
  "99-99-XX",
  "99-XX-99",
  "XX-99-XX",
  "XX-XX-99",
  "99-XX-XX",
  "99-XXX-9",
  "9-XXX-99",
  "XX-999-X",
  "X-999-XX",
  "XXX-99-X",
  "X-99-XXX",
  "9-XX-999",
  "999-XX-9",
] as const;

const LETTER = "[BDFGHJKLMNPRSTVWXZ]";

function sidecodeSource(code: string, separator: string): string {
  return code
    .split("-")
    .map((group) => (group[0] === "X" ? `${LETTER}{${group.length}}` : `\\d{${group.length}}`))
    .join(separator);
}

function platePattern(separator: string, flags: string): RegExp {
  const body = SIDECODES.map((code) => sidecodeSource(code, separator)).join("|");
  // The leading lookahead names the characters a plate can start with, so the engine rejects
  // every other position before trying the fourteen sidecodes.
  const first = flags.includes("i") ? "" : `(?=${LETTER}|\\d)`;
  return new RegExp(`${first}(?<![A-Za-z0-9-])(?:${body})(?![A-Za-z0-9]|-[A-Za-z0-9])`, flags);
}

/** With dashes, upper case: the way plates are written. */
export const DASHED_PLATE_PATTERN = platePattern("-", "g");
/** DASHED_PLATE_PATTERN anchored at `lastIndex`, for `dashedPlates`. */
const DASHED_PLATE_AT = new RegExp(DASHED_PLATE_PATTERN.source, "y");
/** Every sidecode has a dash one to three characters after the plate's first character. */
const MAX_FIRST_GROUP = 3;

/**
 * The dashed plates in `text` as flat start, end pairs: exactly the matches of a global scan with
 * DASHED_PLATE_PATTERN. Such a scan tries every position of the text; a plate can only start one
 * to three characters before a dash, and dashes are rare in prose, so only those starts are tried
 * (in order, and never inside the previous match, as the global scan would).
 */
export function dashedPlates(text: string): number[] {
  const found: number[] = [];
  let from = 0;
  for (let dash = text.indexOf("-"); dash >= 0; dash = text.indexOf("-", dash + 1)) {
    for (let start = Math.max(from, dash - MAX_FIRST_GROUP); start < dash; start++) {
      DASHED_PLATE_AT.lastIndex = start;
      if (DASHED_PLATE_AT.test(text)) {
        const end = DASHED_PLATE_AT.lastIndex;
        found.push(start, end);
        from = end;
        break;
      }
    }
    // Starts before this dash have all been tried.
    if (from < dash) from = dash;
  }
  return found;
}

/** Without dashes, with spaces, or in lower case: only with a vehicle word. */
export const LOOSE_PLATE_PATTERN = platePattern("[ -]?", "gi");

const VEHICLE_WORD_LIST = [
  "kenteken*",
  "nummerplaat*",
  "auto",
  "auto's",
  "leaseauto",
  "bedrijfsauto",
  "deelauto",
  "huurauto",
  "wagen*",
  "voertuig*",
  "bestelbus*",
  "bestelauto*",
  "busje",
  "vrachtwagen*",
  "aanhanger*",
  "motor",
  "scooter",
  "bromfiets",
  "lease*",
  "apk",
  "rdw",
  "parkeer*",
  "geparkeerd",
  "plate*",
  "license plate*",
  "licence plate*",
  "registration",
  "vehicle*",
  "car",
];
export const VEHICLE_WORDS = keywordMatcher(VEHICLE_WORD_LIST);
/** LOOSE_PLATE_PATTERN anchored at `lastIndex`, tried only where a loose plate can start. */
const LOOSE_PLATE_AT = stickyOf(LOOSE_PLATE_PATTERN);

/** ASCII consonants a plate may use, either case (the loose pattern is case-insensitive). */
const PLATE_LETTER = new Uint8Array(128);
for (const ch of "BDFGHJKLMNPRSTVWXZbdfghjklmnprstvwxz") PLATE_LETTER[ch.charCodeAt(0)] = 1;

function isPlateLetter(code: number): boolean {
  return code < 128 && PLATE_LETTER[code] === 1;
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 32;
  return lower >= 97 && lower <= 122;
}

/** The longest run of digits in a plate: two digit groups without a separator (`12-34-BD` as `1234BD`). */
const MAX_PLATE_DIGITS = 4;
/** The longest run of letters in a plate: two letter groups without a separator (`BD-FG-12` as `BDFG12`). */
const MAX_PLATE_LETTERS = 4;
/** The longest plate: six letters and digits and two separators. */
const MAX_PLATE = 8;

/**
 * Whether a letter group of a plate can border the digit run [start, end). Every sidecode has a
 * letter group next to a digit group (at most one `-` or space between), and a plate holds its
 * digit runs whole (it has no digit on either side), so every loose plate contains a run for
 * which this holds: one to four consonants before or after it (past one separator), with no
 * other ASCII letter beyond them. Most numbers in prose (`12 maart`, `2024`) fail it.
 */
function mayBorderPlateLetters(text: string, start: number, end: number): boolean {
  if (end - start > MAX_PLATE_DIGITS) return false;
  let after = end;
  if (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 45) after++;
  let letters = 0;
  while (letters <= MAX_PLATE_LETTERS && isPlateLetter(text.charCodeAt(after + letters))) letters++;
  if (letters >= 1 && letters <= MAX_PLATE_LETTERS && !isAsciiLetter(text.charCodeAt(after + letters))) return true;
  let before = start - 1;
  if (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 45) before--;
  letters = 0;
  while (letters <= MAX_PLATE_LETTERS && isPlateLetter(text.charCodeAt(before - letters))) letters++;
  return letters >= 1 && letters <= MAX_PLATE_LETTERS && !isAsciiLetter(text.charCodeAt(before - letters));
}

/**
 * What the loose pattern needs at its first character, read without calling the engine: a plate
 * letter or digit, with no letter, digit or dash before it (its look-behind).
 */
function mayStartPlate(text: string, start: number): boolean {
  const code = text.charCodeAt(start);
  if (!(isPlateLetter(code) || (code >= 48 && code <= 57))) return false;
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  return !(isAsciiLetter(before) || (before >= 48 && before <= 57) || before === 45);
}

/**
 * The matches of a scan of the whole text with LOOSE_PLATE_PATTERN, as flat start, end pairs.
 * Such a scan tries every position (the pattern is case-insensitive, so every letter could start a
 * plate). But a loose plate holds a run of digits whole, one for which `mayBorderPlateLetters`
 * holds, and starts at most MAX_PLATE characters before that run ends and no later than the run
 * starts; so only those starts are tried, in order, skipping those inside a match, as the whole
 * scan would (`StickyScan`). Numbers in prose rarely border a group of consonants, so most texts
 * try no position at all.
 */
function loosePlates(text: string): number[] {
  const found: number[] = [];
  const runs = digitRuns(text);
  let scan: StickyScan | null = null;
  let next = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const runStart = runs[r] as number;
    const runEnd = runs[r + 1] as number;
    if (!mayBorderPlateLetters(text, runStart, runEnd)) continue;
    scan ??= new StickyScan(LOOSE_PLATE_AT, text);
    for (let start = Math.max(next, runEnd - MAX_PLATE); start <= runStart; start++) {
      if (!mayStartPlate(text, start)) continue;
      const m = scan.at(start);
      if (m !== null) found.push(start, start + m[0].length);
    }
    next = runStart + 1;
  }
  return found;
}

/** Codes in a catalogue or a spec sheet are not plates. */
export const PRODUCT_WORDS = keywordMatcher([
  "artikel*",
  "art",
  "artnr",
  "product*",
  "model*",
  "type",
  "typenummer",
  "sku",
  "onderdeel*",
  "part",
  "serienummer",
  "serial",
]);

const UPPER = /^[^a-z]+$/;
const LOWER = /^[^A-Z]+$/;

const SCORE_DASHED_WITH_CONTEXT = 0.95;
const SCORE_DASHED = 0.85;
const SCORE_DASHED_PRODUCT = 0.4;
const SCORE_LOOSE_WITH_CONTEXT = 0.8;

export const licensePlateRecognizer: Recognizer = {
  name: LICENSE_PLATE_RECOGNIZER,
  types: ["LICENSE_PLATE"],
  scan(input: ScanInput): Candidate[] {
    const out: Candidate[] = [];
    const dashed = new Set<number>();
    const plates = dashedPlates(input.text);
    for (let p = 0; p < plates.length; p += 2) {
      const start = plates[p] as number;
      const end = plates[p + 1] as number;
      dashed.add(start);
      let score = SCORE_DASHED;
      if (keywordNear(input.folded, start, end, VEHICLE_WORDS)) score = SCORE_DASHED_WITH_CONTEXT;
      else if (keywordWithin(input.folded, start, PRODUCT_WORDS, 32)) score = SCORE_DASHED_PRODUCT;
      out.push(candidate("LICENSE_PLATE", start, end, score, LICENSE_PLATE_RECOGNIZER));
    }
    shareDigitRuns(input);
    const loose = loosePlates(input.text);
    for (let p = 0; p < loose.length; p += 2) {
      const start = loose[p] as number;
      const end = loose[p + 1] as number;
      if (dashed.has(start)) continue;
      // `Ab12cD` is a code or a typo, not a plate someone wrote down.
      const plate = input.text.slice(start, end);
      if (!(UPPER.test(plate) || LOWER.test(plate))) continue;
      if (keywordNear(input.folded, start, end, VEHICLE_WORDS)) {
        out.push(candidate("LICENSE_PLATE", start, end, SCORE_LOOSE_WITH_CONTEXT, LICENSE_PLATE_RECOGNIZER));
      }
    }
    return out;
  },
};
