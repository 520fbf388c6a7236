import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idDocumentRecognizer } from "./id-document.js";
import { closing, opening, scan, scanAll, values } from "./test-helpers/generators.js";

describe("ID document recognizer", () => {
  it("finds passport and identity card numbers next to a document word", () => {
    expect(values(idDocumentRecognizer, "paspoort XN4F7K2L3")).toEqual(["XN4F7K2L3"]);
    expect(values(idDocumentRecognizer, "ID-kaart: BR12KL345")).toEqual(["BR12KL345"]);
    expect(values(idDocumentRecognizer, "Documentnummer SPECI2014")).toEqual(["SPECI2014"]);
    expect(values(idDocumentRecognizer, "legitimatie gezien (identiteitskaart NW7R3PX81)")).toEqual(["NW7R3PX81"]);
    expect(values(idDocumentRecognizer, "ID: HKBDMRTZ5")).toEqual(["HKBDMRTZ5"]);
    expect(values(idDocumentRecognizer, "passport number XR1234567")).toEqual(["XR1234567"]);
  });

  it("scores a mixed letter-and-digit number higher", () => {
    const [mixed] = scan(idDocumentRecognizer, "paspoort XN4F7K2L3");
    const [plain] = scan(idDocumentRecognizer, "paspoort HKBDMRTZ5");
    expect(mixed?.score).toBeGreaterThan(plain?.score ?? 1);
  });

  it("reports nothing without a document word", () => {
    expect(scanAll(idDocumentRecognizer, "Artikel XN4F7K2L3 is op voorraad")).toEqual([]);
    expect(scanAll(idDocumentRecognizer, "Klant-ID XN4F7K2L3")).toEqual([]);
    expect(scanAll(idDocumentRecognizer, "Order ID: XN4F7K2L3")).toEqual([]);
    expect(scanAll(idDocumentRecognizer, "customer id XN4F7K2L3")).toEqual([]);
  });

  it("rejects the letter O, a final letter, wrong lengths and lower case", () => {
    expect(scanAll(idDocumentRecognizer, "paspoort ON4F7K2L3")).toEqual([]);
    expect(scanAll(idDocumentRecognizer, "paspoort XN4F7K2LA")).toEqual([]);
    expect(scanAll(idDocumentRecognizer, "paspoort XN4F7K2L")).toEqual([]);
    expect(scanAll(idDocumentRecognizer, "paspoort XN4F7K2L34")).toEqual([]);
    expect(scanAll(idDocumentRecognizer, "paspoort 1N4F7K2L3")).toEqual([]);
    expect(scanAll(idDocumentRecognizer, "paspoort xn4f7k2l3")).toEqual([]);
  });

  it("finds a driving licence number only next to rijbewijs", () => {
    expect(values(idDocumentRecognizer, "Rijbewijsnummer 5123456789")).toEqual(["5123456789"]);
    expect(scanAll(idDocumentRecognizer, "klantnummer 5123456789")).toEqual([]);
    expect(scanAll(idDocumentRecognizer, "rijbewijs kwijt, bel 0612345678")).toEqual([]);
  });

  const documentLetter = fc.constantFrom(..."ABCDEFGHIJKLMNPQRSTUVWXYZ");
  const documentChar = fc.constantFrom(..."ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789");
  const documentNumber = fc
    .tuple(
      fc.array(documentLetter, { minLength: 2, maxLength: 2 }),
      fc.array(documentChar, { minLength: 6, maxLength: 6 }),
      fc.integer({ min: 0, max: 9 }),
    )
    .map(([head, middle, last]) => `${head.join("")}${middle.join("")}${last}`);

  it("property: a document number after a document word is always found with exact offsets", () => {
    fc.assert(
      fc.property(
        opening,
        fc.constantFrom("paspoort", "Paspoortnummer:", "ID-kaart", "identiteitskaart nr.", "documentnummer"),
        documentNumber,
        closing,
        (open, word, number, close) => {
          const text = `${open} ${word} ${number}${close}`;
          const found = scan(idDocumentRecognizer, text);
          expect(found).toHaveLength(1);
          expect(text.slice(found[0]?.start, found[0]?.end)).toBe(number);
        },
      ),
    );
  });

  it("property: a document number without a document word is never reported", () => {
    fc.assert(
      fc.property(opening, documentNumber, closing, (open, number, close) => {
        expect(scanAll(idDocumentRecognizer, `${open} code ${number}${close}`)).toEqual([]);
      }),
    );
  });
});
