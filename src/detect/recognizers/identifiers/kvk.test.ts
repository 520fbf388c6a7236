import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kvkRecognizer } from "./kvk.js";
import { closing, opening, scanAll, values } from "./test-helpers/generators.js";

describe("KvK recognizer", () => {
  it("finds eight digits governed by a KvK word", () => {
    expect(values(kvkRecognizer, "KvK 12345678")).toEqual(["12345678"]);
    expect(values(kvkRecognizer, "KvK-nummer: 1234 5678")).toEqual(["1234 5678"]);
    expect(values(kvkRecognizer, "ingeschreven bij de Kamer van Koophandel onder nummer 87654321")).toEqual([
      "87654321",
    ]);
    expect(values(kvkRecognizer, "Chamber of Commerce 87654321.")).toEqual(["87654321"]);
    expect(values(kvkRecognizer, "Handelsregister nr. 12.345.678")).toEqual(["12.345.678"]);
    expect(values(kvkRecognizer, "(KvK nr 12345678)")).toEqual(["12345678"]);
  });

  it("accepts a long KvK phrase that starts far back but ends close by", () => {
    expect(
      values(kvkRecognizer, "ingeschreven bij de Kamer van Koophandel te Amsterdam onder dossiernummer 12345678"),
    ).toEqual(["12345678"]);
    expect(values(kvkRecognizer, `KvK ${"en nog veel meer tekst ".repeat(4)}12345678`)).toEqual([]);
  });

  it("finds a number with the KvK word after it", () => {
    expect(values(kvkRecognizer, "12345678 (KvK)")).toEqual(["12345678"]);
  });

  it("reports nothing without context", () => {
    expect(scanAll(kvkRecognizer, "Bestelling 12345678 is verzonden")).toEqual([]);
    expect(scanAll(kvkRecognizer, "Bel 12345678")).toEqual([]);
  });

  it("lets a KvK word govern only the first number after it", () => {
    expect(values(kvkRecognizer, "KvK 12345678, telefoon 0201 87654321")).toEqual(["12345678"]);
    expect(values(kvkRecognizer, "KvK-nummer volgt, factuur 2024 nummer 87654321")).toEqual([]);
  });

  it("ignores phone numbers, dates, amounts and longer numbers", () => {
    expect(values(kvkRecognizer, "KvK: bel 06-12345678")).toEqual([]);
    expect(values(kvkRecognizer, "KvK 123456789")).toEqual([]);
    expect(values(kvkRecognizer, "KvK-uittreksel van 12.03.2024")).toEqual([]);
    expect(values(kvkRecognizer, "KvK kosten 12.345.678,00")).toEqual([]);
    expect(values(kvkRecognizer, "KvK 000012345678")).toEqual([]);
  });

  it("property: eight digits after a KvK word are always found with exact offsets", () => {
    fc.assert(
      fc.property(
        opening,
        fc.constantFrom("KvK", "KvK-nummer:", "kvk nr.", "Kamer van Koophandel", "Chamber of Commerce no."),
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.boolean(),
        closing,
        (open, word, n, spaced, close) => {
          const digits = String(n).padStart(8, "0");
          const written = spaced ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits;
          const text = `${open} ${word} ${written}${close}`;
          const found = scanAll(kvkRecognizer, text);
          expect(found).toHaveLength(1);
          expect(text.slice(found[0]?.start, found[0]?.end)).toBe(written);
        },
      ),
    );
  });

  it("property: eight digits in a sentence without a KvK word are never reported", () => {
    fc.assert(
      fc.property(opening, fc.integer({ min: 10_000_000, max: 99_999_999 }), closing, (open, n, close) => {
        expect(scanAll(kvkRecognizer, `${open} referentie ${n}${close}`)).toEqual([]);
      }),
    );
  });
});
