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
 * and every such match is also a substring of the whole text, so without one the loose scan is skipped.
 */
const VEHICLE_HINT = new RegExp(
  VEHICLE_WORD_LIST.map((w) => w.replace(/\*$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
);

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
    for (const m of input.text.matchAll(DASHED_PLATE_PATTERN)) {
      const start = m.index;
      const end = start + m[0].length;
      dashed.add(start);
      let score = SCORE_DASHED;
      if (keywordNear(input.folded, start, end, VEHICLE_WORDS)) score = SCORE_DASHED_WITH_CONTEXT;
      else if (keywordWithin(input.folded, start, PRODUCT_WORDS, 32)) score = SCORE_DASHED_PRODUCT;
      out.push(candidate("LICENSE_PLATE", start, end, score, LICENSE_PLATE_RECOGNIZER));
    }
    if (!VEHICLE_HINT.test(input.folded)) return out;
    for (const m of input.text.matchAll(LOOSE_PLATE_PATTERN)) {
      const start = m.index;
      // `Ab12cD` is a code or a typo, not a plate someone wrote down.
      if (dashed.has(start) || !(UPPER.test(m[0]) || LOWER.test(m[0]))) continue;
      const end = start + m[0].length;
      if (keywordNear(input.folded, start, end, VEHICLE_WORDS)) {
        out.push(candidate("LICENSE_PLATE", start, end, SCORE_LOOSE_WITH_CONTEXT, LICENSE_PLATE_RECOGNIZER));
      }
    }
    return out;
  },
};
