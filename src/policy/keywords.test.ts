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

  it("stays linear on texts built to make the term search backtrack", () => {
    // The bare term alternation is searched without the patterns' look-behind; recheck's fuzzer
    // flags it (polynomial, with this attack string), so time it here instead: at most a term's
    // length of work per position.
    const time = (text: string) => {
      const start = performance.now();
      findKeywords(text);
      return performance.now() - start;
    };
    for (const unit of ["epr", "sick ", `sick${" ".repeat(200)}`, "verklaring omtrent het "]) {
      const small = time(unit.repeat(Math.ceil(20_000 / unit.length)));
      const large = time(unit.repeat(Math.ceil(200_000 / unit.length)));
      // Ten times the text: about ten times the time (generous for a shared machine), never a hundred.
      expect(large).toBeLessThan(Math.max(small, 1) * 40);
    }
  });
});
