/**
 * Like identifiers/digit-anchored.test.ts, for the contact recognizers: the number recognizers try their patterns only where a run of digits begins or ends (see
 * digit-runs.ts). That is a speed-up only: they must find exactly what a scan of the whole text
 * with the same pattern finds, which these properties check on text made of the pieces numbers,
 * codes and their surroundings are made of.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOUSE_NUMBER, houseNumberMatches } from "./address.js";
import { IPV4, ipv4Matches } from "./ip-address.js";
import { PHONE_CANDIDATE, phoneCandidates } from "./phone.js";
import { POSTCODE, postcodeMatches } from "./postcode.js";

/** Digit groups of the lengths the forms use, so grouped numbers (`123.456.789`) come up often. */
const digits = fc
  .tuple(fc.constantFrom(1, 2, 3, 3, 3, 4, 4, 5, 6, 8, 9, 9, 10, 13, 16), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
  .map(([length, seed]) => {
    let out = "";
    for (let i = 0; i < length; i++) out += String((seed * (i + 7) + i * i) % 10);
    return out;
  });
const word = fc.constantFrom(
  ..."+ +31 ( (0 (0) 0 00 0031 06 020 AB ab SA x é € @ = _ : - . 192.168. 192.168.1.20 10.0.0.1 255. Kerkstraat straat a B bis hs euro jaar '".split(
    " ",
  ),
  "’",
);
const separator = fc.constantFrom(" ", " ", ".", ".", "-", ",", "/", "\n", "", "");
const texts = fc
  .array(fc.tuple(fc.oneof(digits, digits, word), separator), { maxLength: 25 })
  .map((parts) => parts.map(([a, b]) => a + b).join(""));

function spans(found: Iterable<RegExpExecArray>): Array<[number, string]> {
  return [...found].map((m) => [m.index, m[0]]);
}

const cases: Array<[string, RegExp, (text: string) => RegExpExecArray[]]> = [
  ["phone", PHONE_CANDIDATE, phoneCandidates],
  ["postcode", POSTCODE, postcodeMatches],
  ["IPv4", IPV4, ipv4Matches],
  ["house number", HOUSE_NUMBER, houseNumberMatches],
];

describe("number patterns tried only at runs of digits", () => {
  for (const [name, pattern, find] of cases) {
    it(`property: ${name} finds what a scan of the whole text finds`, () => {
      fc.assert(
        fc.property(texts, (text) => {
          expect(spans(find(text))).toEqual(spans(text.matchAll(pattern)));
        }),
        { numRuns: 4000 },
      );
    });
  }
});
