/**
 * Dutch licence plates (kentekens) in the RDW sidecodes 1-14. Plates use only consonants other
 * than C and Q (no vowels, so no words can form), which keeps ordinary words and most product
 * codes out. Written with dashes, the shape alone is strong; without dashes or with spaces
 * (`AB12CD`, `AB 12 CD`) it is reported only next to a vehicle word.
 */

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

/** Merged [start, end) windows of possible loose-plate starts, or empty when no vehicle word occurs. */
function looseWindows(folded: string): number[] {
  const windows: number[] = [];
  VEHICLE_HINT.lastIndex = 0;
  for (let m = VEHICLE_HINT.exec(folded); m !== null; m = VEHICLE_HINT.exec(folded)) {
    const from = Math.max(0, m.index - WINDOW_BEFORE);
    const to = Math.min(folded.length, m.index + m[0].length + WINDOW_AFTER);
    const last = windows.length - 1;
    if (last > 0 && from <= (windows[last] as number)) windows[last] = Math.max(windows[last] as number, to);
    else windows.push(from, to);
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
    const windows = looseWindows(input.folded);
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
