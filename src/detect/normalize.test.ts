import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Detector } from "./analyzer.js";
import { foldChar, foldText, normalize, toOriginalSpan } from "./normalize.js";
import type { Candidate, Recognizer, ScanInput } from "./types.js";

describe("normalize", () => {
  it("leaves plain ASCII alone, without an offset map", () => {
    const norm = normalize("Bel 06 12345678 of mail Jan.");
    expect(norm.text).toBe("Bel 06 12345678 of mail Jan.");
    expect(norm.folded).toBe("bel 06 12345678 of mail jan.");
    expect(norm.map).toBeNull();
  });

  it("turns unusual spaces into plain spaces", () => {
    expect(normalize("06\u00a012\u202f34\u2009567").text).toBe("06 12 34 567");
  });

  it("removes zero-width characters and maps offsets past them", () => {
    const original = "BSN\u200b 1112\u200d22333";
    const norm = normalize(original);
    expect(norm.text).toBe("BSN 111222333");
    const start = norm.text.indexOf("111");
    const [s, e] = toOriginalSpan(norm, start, norm.text.length);
    expect(original.slice(s, e)).toBe("1112\u200d22333");
  });

  it("makes full-width digits and letters ASCII", () => {
    expect(normalize("ＮＬ９１ＡＢＮＡ０４１７１６４３００").text).toBe("NL91ABNA0417164300");
  });

  it("makes typographic dashes plain", () => {
    expect(normalize("06\u201312345678 \u2212 AB\u2014CD").text).toBe("06-12345678 - AB-CD");
  });

  it("reads a line break inside a number as a space, also CRLF", () => {
    expect(normalize("NL91 ABNA\n0417 1643\r\n00").text).toBe("NL91 ABNA\n0417 1643 00");
    const original = "tel 0612\r\n345678";
    const norm = normalize(original);
    expect(norm.text).toBe("tel 0612 345678");
    const [s, e] = toOriginalSpan(norm, 4, norm.text.length);
    expect(original.slice(s, e)).toBe("0612\r\n345678");
  });

  it("treats a lone carriage return between digits like any other line break", () => {
    expect(normalize("0612\r345678").text).toBe("0612 345678");
    expect(normalize("café 0612\r345678").text).toBe("café 0612 345678");
  });

  it("keeps accented text as it is, without an offset map, and folds it", () => {
    const norm = normalize("Café – Zoë");
    expect(norm.text).toBe("Café - Zoë");
    expect(norm.folded).toBe("cafe - zoe");
    expect(norm.map).toBeNull();
  });

  it("folds case and accents one character for one character", () => {
    const norm = normalize("Zoë Ünal-Çelik ÅSE ß");
    expect(norm.folded).toBe("zoe unal-celik ase s");
    expect(norm.folded.length).toBe(norm.text.length);
  });
});

/** A test recognizer: every run of non-space characters and every spaced digit group (not PERSON, which merges). */
const tokens: Recognizer = {
  name: "tokens",
  types: ["ORGANIZATION", "PHONE"],
  scan(input: ScanInput): Candidate[] {
    const out: Candidate[] = [];
    for (const m of input.text.matchAll(/\d+(?: \d+)+/g)) {
      out.push({ type: "PHONE", start: m.index, end: m.index + m[0].length, score: 0.9, recognizer: "tokens" });
    }
    for (const m of input.text.matchAll(/\S+/g)) {
      out.push({ type: "ORGANIZATION", start: m.index, end: m.index + m[0].length, score: 0.6, recognizer: "tokens" });
    }
    return out;
  },
};

const messyChar = fc.constantFrom(
  "1",
  "7",
  "a",
  "É",
  " ",
  "\n",
  "\r\n",
  "\u00a0",
  "\u200b",
  "\ufeff",
  "\u2013",
  "\uff11",
  "\uff21",
  "-",
  ".",
);

describe("offsets map back to the original (property)", () => {
  it("every entity's original slice normalises to the matched text", () => {
    const detector = new Detector({ recognizers: [tokens] });
    fc.assert(
      fc.property(fc.array(messyChar, { maxLength: 40 }), (chars) => {
        const original = chars.join("");
        const norm = normalize(original);
        const matched = tokens.scan({ text: norm.text, folded: norm.folded });
        for (const entity of detector.detect(original)) {
          const slice = original.slice(entity.start, entity.end);
          const same = matched.find(
            (c) => toOriginalSpan(norm, c.start, c.end).join() === `${entity.start},${entity.end}`,
          );
          expect(same).toBeDefined();
          expect(normalize(slice).text).toBe(norm.text.slice(same?.start, same?.end));
        }
      }),
    );
  });

  it("folding keeps the length", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 30 }), (s) => {
        expect(foldText(s).length).toBe(s.length);
      }),
    );
  });
});

describe("normalize: plain ASCII", () => {
  it("property: only a line break between two digits changes, into one space", () => {
    const ascii = fc.string({ unit: fc.constantFrom("1", "2", "a", "B", " ", "\n", "\r", "-", "."), maxLength: 40 });
    fc.assert(
      fc.property(ascii, (text) => {
        const norm = normalize(text);
        expect(norm.text).toBe(text.replace(/(\d)(?:\r\n?|\n)(?=\d)/g, "$1 "));
        expect(norm.folded).toBe(norm.text.toLowerCase());
        if (norm.text === text) expect(norm.map).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});

describe("folding: the fast paths fold as every character on its own does (property)", () => {
  // ASCII control characters, ASCII, accented and other non-ASCII letters, the characters
  // `normalize` rewrites, and characters whose lower case is longer (`İ`).
  const unit = fc.oneof(
    fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(
      "\u000b",
      "\u0000",
      "\u001f",
      "\u007f",
      "\u0080",
      "\u009f",
      "É",
      "ë",
      "ß",
      "İ",
      "Ω",
      "€",
      "\u00a0",
      "\u200b",
    ),
    fc.integer({ min: 0x80, max: 0xffff }).map((c) => String.fromCharCode(c)),
  );
  it("foldText and normalize's folded text", () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        const byChar = [...text].map((ch) => (ch.length === 1 ? foldChar(ch) : ch)).join("");
        const folded = foldText(text);
        // Surrogate pairs fold as two code units; compare them only when there are none.
        if (byChar.length === text.length && !/[\ud800-\udfff]/.test(text)) expect(folded).toBe(byChar);
        expect(folded.length).toBe(text.length);
        const norm = normalize(text);
        expect(norm.folded).toBe(foldText(norm.text));
      }),
      { numRuns: 3000 },
    );
  });
});
