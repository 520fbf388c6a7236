import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  closing,
  mutateDigit,
  opening,
  scanAll,
  validNlVatElevenProof,
  validNlVatMod97,
  values,
} from "./test-helpers/generators.js";
import { isValidBeVatId, isValidDeVatId, isValidNlVatId, vatIdRecognizer } from "./vat-id.js";

// NL123456782B01 passes the old 11-proef; NL000099998B57 is the tax office's mod-97 example.
describe("VAT id recognizer", () => {
  it("validates Dutch btw-ids by either check", () => {
    expect(isValidNlVatId("NL123456782B01")).toBe(true);
    expect(isValidNlVatId("NL000099998B57")).toBe(true);
    expect(isValidNlVatId("NL123456789B01")).toBe(false);
    expect(isValidNlVatId("NL12345678B01")).toBe(false);
  });

  it("finds Dutch btw-ids compact, spaced or dotted", () => {
    expect(values(vatIdRecognizer, "BTW-nummer: NL123456782B01")).toEqual(["NL123456782B01"]);
    expect(values(vatIdRecognizer, "btw NL 1234.56.782.B01 graag vermelden")).toEqual(["NL 1234.56.782.B01"]);
    expect(values(vatIdRecognizer, "NL123456782 B01")).toEqual(["NL123456782 B01"]);
    expect(values(vatIdRecognizer, "vat nl000099998b57.")).toEqual(["nl000099998b57"]);
  });

  it("never reports a Dutch id that fails both checks", () => {
    expect(scanAll(vatIdRecognizer, "BTW-nummer: NL123456789B01")).toEqual([]);
  });

  it("finds Belgian and German VAT numbers with their checks", () => {
    expect(isValidBeVatId("0403170701")).toBe(true);
    expect(isValidDeVatId("136695976")).toBe(true);
    expect(isValidDeVatId("136695977")).toBe(false);
    expect(values(vatIdRecognizer, "TVA BE 0403.170.701")).toEqual(["BE 0403.170.701"]);
    expect(values(vatIdRecognizer, "USt-IdNr. DE136695976")).toEqual(["DE136695976"]);
    expect(scanAll(vatIdRecognizer, "btw BE0403170702")).toEqual([]);
  });

  it("needs a VAT word for a German number, which has a common shape", () => {
    expect(values(vatIdRecognizer, "artikel DE136695976")).toEqual([]);
  });

  it("ignores IBANs and product codes", () => {
    expect(values(vatIdRecognizer, "NL91ABNA0417164300 en DE89370400440532013000")).toEqual([]);
    expect(values(vatIdRecognizer, "model NL123456782B015")).toEqual([]);
  });

  it("property: valid btw-ids of both kinds are always found with exact offsets", () => {
    fc.assert(
      fc.property(
        opening,
        fc.oneof(validNlVatElevenProof, validNlVatMod97),
        fc.boolean(),
        closing,
        (open, id, spaced, close) => {
          expect(isValidNlVatId(id)).toBe(true);
          const written = spaced ? `${id.slice(0, 2)} ${id.slice(2, 11)} ${id.slice(11)}` : id;
          const text = `${open} BTW-nummer ${written}${close}`;
          const found = scanAll(vatIdRecognizer, text);
          expect(found).toHaveLength(1);
          expect(text.slice(found[0]?.start, found[0]?.end)).toBe(written);
        },
      ),
    );
  });

  it("property: btw-ids failing both checks are never reported", () => {
    fc.assert(
      fc.property(fc.oneof(validNlVatElevenProof, validNlVatMod97), fc.nat(), fc.nat(), (id, position, by) => {
        const broken = mutateDigit(id, position, by);
        fc.pre(!isValidNlVatId(broken));
        expect(scanAll(vatIdRecognizer, `BTW ${broken}`)).toEqual([]);
      }),
    );
  });
});
