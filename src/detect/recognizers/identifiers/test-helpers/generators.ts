/**
 * Test support for the identifier recognizers: generators of valid values with real check digits
 * (made-up numbers, never real people's), Dutch sentence frames, and a scan helper that runs one
 * recognizer the way the analyzer does.
 */

import fc from "fast-check";
import { mod97 } from "../../../checksums.js";
import { normalize } from "../../../normalize.js";
import type { Candidate, Recognizer } from "../../../types.js";

/** The analyzer's default minScore; kept here so these tests do not load the other recognizer groups. */
const THRESHOLD = 0.5;

/** All candidates of a recognizer on `text`, in normalised offsets (equal to the original for plain text). */
export function scanAll(recognizer: Recognizer, text: string): Candidate[] {
  const norm = normalize(text);
  return recognizer.scan({ text: norm.text, folded: norm.folded });
}

/** The candidates the analyzer would keep (score at or above the default threshold). */
export function scan(recognizer: Recognizer, text: string): Candidate[] {
  return scanAll(recognizer, text).filter((c) => c.score >= THRESHOLD);
}

/** The reported values, as text slices. */
export function values(recognizer: Recognizer, text: string): string[] {
  return scan(recognizer, text).map((c) => text.slice(c.start, c.end));
}

const digit = fc.integer({ min: 0, max: 9 });
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));

/** Nine-digit BSNs passing the 11-proef. */
export const validBsn: fc.Arbitrary<string> = digits(8)
  .map((head) => {
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(head[i]);
    return { head, check: sum % 11 };
  })
  .filter(({ head, check }) => check < 10 && head !== "00000000")
  .map(({ head, check }) => `${head}${check}`);

/** Change one digit of a value to another digit: every single-digit error breaks these checks. */
export function mutateDigit(value: string, position: number, by: number): string {
  const indices = [...value].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const at = indices[position % indices.length] as number;
  const next = (Number(value[at]) + 1 + (by % 9)) % 10;
  return value.slice(0, at) + String(next) + value.slice(at + 1);
}

/** An IBAN with correct check digits for `country` and a BBAN drawn by `bban`. */
export function ibanWith(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, "0")}${bban}`;
}

const upper = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ");
const letters = (n: number) => fc.array(upper, { minLength: n, maxLength: n }).map((l) => l.join(""));

/** Valid IBANs of a few SEPA countries. */
export const validIban: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(letters(4), digits(10)).map(([bank, account]) => ibanWith("NL", bank + account)),
  digits(18).map((b) => ibanWith("DE", b)),
  digits(12).map((b) => ibanWith("BE", b)),
  fc.tuple(digits(10), letters(1), digits(12)).map(([a, b, c]) => ibanWith("IT", a + b + c)),
  fc.tuple(letters(4), digits(14)).map(([bank, account]) => ibanWith("GB", bank + account)),
  digits(11).map((b) => ibanWith("NO", b)),
);

/** Groups of four, as printed on statements. */
export function groupsOfFour(compact: string): string {
  return compact.replace(/(.{4})(?=.)/g, "$1 ");
}

function luhnCheckDigit(body: string): string {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = Number(body[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A card number of the given prefix and total length with a correct Luhn digit. */
export function cardWith(prefix: string, length: number, fill: string): string {
  const body = (prefix + fill).slice(0, length - 1).padEnd(length - 1, "0");
  return body + luhnCheckDigit(body);
}

/** Valid card numbers of the major schemes. */
export const validCard: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom<[string, number]>(
      ["4", 16],
      ["4", 13],
      ["51", 16],
      ["55", 16],
      ["2221", 16],
      ["2720", 16],
      ["34", 15],
      ["37", 15],
      ["6011", 16],
      ["3530", 16],
      ["36", 14],
      ["5018", 19],
    ),
    digits(19),
  )
  .map(([[prefix, length], fill]) => cardWith(prefix, length, fill));

/** Dutch btw-ids of the old 11-proef kind. */
export const validNlVatElevenProof: fc.Arbitrary<string> = fc
  .tuple(digits(8), fc.integer({ min: 1, max: 9 }))
  .map(([head, suffix]) => {
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(head[i]);
    return { head, check: sum % 11, suffix };
  })
  .filter(({ check }) => check < 10)
  .map(({ head, check, suffix }) => `NL${head}${check}B0${suffix}`);

/** Dutch btw-ids of the 2020+ mod-97 kind (the two last digits chosen so mod 97 is 1). */
export const validNlVatMod97: fc.Arbitrary<string> = digits(9).map((nine) => {
  for (let n = 0; n < 100; n++) {
    const id = `NL${nine}B${String(n).padStart(2, "0")}`;
    if (mod97(id) === 1) return id;
  }
  throw new Error("unreachable: a residue below 97 always exists");
});

/** Neutral Dutch openings and closings to put a value in. */
export const opening = fc.constantFrom(
  "Zoals besproken:",
  "Hierbij de gegevens van de klant,",
  "Beste collega, graag verwerken:",
  "Notitie van het telefoongesprek.",
  "",
  "Goedemorgen,\n",
);
export const closing = fc.constantFrom(
  ".",
  "",
  " en verder niets.",
  "\nMet vriendelijke groet",
  ", bedankt!",
  " (zie bijlage)",
);
