/**
 * BSN (burgerservicenummer): nine digits passing the 11-proef, written compact (`123456782`)
 * or grouped (`1234.56.782`, `123 456 782`, `123-456-782`). About one random nine-digit number in
 * eleven passes, so the words around it decide: `BSN` or `sofinummer` make it near certain, an
 * invoice or order number makes it unlikely. An eight-digit number is a BSN whose leading zero was
 * dropped only when a BSN word says so.
 */

import { bsnElevenProof } from "../../checksums.js";
import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { candidate, digitsOf, keywordMatcher, keywordNear, keywordWithin, REFERENCE_WORDS } from "./shared.js";

export const BSN_RECOGNIZER = "nl-bsn";

/** Nine digits, compact or in the 4-2-3 / 3-3-3 groupings, or eight digits (leading zero dropped). */
export const BSN_PATTERN =
  /(?<![A-Za-z0-9_\u00C0-\u024F])(?<!\d[ .,/:-])(?:\d{4}\.\d{2}\.\d{3}|\d{4} \d{2} \d{3}|\d{4}-\d{2}-\d{3}|\d{3}\.\d{3}\.\d{3}|\d{3} \d{3} \d{3}|\d{3}-\d{3}-\d{3}|\d{3}\.\d{2}\.\d{3}|\d{8,9})(?![A-Za-z0-9_\u00C0-\u024F])(?![ .,/:-]\d)/g;

/** Amounts and phone numbers end right before the digits they own. */
const BSN_AT = stickyOf(BSN_PATTERN);

/**
 * The matches of BSN_PATTERN in `text`: those of a global scan, found by trying the pattern only
 * at runs of at least 3 digits (every form starts at the first digit of such a run).
 */
export function bsnMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(BSN_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    if ((runs[r + 1] as number) - (runs[r] as number) < 3) continue;
    const m = scan.at(runs[r] as number);
    if (m !== null) found.push(m);
  }
  return found;
}

export const MONEY_OR_PHONE_BEFORE = /(?:€|\$|£|eur|euro|usd|\+\d{1,3}|\(0\))[\s:]{0,3}$/;

/** A quantity or an amount: `123 456 789 stuks`, `omzet 111 222 333 euro`. */
export const UNIT_AFTER = /^\s?(?:€|eur\b|euro|,-|,\d|stuks|st\.|x\b|kg\b|km\b|%|procent|keer)/;
export const AMOUNT_WORDS = keywordMatcher([
  "bedrag*",
  "totaal*",
  "omzet*",
  "aantal*",
  "prijs",
  "kosten",
  "salaris",
  "loon",
  "budget",
  "winst",
  "waarde",
  "amount",
  "total",
]);

export const BSN_WORDS = keywordMatcher([
  "bsn",
  "bsn-nummer",
  "bsnnummer",
  "bsn-nr",
  "bsnnr",
  "sofinr",
  "sofi-nr",
  "burgerservicenummer*",
  "burgerservice-nummer",
  "burger service nummer",
  "sofinummer*",
  "sofi-nummer",
  "sofi nummer",
  "sofi",
  "persoonsnummer",
  "persoonsgebonden nummer",
  "fiscaal nummer",
  "fiscaalnummer",
  "citizen service number",
  "social security number",
  "ssn",
]);

const DOTTED_4_2_3 = /^\d{4}\.\d{2}\.\d{3}$/;

const SCORE_WITH_CONTEXT = 0.95;
const SCORE_SHORT_WITH_CONTEXT = 0.85;
/** The 4-2-3 dotted form is how a BSN is printed on documents; a random number rarely looks like that. */
const SCORE_DOTTED = 0.62;
const SCORE_BARE = 0.55;
const SCORE_REFERENCE = 0.3;

function scoreFor(input: ScanInput, start: number, end: number, value: string, digits: string): number | null {
  const hasBsnWord = keywordNear(input.folded, start, end, BSN_WORDS);
  if (digits.length === 8) return hasBsnWord ? SCORE_SHORT_WITH_CONTEXT : null;
  if (hasBsnWord) return SCORE_WITH_CONTEXT;
  const lead = input.folded.slice(Math.max(0, start - 12), start);
  if (MONEY_OR_PHONE_BEFORE.test(lead) || UNIT_AFTER.test(input.folded.slice(end, end + 10))) return null;
  if (keywordWithin(input.folded, start, AMOUNT_WORDS, 24)) return null;
  if (keywordWithin(input.folded, start, REFERENCE_WORDS, 40)) return SCORE_REFERENCE;
  return DOTTED_4_2_3.test(value) ? SCORE_DOTTED : SCORE_BARE;
}

export const bsnRecognizer: Recognizer = {
  name: BSN_RECOGNIZER,
  types: ["BSN"],
  scan(input: ScanInput): Candidate[] {
    const out: Candidate[] = [];
    shareDigitRuns(input);
    for (const m of bsnMatches(input.text)) {
      const value = m[0];
      const raw = digitsOf(value);
      const digits = raw.length === 8 ? `0${raw}` : raw;
      if (!bsnElevenProof(digits)) continue;
      const start = m.index;
      const end = start + value.length;
      const score = scoreFor(input, start, end, value, raw);
      if (score !== null) out.push(candidate("BSN", start, end, score, BSN_RECOGNIZER));
    }
    return out;
  },
};
