/**
 * Numbers of Dutch identity documents. Passport and identity card numbers are nine characters:
 * two letters, six letters or digits, and a final digit, never the letter O (it would be confused
 * with zero). That shape also fits product codes and ordinary upper-case words with a digit, so a
 * document word (`paspoort`, `ID-kaart`, `documentnummer`, `legitimatie`, ...) must govern the
 * value. A driving licence number is ten digits, likewise only next to `rijbewijs`.
 */

import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { candidate, keywordMatcher, keywordNear } from "./shared.js";

export const ID_DOCUMENT_RECOGNIZER = "nl-id-document";

/** Passport / identity card number: letters (no O) at 1-2, letters or digits at 3-8, a digit at 9. */
export const DOCUMENT_NUMBER_PATTERN = /(?<![A-Za-z0-9])[A-NP-Z]{2}[A-NP-Z0-9]{6}\d(?![A-Za-z0-9])/g;

/** Driving licence number: ten digits (a phone number starts with 0, a licence number does not). */
export const DRIVING_LICENCE_PATTERN = /(?<![A-Za-z0-9_])(?<!\d[ .,/:-])[1-9]\d{9}(?![A-Za-z0-9_])(?![ .,/:-]\d)/g;

const DOCUMENT_NUMBER_AT = stickyOf(DOCUMENT_NUMBER_PATTERN);
const DRIVING_LICENCE_AT = stickyOf(DRIVING_LICENCE_PATTERN);
/** A document number is nine characters and ends in a digit followed by no letter or digit. */
const DOCUMENT_NUMBER_LENGTH = 9;
const DRIVING_LICENCE_LENGTH = 10;

/**
 * The matches of DOCUMENT_NUMBER_PATTERN in `text`: those of a global scan, found by trying the
 * pattern only nine characters before the end of each run of digits (a document number ends in a
 * digit that no letter or digit follows).
 */
export function documentNumberMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(DOCUMENT_NUMBER_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    const m = scan.at((runs[r + 1] as number) - DOCUMENT_NUMBER_LENGTH);
    if (m !== null) found.push(m);
  }
  return found;
}

/** The matches of DRIVING_LICENCE_PATTERN in `text`: whole runs of ten digits, tried one by one. */
export function drivingLicenceMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(DRIVING_LICENCE_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    if ((runs[r + 1] as number) - (runs[r] as number) !== DRIVING_LICENCE_LENGTH) continue;
    const m = scan.at(runs[r] as number);
    if (m !== null) found.push(m);
  }
  return found;
}

const DOCUMENT_WORDS_LIST = [
  "paspoort*",
  "identiteitskaart*",
  "identiteitsbewijs*",
  "id-kaart*",
  "id kaart*",
  "idkaart*",
  "id-bewijs",
  "id-nummer",
  "documentnummer*",
  "document nr",
  "document number",
  "rijbewijs*",
  "legitimatie*",
  "passport*",
  "identity card*",
  "id card*",
  "id-card*",
  "travel document",
  "reisdocument*",
  "verblijfsdocument*",
  "verblijfsvergunning*",
];

/**
 * `ID` on its own (`ID: XN4F7K2L3`) is a document word too, but `klant-ID`, `order ID` or
 * `customer id` name a record in some system, not a document.
 */
const RECORD_ID =
  "(?<!(?:klant|order|bestel|factuur|invoice|user|gebruiker|customer|client|account|product|artikel|device|session|sessie|transactie|transaction|request|ticket|tracking|referentie|reference) ?)";
export const DOCUMENT_WORDS = new RegExp(
  `${keywordMatcher(DOCUMENT_WORDS_LIST).source}|(?<![a-z0-9-])${RECORD_ID}id(?![a-z0-9-])`,
  "g",
);

export const DRIVING_LICENCE_WORDS = keywordMatcher([
  "rijbewijs*",
  "driving licence*",
  "driving license*",
  "driver's license*",
  "drivers license*",
]);

const HAS_DIGIT = /\d/;
const HAS_LETTER = /[A-Z]/;

/** Mixed letters and digits in the middle is the shape of modern document numbers. */
const SCORE_MIXED = 0.92;
/** Eight letters and a digit, or two letters and seven digits: still a document number next to the word. */
const SCORE_PLAIN = 0.8;
const SCORE_DRIVING_LICENCE = 0.85;

export const idDocumentRecognizer: Recognizer = {
  name: ID_DOCUMENT_RECOGNIZER,
  types: ["ID_DOCUMENT"],
  scan(input: ScanInput): Candidate[] {
    const out: Candidate[] = [];
    shareDigitRuns(input);
    for (const m of documentNumberMatches(input.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!keywordNear(input.folded, start, end, DOCUMENT_WORDS)) continue;
      const middle = m[0].slice(2, 8);
      const mixed = HAS_DIGIT.test(middle) && HAS_LETTER.test(middle);
      out.push(candidate("ID_DOCUMENT", start, end, mixed ? SCORE_MIXED : SCORE_PLAIN, ID_DOCUMENT_RECOGNIZER));
    }
    for (const m of drivingLicenceMatches(input.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (keywordNear(input.folded, start, end, DRIVING_LICENCE_WORDS)) {
        out.push(candidate("ID_DOCUMENT", start, end, SCORE_DRIVING_LICENCE, ID_DOCUMENT_RECOGNIZER));
      }
    }
    return out;
  },
};
