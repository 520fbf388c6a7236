import fc from "fast-check";
import metadata from "libphonenumber-js/metadata.min.json";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { describe, expect, it } from "vitest";
import { detect } from "../../analyzer.js";
import { DUTCH_NATIONAL_PATTERN, findPhones, nationalFormatVerdict } from "./phone.js";

function phones(text: string, minScore = 0.5): string[] {
  return findPhones(text, text.toLowerCase())
    .filter((c) => c.score >= minScore)
    .map((c) => text.slice(c.start, c.end));
}

describe("phone recognizer", () => {
  it.each([
    "(020) 123 4567",
    "020-1234567",
    "+31 (0)6 1234 5678",
    "06-12345678",
    "06 12 34 56 78",
    "0612345678",
    "+31612345678",
    "0031 6 12345678",
    "0341-465632",
    "(0341) 465632",
    "+31 20 123 45 67",
    "020 - 123 45 67",
    "0800-1234567",
    "0900-1234",
    "0909-1234",
    "088-1234567",
    "088-1234",
    "085 123 4567",
  ])("finds the Dutch number %s", (number) => {
    expect(phones(`Bel ons op ${number}, graag.`)).toEqual([number]);
  });

  it.each(["+32 485 53 54 23", "+49 30 1234567", "+44 20 7946 0958", "+1 415 555 2671", "+33 6 12 34 56 78"])(
    "finds the international number %s",
    (number) => {
      expect(phones(`Contact: ${number}.`)).toEqual([number]);
    },
  );

  it("reports exact offsets and keeps surrounding brackets and punctuation out", () => {
    const text = "Klacht van mevrouw Jansen (020-1234567) over de levering.";
    const [c] = findPhones(text, text.toLowerCase());
    expect(c).toMatchObject({ type: "PHONE", start: 27, end: 38, recognizer: "phone" });
  });

  it("cuts a run-on number at the last group that makes it valid", () => {
    expect(phones("bel 020 1234567 2 keer")).toEqual(["020 1234567"]);
  });

  it("raises the score with phone context and lowers it with order or account context", () => {
    const withContext = findPhones("telefoon 0612345678", "telefoon 0612345678")[0];
    const plain = findPhones("zie 0612345678", "zie 0612345678")[0];
    expect(withContext?.score).toBeGreaterThan(plain?.score ?? 1);
    expect(phones("Factuurnummer 0612345678")).toEqual([]);
    expect(phones("ordernummer 0201234567")).toEqual([]);
  });

  it.each([
    "geboren 08-02-1968",
    "om 09.30-10.00 uur",
    "bedrag € 0,50",
    "postcode 1234 AB",
    "NL91 ABNA 0417 1643 00",
    "kaart 4532 0151 1283 0366",
    "versie 0.12.3456",
    "factuur 852575056",
    "KvK 01234567",
    "totaal 0.123.456",
    "06-123",
  ])("ignores %s", (text) => {
    expect(phones(text)).toEqual([]);
  });
});

describe("phone context", () => {
  it("does not let a reference word on the previous chat line discount a number", () => {
    const chat = "[09:14] Sanne: ze belde over haar factuur\n[09:15] Ruud: 06-41 22 83 97, staat in het CRM";
    expect(detect(chat, { types: ["PHONE"] }).map((e) => chat.slice(e.start, e.end))).toEqual(["06-41 22 83 97"]);
  });

  it("still discounts a number right after a reference word on its own line", () => {
    expect(detect("factuurnummer 0612345678", { types: ["PHONE"] })).toEqual([]);
  });
});

describe("national-format pre-check", () => {
  it("uses libphonenumber's own Dutch national-number pattern", () => {
    const nl = metadata.countries.NL as unknown as unknown[];
    expect(nl[2]).toBe(DUTCH_NATIONAL_PATTERN);
  });

  it("gives libphonenumber's verdict on national-format numbers", () => {
    const separator = fc.constantFrom("", "", "", " ", ".", "-", "/", " - ", " / ");
    const national = fc
      .tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.tuple(separator, fc.integer({ min: 0, max: 9 })), { minLength: 4, maxLength: 13 }),
      )
      .map(([first, rest]) => `0${first}${rest.map(([s, d]) => `${s}${d}`).join("")}`);
    fc.assert(
      fc.property(national, (raw) => {
        expect(nationalFormatVerdict(raw)).toBe(parsePhoneNumberFromString(raw, "NL")?.isValid() === true);
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves other shapes to libphonenumber", () => {
    for (const raw of ["+31201234567", "0031201234567", "(020) 1234567", "0 20 1234567", "00201234567"]) {
      expect(nationalFormatVerdict(raw)).toBeNull();
    }
  });

  it("still finds valid 8-digit service numbers and rejects other 8-digit runs", () => {
    expect(phones("bel 09001234 of 08001234")).toEqual(["09001234", "08001234"]);
    expect(phones("bel 01234567")).toEqual([]);
  });
});
