import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeNameParts, resolveOverlaps, SPECIFICITY } from "./resolve.js";
import { type Candidate, ENTITY_TYPES, type EntityType } from "./types.js";

function c(type: EntityType, start: number, end: number, score: number, recognizer = "test"): Candidate {
  return { type, start, end, score, recognizer };
}

describe("resolveOverlaps", () => {
  it("keeps the higher score of two overlapping candidates", () => {
    expect(resolveOverlaps([c("PHONE", 0, 10, 0.6), c("BSN", 2, 11, 0.9)])).toEqual([c("BSN", 2, 11, 0.9)]);
  });

  it("at equal score prefers the more specific type", () => {
    expect(resolveOverlaps([c("PHONE", 0, 18, 0.8), c("IBAN", 0, 18, 0.8)])).toEqual([c("IBAN", 0, 18, 0.8)]);
    expect(resolveOverlaps([c("PERSON", 0, 5, 0.7), c("ORGANIZATION", 3, 9, 0.7)])).toEqual([
      c("ORGANIZATION", 3, 9, 0.7),
    ]);
  });

  it("at equal score and type prefers the longer span", () => {
    expect(resolveOverlaps([c("ADDRESS", 0, 8, 0.8), c("ADDRESS", 0, 14, 0.8)])).toEqual([c("ADDRESS", 0, 14, 0.8)]);
  });

  it("keeps touching, non-overlapping spans and returns them in text order", () => {
    const out = resolveOverlaps([c("POSTCODE", 10, 17, 0.9), c("ADDRESS", 0, 10, 0.8), c("EMAIL", 20, 30, 0.95)]);
    expect(out.map((e) => e.start)).toEqual([0, 10, 20]);
  });

  it("does not change its input", () => {
    const input = [c("PHONE", 0, 10, 0.6), c("BSN", 2, 11, 0.9)];
    const copy = structuredClone(input);
    resolveOverlaps(input);
    expect(input).toEqual(copy);
  });
});

describe("mergeNameParts", () => {
  const text = "Jan de Vries, Piet-Hein en Els";

  it("merges name parts that touch across a space or a hyphen, keeping the best score", () => {
    const merged = mergeNameParts([c("PERSON", 0, 3, 0.6, "first"), c("PERSON", 4, 12, 0.8, "surname")], text);
    expect(merged).toEqual([c("PERSON", 0, 12, 0.8, "surname")]);
    const hyphen = mergeNameParts([c("PERSON", 14, 18, 0.7), c("PERSON", 19, 23, 0.7)], text);
    expect(hyphen).toEqual([c("PERSON", 14, 23, 0.7)]);
  });

  it("does not merge across a comma or a word", () => {
    const parts = [c("PERSON", 0, 12, 0.8), c("PERSON", 14, 23, 0.8), c("PERSON", 27, 30, 0.8)];
    expect(mergeNameParts(parts, text)).toHaveLength(3);
  });

  it("leaves other types alone", () => {
    const parts = [c("PERSON", 0, 3, 0.6), c("EMAIL", 4, 12, 0.9), c("PERSON", 27, 30, 0.8)];
    const merged = mergeNameParts(parts, text);
    expect(merged).toHaveLength(3);
    for (const p of parts) expect(merged).toContainEqual(p);
  });
});

const candidate = fc
  .record({
    type: fc.constantFrom(...ENTITY_TYPES),
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 1, max: 15 }),
    score: fc.constantFrom(0.5, 0.7, 0.85, 0.95),
    recognizer: fc.constantFrom("a", "b", "c"),
  })
  .map(({ type, start, length, score, recognizer }) => c(type, start, start + length, score, recognizer));

describe("resolution is deterministic (property)", () => {
  it("gives the same result whatever the order of the candidates", () => {
    fc.assert(
      fc.property(
        fc
          .array(candidate, { maxLength: 25 })
          .chain((list) =>
            fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
          ),
        ([list, shuffled]) => {
          const text = "x".repeat(80);
          const once = resolveOverlaps(
            mergeNameParts(
              list.map((x) => ({ ...x })),
              text,
            ),
          );
          const again = resolveOverlaps(
            mergeNameParts(
              shuffled.map((x) => ({ ...x })),
              text,
            ),
          );
          expect(again).toEqual(once);
        },
      ),
    );
  });

  it("returns sorted, non-overlapping candidates taken from the input", () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 25 }), (list) => {
        const out = resolveOverlaps(list);
        for (let i = 1; i < out.length; i++)
          expect((out[i] as Candidate).start).toBeGreaterThanOrEqual((out[i - 1] as Candidate).end);
        for (const e of out) expect(list).toContainEqual(e);
        // Nothing is dropped without a reason: every input overlaps something kept.
        for (const x of list) expect(out.some((e) => e.start < x.end && x.start < e.end)).toBe(true);
      }),
    );
  });
});

describe("resolveOverlaps by clusters", () => {
  /** The ranking over all candidates at once, as resolveOverlaps did before it cut them into clusters. */
  function reference(candidates: Candidate[]): Candidate[] {
    const rank = SPECIFICITY;
    const ranked = [...candidates].sort(
      (a, b) =>
        b.score - a.score ||
        rank[b.type] - rank[a.type] ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start ||
        (a.recognizer < b.recognizer ? -1 : a.recognizer > b.recognizer ? 1 : 0),
    );
    const accepted: Candidate[] = [];
    for (const x of ranked) {
      if (accepted.some((a) => a.start < x.end && x.start < a.end)) continue;
      accepted.push(x);
    }
    return accepted.sort((a, b) => a.start - b.start);
  }

  it("property: the same entities as ranking all candidates at once", () => {
    const candidate = fc
      .tuple(
        fc.constantFrom(...ENTITY_TYPES),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(0.5, 0.7, 0.85, 0.9, 0.95),
        fc.constantFrom("a", "b"),
      )
      .map(([type, start, length, score, recognizer]) => c(type, start, start + length, score, recognizer));
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), (candidates) => {
        expect(resolveOverlaps(candidates)).toEqual(reference(candidates));
      }),
      { numRuns: 3000 },
    );
  });
});
