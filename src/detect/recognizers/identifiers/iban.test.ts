import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IBAN_LENGTHS, ibanRecognizer, isValidIban } from "./iban.js";
import {
  closing,
  groupsOfFour,
  ibanWith,
  mutateDigit,
  opening,
  scanAll,
  validIban,
  values,
} from "./test-helpers/generators.js";

// NL91ABNA0417164300 and DE89370400440532013000 are the textbook examples with valid check digits.
describe("IBAN recognizer", () => {
  it("finds IBANs compact and in groups of four, any case", () => {
    expect(values(ibanRecognizer, "Graag overmaken op NL91ABNA0417164300.")).toEqual(["NL91ABNA0417164300"]);
    expect(values(ibanRecognizer, "IBAN: NL91 ABNA 0417 1643 00 t.n.v. de stichting")).toEqual([
      "NL91 ABNA 0417 1643 00",
    ]);
    expect(values(ibanRecognizer, "rekening nl91abna0417164300")).toEqual(["nl91abna0417164300"]);
    expect(values(ibanRecognizer, "DE89 3704 0044 0532 0130 00")).toEqual(["DE89 3704 0044 0532 0130 00"]);
    expect(values(ibanRecognizer, "NL91 ABNA 0417164300")).toEqual(["NL91 ABNA 0417164300"]);
    expect(values(ibanRecognizer, "NL91 ABNA\n0417 1643 00")).toEqual(["NL91 ABNA\n0417 1643 00"]);
  });

  it("knows the length of every SEPA country", () => {
    expect(IBAN_LENGTHS["NL"]).toBe(18);
    expect(IBAN_LENGTHS["BE"]).toBe(16);
    expect(IBAN_LENGTHS["MT"]).toBe(31);
    expect(IBAN_LENGTHS["NO"]).toBe(15);
    expect(Object.keys(IBAN_LENGTHS).length).toBeGreaterThanOrEqual(36);
    for (const [country, length] of Object.entries(IBAN_LENGTHS)) {
      const iban = ibanWith(country, "1".repeat(length - 4));
      expect(isValidIban(iban), country).toBe(country !== "NL");
    }
  });

  it("stops at the country's length and does not swallow the next word", () => {
    expect(values(ibanRecognizer, "code NL91ABNA0417164300AB")).toEqual([]);
    expect(values(ibanRecognizer, "op NL91 ABNA 0417 1643 00 AB staat")).toEqual(["NL91 ABNA 0417 1643 00"]);
    expect(values(ibanRecognizer, "NL91 ABNA 0417 1643 00 en daarna")).toEqual(["NL91 ABNA 0417 1643 00"]);
  });

  it("never reports a failing checksum, a wrong length or an unknown country", () => {
    expect(scanAll(ibanRecognizer, "NL92ABNA0417164300")).toEqual([]);
    expect(scanAll(ibanRecognizer, "NL91ABNA041716430")).toEqual([]);
    expect(scanAll(ibanRecognizer, "NL91ABNA04171643001")).toEqual([]);
    expect(scanAll(ibanRecognizer, "XX91ABNA0417164300")).toEqual([]);
    expect(scanAll(ibanRecognizer, "artikel AB12CD34EF56GH78IJ, versie 2.4.1, factuur 2024-0012")).toEqual([]);
  });

  it("property: valid IBANs are always found with exact offsets, compact or grouped", () => {
    fc.assert(
      fc.property(opening, validIban, fc.boolean(), fc.boolean(), closing, (open, iban, grouped, lower, close) => {
        const written = (grouped ? groupsOfFour(iban) : iban)[lower ? "toLowerCase" : "toUpperCase"]();
        const text = `${open} IBAN ${written}${close}`;
        const found = scanAll(ibanRecognizer, text);
        expect(found).toHaveLength(1);
        expect(text.slice(found[0]?.start, found[0]?.end)).toBe(written);
        expect(found[0]?.score).toBeGreaterThanOrEqual(0.9);
      }),
    );
  });

  it("property: an IBAN with one wrong digit is never reported", () => {
    fc.assert(
      fc.property(validIban, fc.nat(), fc.nat(), (iban, position, by) => {
        expect(scanAll(ibanRecognizer, `IBAN ${mutateDigit(iban, position, by)}`)).toEqual([]);
      }),
    );
  });
});
