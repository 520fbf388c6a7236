import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AhoCorasick } from "./aho-corasick.js";

/** Every (pattern, end) pair found by brute force, for comparison. */
function naive(patterns: string[], text: string): Array<[number, number]> {
  const seen = new Set<string>();
  const found: Array<[number, number]> = [];
  patterns.forEach((p, index) => {
    if (seen.has(p)) return;
    seen.add(p);
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) found.push([index, at + p.length]);
  });
  return found;
}

const sortPairs = (pairs: Array<[number, number]>) => [...pairs].sort((a, b) => a[1] - b[1] || a[0] - b[0]);

describe("AhoCorasick", () => {
  it("finds overlapping and nested patterns in one pass", () => {
    const ac = new AhoCorasick(["he", "she", "his", "hers"]);
    expect(sortPairs(ac.findAll("ushers"))).toEqual([
      [0, 4],
      [1, 4],
      [3, 6],
    ]);
  });

  it("resets on characters outside every pattern", () => {
    const ac = new AhoCorasick(["jan de vries"]);
    expect(ac.findAll("jan de\u0000vries, jan de vries")).toEqual([[0, 26]]);
  });

  it("rejects an empty pattern", () => {
    expect(() => new AhoCorasick(["a", ""])).toThrow(/empty/);
  });

  it("agrees with a brute-force search on any patterns and text", () => {
    const small = fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "é"), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(small, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "é", "x"), maxLength: 60 }),
        (patterns, text) => {
          const expected = sortPairs(naive(patterns, text));
          expect(sortPairs(new AhoCorasick(patterns).findAll(text))).toEqual(expected);
          // With no room for dense rows beyond the root, the sparse path must agree too.
          expect(sortPairs(new AhoCorasick(patterns, 0).findAll(text))).toEqual(expected);
        },
      ),
    );
  });
});
