import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findKeywords, KEYWORD_PATTERNS, KEYWORD_SETS } from "./keywords.js";

/** The plain scan findKeywords must equal: every category's pattern over the whole text. */
function scanEveryCategory(folded: string) {
  const hits = [];
  for (const set of KEYWORD_SETS) {
    const pattern = new RegExp((KEYWORD_PATTERNS.get(set.category) as RegExp).source, "gu");
    for (const match of folded.matchAll(pattern)) {
      hits.push({
        category: set.category,
        dataClass: set.dataClass,
        term: match[0].replace(/\s+/g, " "),
        start: match.index,
        end: match.index + match[0].length,
      });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

const TERMS = KEYWORD_SETS.flatMap((set) => [...set.prefix, ...set.word]);

describe("findKeywords", () => {
  it("finds terms of several categories, in text order", () => {
    const hits = findKeywords("haar salaris en de diagnose van de huisarts, geen vogel maar een vog");
    expect(hits.map((hit) => [hit.category, hit.term])).toEqual([
      ["salary", "salaris"],
      ["health", "diagnos"],
      ["health", "huisarts"],
      ["criminal", "vog"],
    ]);
  });

  it("finds nothing in text without keywords", () => {
    expect(findKeywords("graag een offerte voor het onderhoud van drie ovens")).toEqual([]);
  });

  it("equals a scan of every category over the whole text (the first-hit search skips nothing)", () => {
    const piece = fc.oneof(
      fc.constantFrom(...TERMS),
      fc.constantFrom(" ", "\n", "-", "x", "a", "1", "é", "ziek", "dnax", "vogel", "  "),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(findKeywords(text)).toEqual(scanEveryCategory(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("answers texts built to make the term search backtrack, as the full scan does", () => {
    // The bare term alternation is searched without the patterns' look-behind, and recheck's fuzzer
    // flags it as polynomial. It is not: every alternative is a literal, with `\s+` only between
    // words, so a start position costs at most one term plus the whitespace run after it. These
    // are the fuzzer's attack shapes at 200 000 characters; a blow-up would hit the test timeout.
    for (const unit of ["epr", "sick ", `sick${" ".repeat(200)}`, "verklaring omtrent het "]) {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      expect(findKeywords(text)).toEqual(scanEveryCategory(text));
    }
  });
});
