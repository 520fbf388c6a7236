import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPlaceholders, matchPlaceholderAt, mayStartPlaceholder, NEED_MORE } from "./placeholder-matcher.js";

/** The scan without skipping: every position tried. */
function everyPosition(text: string) {
  const found = [];
  for (let i = 0; i < text.length; i++) {
    if (!mayStartPlaceholder(text, i)) continue;
    const m = matchPlaceholderAt(text, i, true);
    if (m === null || m === NEED_MORE) continue;
    found.push(m);
    i = m.end - 1;
  }
  return found;
}

const pieces = fc.constantFrom(
  "[PERSOON_1]",
  "%5BEMAIL_12%5D",
  "[ TELEFOON 3 ]",
  "PERSON_2",
  "ORGANISATIE_",
  "IBAN-4",
  "[GEHEIM7]",
  "1234567",
  " ",
  "_",
  "[",
  "%5B",
  "Beste Jan de Vries, ",
  "a",
  "9",
  "x".repeat(40),
);

describe("findPlaceholders", () => {
  it("finds what a scan of every position finds (property)", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.string({ maxLength: 30 }), (parts, noise) => {
        const text = parts.join("") + noise;
        expect(findPlaceholders(text)).toEqual(everyPosition(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds a placeholder far from any other digit, and none in text without digits", () => {
    const prose = "Goedemiddag, wil je een nette brief opstellen voor onze klant? ".repeat(20);
    expect(findPlaceholders(`${prose}[PERSOON_1]${prose}%5BORGANISATIE_22%5D`)).toMatchObject([
      { label: "PERSOON", digits: "1" },
      { label: "ORGANISATIE", digits: "22" },
    ]);
    expect(findPlaceholders(`${prose}[PERSOON_]`)).toEqual([]);
  });
});
