/**
 * VAT identification numbers. The Dutch btw-id is `NL` + nine digits + `B` + two digits; it is
 * valid when either check passes: the old 11-proef on the nine digits (companies) or, since 2020,
 * mod 97 on the whole id (sole traders). Belgian (`BE0…`, mod-97 check digits) and German
 * (`DE` + nine digits, ISO 7064 mod 11,10) numbers are recognised too; the German one only next
 * to a VAT word, since `DE` and nine digits is a common shape.
 */

import { mod97 } from "../../checksums.js";
import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { candidate, digitsOf, keywordMatcher, keywordNear } from "./shared.js";

export const VAT_ID_RECOGNIZER = "vat-id";

/** `NL123456789B01`, also with spaces or dots: `NL 1234.56.789.B01`, `NL123456789 B01`. */
export const NL_VAT_PATTERN =
  /(?<![A-Za-z0-9])NL[ .]?(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3}|\d{3} \d{3} \d{3})[ .]?B[ .]?\d{2}(?![A-Za-z0-9])/gi;

/** `BE0123456749`, `BE 0123.456.749`, `BE 0123 456 749`. */
export const BE_VAT_PATTERN = /(?<![A-Za-z0-9])BE[ .]?[01]\d{3}(?:\d{6}|\.\d{3}\.\d{3}| \d{3} \d{3})(?![A-Za-z0-9])/gi;

/** `DE123456789`, `DE 123 456 789`. */
export const DE_VAT_PATTERN = /(?<![A-Za-z0-9])DE ?(?:\d{9}|\d{3} \d{3} \d{3})(?![A-Za-z0-9])/gi;

const NL_VAT_AT = stickyOf(NL_VAT_PATTERN);
const BE_VAT_AT = stickyOf(BE_VAT_PATTERN);
const DE_VAT_AT = stickyOf(DE_VAT_PATTERN);

/**
 * Each pattern is a two-letter country code, at most one separator (`[ .]` for NL and BE, a space
 * for DE), then a run of at least `minRun` digits: a match starts two characters before a run of
 * digits, or three with a separator between. The matches of a global scan with `pattern`, found by
 * trying it only there.
 */
function vatMatches(
  sticky: RegExp,
  text: string,
  folded: string,
  code: string,
  separators: string,
  minRun: number,
): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(sticky, text);
  const c0 = code.charCodeAt(0);
  const c1 = code.charCodeAt(1);
  for (let r = 0; r < runs.length; r += 2) {
    const digit = runs[r] as number;
    if ((runs[r + 1] as number) - digit < minRun) continue;
    const before = text[digit - 1];
    const at = before !== undefined && separators.includes(before) ? digit - 3 : digit - 2;
    if (at < 0 || folded.charCodeAt(at) !== c0 || folded.charCodeAt(at + 1) !== c1) continue;
    const m = scan.at(at);
    if (m !== null) found.push(m);
  }
  return found;
}

/** The matches of NL_VAT_PATTERN, BE_VAT_PATTERN and DE_VAT_PATTERN in `text` (`folded` is its folded form). */
export function nlVatMatches(text: string, folded: string): RegExpExecArray[] {
  return vatMatches(NL_VAT_AT, text, folded, "nl", " .", 3);
}
export function beVatMatches(text: string, folded: string): RegExpExecArray[] {
  return vatMatches(BE_VAT_AT, text, folded, "be", " .", 4);
}
export function deVatMatches(text: string, folded: string): RegExpExecArray[] {
  return vatMatches(DE_VAT_AT, text, folded, "de", " ", 3);
}

const NL_VAT_COMPACT = /^NL\d{9}B\d{2}$/;

/** The pre-2020 check: 9·d1 + 8·d2 + … + 2·d8, mod 11, equals the ninth digit. */
export function nlVatElevenProof(nineDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(nineDigits[i]);
  return sum % 11 === Number(nineDigits[8]);
}

/** True for a valid Dutch btw-id given as `NL` + 9 digits + `B` + 2 digits (no separators). */
export function isValidNlVatId(compact: string): boolean {
  const id = compact.toUpperCase();
  if (!NL_VAT_COMPACT.test(id)) return false;
  return nlVatElevenProof(id.slice(2, 11)) || mod97(id) === 1;
}

/** Belgian enterprise number: the last two digits are 97 minus the first eight mod 97. */
export function isValidBeVatId(tenDigits: string): boolean {
  return 97 - (Number(tenDigits.slice(0, 8)) % 97) === Number(tenDigits.slice(8));
}

/** German USt-IdNr: ISO 7064 MOD 11,10 over the first eight digits gives the ninth. */
export function isValidDeVatId(nineDigits: string): boolean {
  let product = 10;
  for (let i = 0; i < 8; i++) {
    let sum = (Number(nineDigits[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(nineDigits[8]);
}

export const VAT_WORDS = keywordMatcher([
  "btw*",
  "vat*",
  "tva",
  "ust",
  "ust-id*",
  "ust-nr",
  "ustid*",
  "umsatzsteuer*",
  "omzetbelasting*",
  "ondernemingsnummer",
  "btw-id",
  "tax id",
  "tax number",
]);

const SEPARATORS = /[ .]/g;

const SCORE_NL = 0.97;
const SCORE_WITH_CONTEXT = 0.92;
const SCORE_BE_BARE = 0.7;

export const vatIdRecognizer: Recognizer = {
  name: VAT_ID_RECOGNIZER,
  types: ["VAT_ID"],
  scan(input: ScanInput): Candidate[] {
    const out: Candidate[] = [];
    shareDigitRuns(input);
    const push = (start: number, end: number, score: number) =>
      out.push(candidate("VAT_ID", start, end, score, VAT_ID_RECOGNIZER));
    const { text, folded } = input;
    for (const m of nlVatMatches(text, folded)) {
      if (isValidNlVatId(m[0].replace(SEPARATORS, ""))) push(m.index, m.index + m[0].length, SCORE_NL);
    }
    for (const m of beVatMatches(text, folded)) {
      if (!isValidBeVatId(digitsOf(m[0]))) continue;
      const end = m.index + m[0].length;
      push(m.index, end, keywordNear(input.folded, m.index, end, VAT_WORDS) ? SCORE_WITH_CONTEXT : SCORE_BE_BARE);
    }
    for (const m of deVatMatches(text, folded)) {
      const end = m.index + m[0].length;
      if (isValidDeVatId(digitsOf(m[0])) && keywordNear(input.folded, m.index, end, VAT_WORDS)) {
        push(m.index, end, SCORE_WITH_CONTEXT);
      }
    }
    return out;
  },
};
