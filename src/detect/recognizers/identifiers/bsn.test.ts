import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bsnRecognizer } from "./bsn.js";
import { closing, mutateDigit, opening, scan, scanAll, validBsn, values } from "./test-helpers/generators.js";

// 111222333 and 123456782 pass the 11-proef; 123456789 does not.
describe("BSN recognizer", () => {
  it("finds a BSN after a BSN word, compact and grouped", () => {
    expect(values(bsnRecognizer, "BSN: 123456782")).toEqual(["123456782"]);
    expect(values(bsnRecognizer, "Burgerservicenummer 1234.56.782 volgens het paspoort")).toEqual(["1234.56.782"]);
    expect(values(bsnRecognizer, "sofinummer 123 456 782.")).toEqual(["123 456 782"]);
    expect(values(bsnRecognizer, "sofi-nummer: 123-456-782")).toEqual(["123-456-782"]);
    expect(values(bsnRecognizer, "bsn 1234 56 782")).toEqual(["1234 56 782"]);
    expect(values(bsnRecognizer, "citizen service number 111222333")).toEqual(["111222333"]);
    expect(values(bsnRecognizer, "sofinr. 111222333")).toEqual(["111222333"]);
  });

  it("scores a BSN word higher than a bare number", () => {
    const [withWord] = scan(bsnRecognizer, "BSN 111222333");
    const [bare] = scan(bsnRecognizer, "Zie 111222333 hieronder");
    expect(withWord?.score).toBeGreaterThan(bare?.score ?? 1);
    expect(bare?.score).toBeGreaterThanOrEqual(0.5);
  });

  it("finds a BSN named after the number", () => {
    expect(values(bsnRecognizer, "nummer 111222333 (BSN) graag controleren")).toEqual(["111222333"]);
  });

  it("never reports a number that fails the 11-proef", () => {
    expect(scanAll(bsnRecognizer, "BSN 123456789")).toEqual([]);
    expect(scanAll(bsnRecognizer, "burgerservicenummer 1234.56.789")).toEqual([]);
  });

  it("keeps invoice, order and account numbers below the threshold", () => {
    expect(values(bsnRecognizer, "Factuurnummer 111222333 is betaald")).toEqual([]);
    expect(values(bsnRecognizer, "Uw ordernummer: 123456782")).toEqual([]);
    expect(values(bsnRecognizer, "oud rekeningnummer 123456782")).toEqual([]);
  });

  it("pads an eight-digit BSN only when a BSN word says so", () => {
    // 012345672 passes the 11-proef; written without its leading zero.
    expect(values(bsnRecognizer, "BSN 12345672")).toEqual(["12345672"]);
    expect(scanAll(bsnRecognizer, "klant 12345672")).toEqual([]);
  });

  it("ignores amounts, phone numbers, dates and parts of longer numbers", () => {
    expect(values(bsnRecognizer, "Totaal € 123.456.782 excl. btw")).toEqual([]);
    expect(values(bsnRecognizer, "Bel +31 111 222 333")).toEqual([]);
    expect(values(bsnRecognizer, "bedrag 123.456.782,00")).toEqual([]);
    expect(values(bsnRecognizer, "code 1234567823 of 0123456782")).toEqual([]);
    expect(values(bsnRecognizer, "versie 1.111.222.333")).toEqual([]);
    expect(values(bsnRecognizer, "NL111222333B01")).toEqual([]);
    expect(values(bsnRecognizer, "op 12-03-2024 om 10:15")).toEqual([]);
    expect(values(bsnRecognizer, "Aantal: 123 456 782 stuks, omzet 111 222 333 euro.")).toEqual([]);
  });

  it("finds a BSN written with non-breaking spaces or a line break inside", () => {
    expect(values(bsnRecognizer, "BSN 123\u00a0456\u00a0782")).toEqual(["123\u00a0456\u00a0782"]);
    expect(values(bsnRecognizer, "BSN 123 456\n782")).toEqual(["123 456\n782"]);
  });

  it("property: a valid BSN after a BSN word is always found with exact offsets", () => {
    fc.assert(
      fc.property(
        opening,
        fc.constantFrom("BSN", "BSN:", "burgerservicenummer", "Sofinummer"),
        validBsn,
        fc.constantFrom("compact", "dots", "spaces"),
        closing,
        (open, word, bsn, style, close) => {
          const written =
            style === "dots"
              ? `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`
              : style === "spaces"
                ? `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`
                : bsn;
          const text = `${open} ${word} ${written}${close}`;
          const found = scan(bsnRecognizer, text);
          expect(found).toHaveLength(1);
          expect(text.slice(found[0]?.start, found[0]?.end)).toBe(written);
        },
      ),
    );
  });

  it("property: a number failing the 11-proef is never reported", () => {
    fc.assert(
      fc.property(validBsn, fc.nat(), fc.nat(), opening, (bsn, position, by, open) => {
        const broken = mutateDigit(bsn, position, by);
        expect(scanAll(bsnRecognizer, `${open} BSN ${broken}`)).toEqual([]);
      }),
    );
  });
});
