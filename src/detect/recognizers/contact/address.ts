import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { BARE_STREET_WORDS, LEAD_WORDS, NOT_STREET_WORDS, PARTICLES, STREET_SUFFIX } from "./street-words.js";

/**
 * Street addresses: street name + house number + addition (`Kerkstraat 12a`,
 * `Laan van Meerdervoort 1120-2`, `Postbus 123`). Postcode and city are not part of the span.
 *
 * A pattern finds "a few words, then a house number"; the code then decides which of those
 * words form the street name, so `Jan de Vries, Kerkstraat 1` and `Adres Kerkstraat 1` both
 * give `Kerkstraat 1`, and `artikel 5` gives nothing.
 */

/** One word of a street name, checked on the words before a house number. */
export const STREET_NAME_WORD = /^(?:\p{L}[\p{L}'’-]*\.?|'s-\p{Lu}[\p{L}-]*|'t)$/u;
/** House number additions: `12a`, `12bg`, `12-2`, `12-III`, `12 bis`, `12 hs`, `12 A`, `12 zw`. */
const ADDITION =
  "(?:[a-zA-Z]{1,2}|-(?:\\d{1,4}|[A-Za-z]{1,3})| (?:bis|hs|bg|zw|huis|boven|[A-Z]|[a-h]|I{2,3}|IV|VI{0,3}))(?![\\p{L}\\p{N}])";
/**
 * A house number right after a word and a space. Matching starts on the digit (fast to scan
 * for); the words before it are read in code. Amounts, times, percentages and quantities
 * (`12 stuks`, `5 jaar`) are not house numbers.
 */
export const HOUSE_NUMBER = new RegExp(
  `[1-9](?<=[\\p{L}.'’] [1-9])\\d{0,4}(${ADDITION})?(?![\\p{L}\\p{N}]|[.,:/]\\d|%| ?(?:euro|eur|uur|procent|jaar|dagen|weken|maanden|keer|maal|stuks|personen|mensen|km|kg|m2|x)(?![\\p{L}]))`,
  "gu",
);
const HOUSE_NUMBER_AT = stickyOf(HOUSE_NUMBER);

/**
 * The matches of HOUSE_NUMBER in `text`: those of a global scan, found by trying the pattern only
 * at runs of at most five digits that follow a space and do not start with 0 (a longer run would
 * go on past the house number, which the pattern does not allow).
 */
export function houseNumberMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(HOUSE_NUMBER_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    const digit = runs[r] as number;
    if ((runs[r + 1] as number) - digit > 5 || text.charCodeAt(digit - 1) !== 32 || text.charCodeAt(digit) === 48)
      continue;
    const m = scan.at(digit);
    if (m !== null) found.push(m);
  }
  return found;
}

const MAX_STREET_WORDS = 5;
/** English street lines: `221B Baker Street`, `10 Downing St.`. */
export const ENGLISH_STREET_LINE =
  /[1-9](?<![\p{L}\p{N}.,-][1-9])\d{0,4}[A-Za-z]? (?:\p{Lu}[\p{L}'-]* ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Boulevard|Blvd|Way|Court|Ct|Place|Square|Terrace|Close|Crescent|Gardens|Parkway|Row)\b\.?/gu;
/** A postcode right after the house number: the surest sign of an address line. */
export const POSTCODE_AFTER = /^,?[ \t]*(?:\r?\n[ \t]*)?[1-9]\d{3} ?[A-Z]{2}(?![\p{L}\p{N}])/u;
/** Words before that announce an address. */
export const ADDRESS_CUE_BEFORE =
  /(?:adres|address|woont|wonende|woonachtig|gevestigd|bezorgd|verhuisd|afleveren|bezoek|locatie|straat|postbus|wonen|woon)[^\n]{0,24}$/;
/** A city after: `, Alkmaar`, ` in Breda`, ` te Utrecht`. */
export const CITY_AFTER = /^(?:,| in| te) (?:'s-)?\p{Lu}\p{Ll}+/u;
/** Particles that belong to person names, so a capitalised word after them is a surname. */
const NAME_PARTICLES = new Set([
  "van",
  "de",
  "der",
  "den",
  "ter",
  "ten",
  "te",
  "'t",
  "la",
  "le",
  "du",
  "von",
  "het",
  "in",
]);
/** "ik woon op kerkstraat 5", "aan de dorpsweg 3": a preposition before a lower-case street. */
export const LOWER_STREET_CUE = /(?:^|[^a-z])(?:op|aan de|in de|naar de|naar) $/;
const YEAR_LIKE = /^(?:19|20)\d\d$/;

function foldWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

function isStreetWord(folded: string, capitalised: boolean): boolean {
  return (capitalised && BARE_STREET_WORDS.has(folded)) || (folded.length > 4 && STREET_SUFFIX.test(folded));
}

function isCapitalised(word: string): boolean {
  return /^(?:\p{Lu}|'s-\p{Lu})/u.test(word);
}

/**
 * Index of the first word of the street name in `words` (the last word is the one before the
 * number), or -1 when the words do not form a street name. `kind` tells how sure we are.
 */
function streetStart(
  words: string[],
  lineStart: boolean,
): { index: number; kind: "suffix" | "lower" | "bare" | "postbus" } | null {
  const lastIndex = words.length - 1;
  const last = words[lastIndex] as string;
  const lastFolded = foldWord(last);
  if (lastFolded === "postbus" || lastFolded === "antwoordnummer") return { index: lastIndex, kind: "postbus" };

  // `Laan van Meerdervoort`, `Plein 1813`-like: a street-type word, particles, then names.
  for (let i = lastIndex - 1; i >= 0; i--) {
    const w = words[i] as string;
    const f = foldWord(w);
    if (PARTICLES.has(f) && !isCapitalised(w)) continue;
    if (!isCapitalised(w)) break;
    if (BARE_STREET_WORDS.has(f) && i < lastIndex && PARTICLES.has(foldWord(words[i + 1] as string))) {
      return { index: extendLeft(words, i, lineStart), kind: "suffix" };
    }
  }

  const capitalised = isCapitalised(last);
  if (isStreetWord(lastFolded, capitalised)) {
    // Lower case (`kerkstraat 5` in a chat): the street word alone, and only with a cue.
    if (!capitalised) return { index: lastIndex, kind: "lower" };
    return { index: extendLeft(words, lastIndex, lineStart), kind: "suffix" };
  }
  if (capitalised && !NOT_STREET_WORDS.has(lastFolded) && last.length > 2) {
    return { index: extendLeft(words, lastIndex, lineStart), kind: "bare" };
  }
  return null;
}

function mayEndStreetName(word: string): boolean {
  const folded = foldWord(word);
  const capitalised = isCapitalised(word);
  if (folded === "postbus" || folded === "antwoordnummer" || isStreetWord(folded, capitalised)) return true;
  return capitalised && !NOT_STREET_WORDS.has(folded);
}

/** Grow the street name to the left over lead words, particles and one leading name. */
function extendLeft(words: string[], from: number, lineStart: boolean): number {
  let start = from;
  for (let i = from - 1; i >= 0; i--) {
    const w = words[i] as string;
    const f = foldWord(w);
    if (NOT_STREET_WORDS.has(f) && !LEAD_WORDS.has(f)) break;
    if (LEAD_WORDS.has(f) || (PARTICLES.has(f) && !isCapitalised(w))) {
      start = i;
      continue;
    }
    if (!isCapitalised(w)) break;
    // A free name (`Jan` in `Jan van Galenstraat`, `Piet` in `Piet Heinkade`) only when it
    // starts the item or follows a lower-case word that is not part of a person's name;
    // otherwise it is more likely the end of a name (`Jan de Vries Kerkstraat 1`).
    const previous = i > 0 ? (words[i - 1] as string) : null;
    if (previous === null ? lineStart : !isCapitalised(previous) && !NAME_PARTICLES.has(foldWord(previous))) start = i;
    break;
  }
  // Never start on a particle: `op Kerkstraat` is not a street called `op Kerkstraat`.
  while (start < from && PARTICLES.has(foldWord(words[start] as string)) && !isCapitalised(words[start] as string))
    start++;
  return start;
}

/** True when the text before `index` starts a new item: line start, punctuation, or a lower-case word. */
function startsItem(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  if (i < 0) return true;
  const ch = text[i] as string;
  if (/[\n\r,:;(\-"'“]/.test(ch)) return true;
  return /\p{Ll}/u.test(ch);
}

function isNameChar(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 45;
  return code === 0x2019 || LETTER.test(String.fromCharCode(code));
}
const LETTER = /\p{L}/u;
const GLUED_BEFORE_WORD = /[\p{N}.'’-]/u;

/** Up to five single-space-separated words ending right before `numberStart`, and where they start. */
function wordsBefore(text: string, numberStart: number, max = MAX_STREET_WORDS): { words: string[]; start: number } {
  const words: string[] = [];
  let start = numberStart;
  let space = numberStart - 1;
  while (words.length < max && space > 0 && text.charCodeAt(space) === 32) {
    let j = space - 1;
    if (text.charCodeAt(j) === 46) j--;
    while (j >= 0 && isNameChar(text.charCodeAt(j))) j--;
    const word = text.slice(j + 1, space);
    if (!STREET_NAME_WORD.test(word)) break;
    const previous = j >= 0 ? (text[j] as string) : " ";
    if (previous !== " " && GLUED_BEFORE_WORD.test(previous)) break;
    words.unshift(word);
    start = j + 1;
    if (previous !== " " || j < 0) break;
    space = j;
  }
  return { words, start };
}

/** `wordsBefore(text, numberStart, 1).words[0]` without the result object: this runs for every number. */
function lastWordBefore(text: string, numberStart: number): string | undefined {
  const space = numberStart - 1;
  if (!(space > 0 && text.charCodeAt(space) === 32)) return undefined;
  let j = space - 1;
  if (text.charCodeAt(j) === 46) j--;
  while (j >= 0 && isNameChar(text.charCodeAt(j))) j--;
  const word = text.slice(j + 1, space);
  if (!STREET_NAME_WORD.test(word)) return undefined;
  if (j >= 0 && text.charCodeAt(j) !== 32 && GLUED_BEFORE_WORD.test(text[j] as string)) return undefined;
  return word;
}

function dutchStreets(text: string, folded: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of houseNumberMatches(text)) {
    // Most numbers in a text follow an ordinary word ("op 12", "is 5"): reject those on the
    // word before the number alone, before reading the whole street name.
    const last = lastWordBefore(text, m.index);
    if (last === undefined || !mayEndStreetName(last)) continue;
    const { words, start } = wordsBefore(text, m.index);
    const number = m[0].slice(0, m[0].length - (m[1]?.length ?? 0));
    const end = m.index + m[0].length;
    const found = streetStart(words, startsItem(text, start));
    if (found === null) continue;
    let offset = start;
    for (let i = 0; i < found.index; i++) offset += (words[i] as string).length + 1;
    const after = text.slice(end, end + 40);
    const before = folded.slice(Math.max(0, offset - 40), offset);
    const postcodeAfter = POSTCODE_AFTER.test(after);
    const cue = ADDRESS_CUE_BEFORE.test(before) || CITY_AFTER.test(after);
    let score: number;
    if (found.kind === "postbus") score = 0.95;
    else if (found.kind === "suffix") score = postcodeAfter || cue ? 0.95 : 0.85;
    else if (found.kind === "lower") score = postcodeAfter || cue || LOWER_STREET_CUE.test(before) ? 0.85 : 0.45;
    else if (postcodeAfter) score = 0.85;
    else if (cue && /^(?:,? *\r?\n|, )/.test(after) && ADDRESS_CUE_BEFORE.test(before)) score = 0.7;
    else continue;
    if (found.kind !== "postbus" && YEAR_LIKE.test(number) && !postcodeAfter && !cue) score = 0.4;
    out.push({ type: "ADDRESS", start: offset, end, score, recognizer: "address" });
  }
  return out;
}

const ENGLISH_STREET_LINE_AT = stickyOf(ENGLISH_STREET_LINE);

/**
 * The matches of ENGLISH_STREET_LINE in `text`: those of a global scan, found by trying the
 * pattern only at runs of at most five digits that do not start with 0 and are followed by a
 * space (after at most one ASCII letter) and then a character that may be upper case. A match
 * starts at the first digit of a run (its lookbehind refuses a digit before it). Most numbers
 * fail these character tests, so the pattern is hardly tried; the street-word search over the
 * whole text this replaces cost more than all of them.
 */
export function englishStreetLineMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(ENGLISH_STREET_LINE_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    const digit = runs[r] as number;
    let after = runs[r + 1] as number;
    if (after - digit > 5 || text.charCodeAt(digit) === 48) continue;
    const letter = text.charCodeAt(after) | 32;
    if (letter >= 97 && letter <= 122) after++;
    if (text.charCodeAt(after) !== 32) continue;
    // `\p{Lu}`: an ASCII capital, or any character beyond ASCII (the pattern decides those).
    const capital = text.charCodeAt(after + 1);
    if (capital < 128 && !(capital >= 65 && capital <= 90)) continue;
    const m = scan.at(digit);
    if (m !== null) found.push(m);
  }
  return found;
}

function englishStreets(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of englishStreetLineMatches(text)) {
    let end = m.index + m[0].length;
    // "St." keeps its dot, a sentence-final dot after "Street" does not belong to it.
    if (text[end - 1] === "." && !/(?:St|Rd|Ave|Ln|Blvd|Ct)\.$/.test(m[0])) end--;
    out.push({ type: "ADDRESS", start: m.index, end, score: 0.85, recognizer: "address" });
  }
  return out;
}

export function findAddresses(text: string, folded: string): Candidate[] {
  return dutchStreets(text, folded).concat(englishStreets(text));
}

export const addressRecognizer: Recognizer = {
  name: "address",
  types: ["ADDRESS"],
  scan: (input: ScanInput) => {
    shareDigitRuns(input);
    return findAddresses(input.text, input.folded);
  },
};
