/**
 * IBAN for every SEPA country: the exact length per country and the mod-97 check, written compact
 * (`NL91ABNA0417164300`) or in groups of four (`NL91 ABNA 0417 1643 00`), in upper or lower case.
 * The value is read character by character from the country code on, so the match stops exactly at
 * the country's length and never swallows the word after it.
 */

import { mod97 } from "../../checksums.js";
import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { candidate } from "./shared.js";

export const IBAN_RECOGNIZER = "iban";

/** IBAN length per country: the SEPA members and territories with their own IBAN prefix. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

/** Where an IBAN can start: a country code and two check digits, not inside a longer word. */
export const IBAN_START = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}/g;

const IBAN_START_AT = stickyOf(IBAN_START);

/**
 * The matches of IBAN_START in `text`: those of a global scan, found by trying the pattern only
 * two characters before each run of two or more digits (the check digits follow the country code).
 */
export function ibanStarts(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(IBAN_START_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    if ((runs[r + 1] as number) - (runs[r] as number) < 2) continue;
    const m = scan.at((runs[r] as number) - 2);
    if (m !== null) found.push(m);
  }
  return found;
}

/** The Dutch BBAN is a four-letter bank code and ten digits; other countries vary too much to pin. */
const NL_BBAN = /^[A-Z]{4}\d{10}$/;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** One space, or a line break where a mail client wrapped the number, between two groups. */
function skipGroupSeparator(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 32 || c === 10) return i + 1;
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  return i;
}

/**
 * Read `length` IBAN characters from `start`, allowing one space before any group of four
 * (people write `NL91 ABNA 0417164300` as well as the fully grouped form).
 * Returns the end offset, or -1 when the text does not hold a complete IBAN there.
 */
function readIban(text: string, start: number, length: number): number {
  let count = 0;
  let i = start;
  while (count < length) {
    if (count > 0 && count % 4 === 0) i = skipGroupSeparator(text, i);
    if (i >= text.length || !isAlnum(text.charCodeAt(i))) return -1;
    count++;
    i++;
  }
  return i < text.length && isAlnum(text.charCodeAt(i)) ? -1 : i;
}

/** True when `compact` (upper case, no spaces) is a valid IBAN. */
export function isValidIban(compact: string): boolean {
  const country = compact.slice(0, 2);
  const length = IBAN_LENGTHS[country];
  if (length === undefined || compact.length !== length) return false;
  if (country === "NL" && !NL_BBAN.test(compact.slice(4))) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

const WHITESPACE = /\s/g;

const SCORE = 0.97;

export const ibanRecognizer: Recognizer = {
  name: IBAN_RECOGNIZER,
  types: ["IBAN"],
  scan(input: ScanInput): Candidate[] {
    const out: Candidate[] = [];
    shareDigitRuns(input);
    const text = input.text;
    for (const m of ibanStarts(text)) {
      const start = m.index;
      const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
      if (length === undefined) continue;
      const end = readIban(text, start, length);
      if (end < 0) continue;
      const compact = text.slice(start, end).replace(WHITESPACE, "").toUpperCase();
      if (isValidIban(compact)) out.push(candidate("IBAN", start, end, SCORE, IBAN_RECOGNIZER));
    }
    return out;
  },
};
