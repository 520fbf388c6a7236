/**
 * Payment card numbers: 13-19 digits passing Luhn with a known issuer prefix and a length that
 * issuer uses, compact or grouped the way cards are printed (4-4-4-4, Amex 4-6-5, Diners 4-6-4)
 * with spaces or dashes. Dutch payment references (`betalingskenmerk`) are also 16 digits with a
 * check digit, so reference words nearby push a bare number below the threshold.
 */

import { luhn } from "../../checksums.js";
import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { candidate, digitsOf, keywordMatcher, keywordNear, keywordWithin, REFERENCE_WORDS } from "./shared.js";

export const CREDIT_CARD_RECOGNIZER = "credit-card";

/**
 * Compact 13-19 digits, or groups of four (the last group one to four digits, an optional fifth
 * group for 19-digit cards), or the 4-6-5 / 4-6-4 layout; one kind of separator per number.
 */
export const CREDIT_CARD_PATTERN =
  /(?<![A-Za-z0-9_])(?<!\d[ .,/:-])(?:\d{4} \d{4} \d{4} \d{1,4}(?: \d{3})?|\d{4}-\d{4}-\d{4}-\d{1,4}(?:-\d{3})?|\d{4} \d{6} \d{4,5}|\d{4}-\d{6}-\d{4,5}|\d{13,19})(?![A-Za-z0-9_])(?![.,/:-]\d)/g;

const CREDIT_CARD_AT = stickyOf(CREDIT_CARD_PATTERN);

/**
 * The matches of CREDIT_CARD_PATTERN in `text`: those of a global scan, found by trying the pattern only
 * at runs of at least 4 digits (every form starts at the first digit of such a run).
 */
export function creditCardMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(CREDIT_CARD_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    if ((runs[r + 1] as number) - (runs[r] as number) < 4) continue;
    const m = scan.at(runs[r] as number);
    if (m !== null) found.push(m);
  }
  return found;
}

interface Issuer {
  readonly name: string;
  readonly lengths: readonly number[];
  matches(digits: string): boolean;
}

function between(digits: string, width: number, low: number, high: number): boolean {
  const head = Number(digits.slice(0, width));
  return head >= low && head <= high;
}

const ANY_LENGTH = [13, 14, 15, 16, 17, 18, 19] as const;

/** Issuer identification ranges (ISO/IEC 7812 as published by the card schemes). */
export const ISSUERS: readonly Issuer[] = [
  { name: "visa", lengths: [13, 16, 19], matches: (d) => d.startsWith("4") },
  {
    name: "mastercard",
    lengths: [16],
    matches: (d) => between(d, 2, 51, 55) || between(d, 4, 2221, 2720),
  },
  { name: "amex", lengths: [15], matches: (d) => d.startsWith("34") || d.startsWith("37") },
  {
    name: "diners",
    lengths: [14, 15, 16, 17, 18, 19],
    matches: (d) => between(d, 3, 300, 305) || d.startsWith("36") || d.startsWith("38") || d.startsWith("39"),
  },
  {
    name: "discover",
    lengths: [16, 17, 18, 19],
    matches: (d) =>
      d.startsWith("6011") || between(d, 3, 644, 649) || d.startsWith("65") || between(d, 6, 622126, 622925),
  },
  { name: "jcb", lengths: [16, 17, 18, 19], matches: (d) => between(d, 4, 3528, 3589) },
  { name: "unionpay", lengths: [16, 17, 18, 19], matches: (d) => d.startsWith("62") },
  { name: "mir", lengths: [16, 17, 18, 19], matches: (d) => between(d, 4, 2200, 2204) },
  {
    name: "maestro",
    lengths: ANY_LENGTH,
    matches: (d) => d.startsWith("50") || between(d, 2, 56, 58) || d.startsWith("6"),
  },
];

/** The issuer of a card number, or undefined when no scheme issues that prefix at that length. */
export function cardIssuer(digits: string): string | undefined {
  return ISSUERS.find((i) => i.lengths.includes(digits.length) && i.matches(digits))?.name;
}

/** True for a plausible card number: known issuer at a length it uses, and Luhn. */
export function isValidCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && cardIssuer(digits) !== undefined && luhn(digits);
}

export const CARD_WORDS = keywordMatcher([
  "creditcard*",
  "credit card*",
  "credit-card*",
  "kaartnummer",
  "kaart",
  "card",
  "card number",
  "cardnumber",
  "betaalkaart",
  "visa",
  "mastercard",
  "amex",
  "american express",
  "maestro",
  "diners",
  "discover",
  "jcb",
  "pan",
  "cc",
]);

const SCORE_WITH_CONTEXT = 0.97;
const SCORE_GROUPED = 0.9;
const SCORE_BARE = 0.8;
const SCORE_REFERENCE = 0.35;

export const creditCardRecognizer: Recognizer = {
  name: CREDIT_CARD_RECOGNIZER,
  types: ["CREDIT_CARD"],
  scan(input: ScanInput): Candidate[] {
    const out: Candidate[] = [];
    shareDigitRuns(input);
    for (const m of creditCardMatches(input.text)) {
      let value = m[0];
      let digits = digitsOf(value);
      // A fifth group may be a separate number after a 16-digit card (`... 1111 123 stuks`).
      if (!isValidCardNumber(digits) && digits.length === 19 && value.length > 19) {
        value = value.slice(0, -4);
        digits = digits.slice(0, 16);
      }
      if (!isValidCardNumber(digits)) continue;
      const start = m.index;
      const end = start + value.length;
      const cardWord = keywordNear(input.folded, start, end, CARD_WORDS);
      // Thirteen-digit cards are all but extinct, while EAN-13 barcodes with a German prefix start with 4.
      if (digits.length === 13 && !cardWord) continue;
      let score: number;
      if (cardWord) score = SCORE_WITH_CONTEXT;
      else if (keywordWithin(input.folded, start, REFERENCE_WORDS, 40)) score = SCORE_REFERENCE;
      else score = value.length > digits.length ? SCORE_GROUPED : SCORE_BARE;
      out.push(candidate("CREDIT_CARD", start, end, score, CREDIT_CARD_RECOGNIZER));
    }
    return out;
  },
};
