/** Helpers shared by the identifier recognizers: context keywords and number-neighbourhood checks. */

import { contextMatcher } from "../../context.js";
import type { Candidate, EntityType, ScanInput } from "../../types.js";

/** A global matcher for context words, so the last occurrence before a number can be found. */
export function keywordMatcher(words: readonly string[]): RegExp {
  return new RegExp(contextMatcher(words).source, "g");
}

/** Another number of four or more digits: once one appears, a keyword further back is about that number. */
const OTHER_NUMBER = /\d{4}/;

/** How far a keyword may start beyond the window: a long keyword only has to end inside it. */
const KEYWORD_SPAN = 32;

/**
 * True when a keyword ends within `window` characters before `start` and no other number sits
 * between the keyword and the candidate. `KvK 12345678` counts; in `KvK 12345678, tel. 87654321`
 * the keyword does not govern the second number.
 */
export function keywordBefore(folded: string, start: number, keywords: RegExp, window = 48): boolean {
  const from = Math.max(0, start - window - KEYWORD_SPAN);
  const slice = folded.slice(from, start);
  let lastEnd = -1;
  // An exec loop rather than matchAll, which copies the pattern on every call.
  keywords.lastIndex = 0;
  for (let m = keywords.exec(slice); m !== null; m = keywords.exec(slice)) lastEnd = keywords.lastIndex;
  keywords.lastIndex = 0;
  if (lastEnd < 0 || slice.length - lastEnd > window) return false;
  return !OTHER_NUMBER.test(slice.slice(lastEnd));
}

/** True when a keyword follows shortly after `end` (`123456782 (BSN)`), on the same line. */
export function keywordAfter(folded: string, end: number, keywords: RegExp, window = 16): boolean {
  const slice = folded.slice(end, end + window);
  const line = slice.split("\n", 1)[0] as string;
  keywords.lastIndex = 0;
  const found = keywords.test(line);
  keywords.lastIndex = 0;
  return found;
}

/** True when any keyword occurs in the `window` characters before `start`. */
export function keywordWithin(folded: string, start: number, keywords: RegExp, window: number): boolean {
  keywords.lastIndex = 0;
  const found = keywords.test(folded.slice(Math.max(0, start - window), start));
  keywords.lastIndex = 0;
  return found;
}

/** True when a keyword governs the candidate from before, or names it right after. */
export function keywordNear(folded: string, start: number, end: number, keywords: RegExp, window = 48): boolean {
  return keywordBefore(folded, start, keywords, window) || keywordAfter(folded, end, keywords);
}

/** Number words that mean "this number is a reference of some document, not a person's identifier". */
export const REFERENCE_WORDS = keywordMatcher([
  "factuur*",
  "invoice*",
  "order*",
  "bestel*",
  "klantnummer",
  "klantnr",
  "debiteur*",
  "crediteur*",
  "referentie*",
  "ref",
  "reference",
  "kenmerk",
  "o.v.v.",
  "ovv",
  "onder vermelding van",
  "vermelding",
  "betalingskenmerk",
  "dossier*",
  "zaaknummer",
  "polis*",
  "policy",
  "contractnummer",
  "artikel*",
  "art",
  "artnr",
  "sku",
  "ean",
  "barcode",
  "serienummer",
  "serial",
  "tracking*",
  "track",
  "zending*",
  "pakket*",
  "ticket*",
  "offerte*",
  "quote",
  "transactie*",
  "transaction",
  "batch",
  "lot",
  "versie",
  "version",
  "build",
  "tel",
  "telefoon*",
  "mobiel",
  "bel",
  "fax",
  "phone",
  "kvk*",
  "coc",
  "iban",
  "rekening*",
]);

/** Build one candidate. */
export function candidate(type: EntityType, start: number, end: number, score: number, recognizer: string): Candidate {
  return { type, start, end, score, recognizer };
}

/** Iterate over all matches of a global, module-level pattern without sharing its lastIndex. */
export function* matches(pattern: RegExp, input: ScanInput, useFolded = false): Generator<RegExpExecArray> {
  yield* (useFolded ? input.folded : input.text).matchAll(pattern) as Iterable<RegExpExecArray>;
}

const NON_DIGIT = /\D/g;

/** Digits of a value, without separators of any kind. */
export function digitsOf(value: string): string {
  return value.replace(NON_DIGIT, "");
}
