/**
 * The number recognizers try their patterns only where a run of digits begins or ends (see
 * digit-runs.ts). That is a speed-up only: they must find exactly what a scan of the whole text
 * with the same pattern finds, which these properties check on text made of the pieces numbers,
 * codes and their surroundings are made of.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText } from "../../normalize.js";
import { BSN_PATTERN, bsnMatches } from "./bsn.js";
import { CREDIT_CARD_PATTERN, creditCardMatches } from "./credit-card.js";
import { IBAN_START, ibanStarts } from "./iban.js";
import {
  DOCUMENT_NUMBER_PATTERN,
  DRIVING_LICENCE_PATTERN,
  documentNumberMatches,
  drivingLicenceMatches,
} from "./id-document.js";
import { KVK_PATTERN, kvkMatches } from "./kvk.js";
import { BE_VAT_PATTERN, beVatMatches, DE_VAT_PATTERN, deVatMatches, NL_VAT_PATTERN, nlVatMatches } from "./vat-id.js";

/** Digit groups of the lengths the forms use, so grouped numbers (`123.456.789`) come up often. */
const digits = fc
  .tuple(fc.constantFrom(1, 2, 3, 3, 3, 4, 4, 6, 8, 9, 9, 10, 13, 16), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
  .map(([length, seed]) => {
    let out = "";
    for (let i = 0; i < length; i++) out += String((seed * (i + 7) + i * i) % 10);
    return out;
  });
const word = fc.constantFrom(..."NL nl BE be DE de NL. BE0 B B01 b12 X AB XN XN4F7K2L Ö é _ ( ) €".split(" "));
const separator = fc.constantFrom(" ", " ", ".", ".", "-", ",", "/", "\n", "", "");
const texts = fc
  .array(fc.tuple(fc.oneof(digits, digits, word), separator), { maxLength: 25 })
  .map((parts) => parts.map(([a, b]) => a + b).join(""));

function spans(found: Iterable<RegExpExecArray>): Array<[number, string]> {
  return [...found].map((m) => [m.index, m[0]]);
}

const cases: Array<[string, RegExp, (text: string, folded: string) => RegExpExecArray[]]> = [
  ["BSN", BSN_PATTERN, bsnMatches],
  ["KvK", KVK_PATTERN, kvkMatches],
  ["IBAN start", IBAN_START, ibanStarts],
  ["credit card", CREDIT_CARD_PATTERN, creditCardMatches],
  ["document number", DOCUMENT_NUMBER_PATTERN, documentNumberMatches],
  ["driving licence", DRIVING_LICENCE_PATTERN, drivingLicenceMatches],
  ["NL VAT", NL_VAT_PATTERN, nlVatMatches],
  ["BE VAT", BE_VAT_PATTERN, beVatMatches],
  ["DE VAT", DE_VAT_PATTERN, deVatMatches],
];

describe("number patterns tried only at runs of digits", () => {
  for (const [name, pattern, find] of cases) {
    it(`property: ${name} finds what a scan of the whole text finds`, () => {
      fc.assert(
        fc.property(texts, (text) => {
          expect(spans(find(text, foldText(text)))).toEqual(spans(text.matchAll(pattern)));
        }),
        { numRuns: 4000 },
      );
    });
  }
});
