/**
 * Dutch licence plates (kentekens) in the RDW sidecodes 1-14. Plates use only consonants other
 * than C and Q (no vowels, so no words can form), which keeps ordinary words and most product
 * codes out. Written with dashes, the shape alone is strong; without dashes or with spaces
 * (`AB12CD`, `AB 12 CD`) it is reported only next to a vehicle word.
 */

import { digitRuns, shareDigitRuns } from "../../digit-runs.js";
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
/**
 * Any vehicle word anywhere, even inside another word. A loose plate needs a vehicle word near it,
 * and every such match is also a substring of the whole text, so the loose scan only has to look
 * around these: a few windows instead of every letter of the text (the loose pattern is
 * case-insensitive, so every letter could start a plate).
 */
const VEHICLE_HINT = new RegExp(
  VEHICLE_WORD_LIST.map((w) => w.replace(/\*$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
  "g",
);

/**
 * Where a loose plate may start relative to a vehicle-word occurrence [a, b): `keywordBefore`
 * accepts a word ending up to 48 characters before the plate, `keywordAfter` one starting up to
 * 16 characters after its end (a plate is at most 8 characters). A word the hint scan skipped
 * because it overlaps a reported one ends at most 14 characters later. Rounded up for margin.
 */
const WINDOW_BEFORE = 32;
const WINDOW_AFTER = 72;
/** A character no loose plate contains: a scan started right after one is in step with a scan from the text start. */
export const PLATE_CHAR = /[A-Za-z0-9 -]/;
/** How far back to look for such a character; plates are 8 characters at most. */
const MAX_RESYNC = 64;
/**
 * How far past its start a loose match reads: 8 characters of plate and 2 of lookahead. Margin
 * included; a larger value only costs time.
 */
const LOOSE_MATCH_REACH = 16;

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
 * How far around a possible plate start p the hint scan must look. `keywordBefore` reads words
 * that start from p - 80 (its 48-character window plus a 32-character span), `keywordAfter` words
 * that start before the plate's end + 16, and a hint the scan reports instead of one it skips
 * (because they overlap) starts at most 12 characters earlier. A scan of
 * [first start - HINT_REACH_BEFORE, last start + HINT_REACH_AFTER) therefore reports, for every
 * plate starting in that range, hints whose windows cover it, as a scan of the whole text does.
 * Margin included.
 */
const HINT_REACH_BEFORE = 80 + 16 + 8;
const HINT_REACH_AFTER = MAX_PLATE + 16 + 16;

/**
 * Merged [start, end) windows of possible loose-plate starts, or empty when no vehicle word occurs.
 * The vehicle-word hints are looked for only around the digit runs a plate could contain (see
 * `mayBorderPlateLetters`), not in the whole text: every loose plate starts at most MAX_PLATE
 * characters before the end of such a run, so the windows still hold every plate that has a
 * vehicle word near it.
 */
function looseWindows(text: string, folded: string): number[] {
  const windows: number[] = [];
  const runs = digitRuns(text);
  let scanned = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const runStart = runs[r] as number;
    const runEnd = runs[r + 1] as number;
    if (!mayBorderPlateLetters(text, runStart, runEnd)) continue;
    // Possible plate starts: [runEnd - MAX_PLATE, runStart]; the next runs may extend the region.
    let from = Math.max(scanned, runEnd - MAX_PLATE - HINT_REACH_BEFORE);
    let to = Math.min(folded.length, runStart + HINT_REACH_AFTER);
    while (r + 2 < runs.length) {
      const nextStart = runs[r + 2] as number;
      const nextEnd = runs[r + 3] as number;
      if (nextEnd - MAX_PLATE - HINT_REACH_BEFORE > to) break;
      r += 2;
      if (mayBorderPlateLetters(text, nextStart, nextEnd)) to = Math.min(folded.length, nextStart + HINT_REACH_AFTER);
    }
    if (from >= to) continue;
    const region = folded.slice(0, to);
    VEHICLE_HINT.lastIndex = from;
    for (let m = VEHICLE_HINT.exec(region); m !== null; m = VEHICLE_HINT.exec(region)) {
      const windowFrom = Math.max(0, m.index - WINDOW_BEFORE);
      const windowTo = Math.min(folded.length, m.index + m[0].length + WINDOW_AFTER);
      const last = windows.length - 1;
      if (last > 0 && windowFrom <= (windows[last] as number))
        windows[last] = Math.max(windows[last] as number, windowTo);
      else windows.push(windowFrom, windowTo);
    }
    scanned = Math.max(to, VEHICLE_HINT.lastIndex);
    from = scanned;
  }
  return windows;
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
    const windows = looseWindows(input.text, input.folded);
    const text = input.text;
    let resume = 0;
    for (let w = 0; w < windows.length; w += 2) {
      const from = windows[w] as number;
      const to = windows[w + 1] as number;
      // Start where a scan of the whole text would be in the same state: after the previous
      // window's last match, or after a character that cannot be inside a plate.
      let at = Math.max(from, resume);
      if (at > resume) {
        const limit = Math.max(resume, at - MAX_RESYNC);
        while (at > limit && PLATE_CHAR.test(text[at - 1] as string)) at--;
      }
      // A plate starting in the window decides its match within the window's end plus
      // LOOSE_MATCH_REACH, so the scan stops there rather than running on through the rest of
      // the text in search of the next match (which it would only leave for the next window).
      const bounded = text.slice(0, Math.min(text.length, to + LOOSE_MATCH_REACH));
      LOOSE_PLATE_PATTERN.lastIndex = at;
      for (let m = LOOSE_PLATE_PATTERN.exec(bounded); m !== null; m = LOOSE_PLATE_PATTERN.exec(bounded)) {
        const start = m.index;
        if (start >= to) {
          // Not ours; the next window may start at or before it, so scan it again from there.
          LOOSE_PLATE_PATTERN.lastIndex = start;
          break;
        }
        resume = LOOSE_PLATE_PATTERN.lastIndex;
        // `Ab12cD` is a code or a typo, not a plate someone wrote down.
        if (dashed.has(start) || !(UPPER.test(m[0]) || LOWER.test(m[0]))) continue;
        const end = start + m[0].length;
        if (keywordNear(input.folded, start, end, VEHICLE_WORDS)) {
          out.push(candidate("LICENSE_PLATE", start, end, SCORE_LOOSE_WITH_CONTEXT, LICENSE_PLATE_RECOGNIZER));
        }
      }
    }
    return out;
  },
};
