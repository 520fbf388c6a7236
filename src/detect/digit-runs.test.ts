import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digitRuns, StickyScan, stickyOf } from "./digit-runs.js";

/** The runs by definition. */
function reference(text: string): number[] {
  return [...text.matchAll(/[0-9]+/g)].flatMap((m) => [m.index, m.index + m[0].length]);
}

describe("digitRuns", () => {
  it("finds the maximal runs of ASCII digits", () => {
    expect(digitRuns("BSN 123456782, tel. 06-12345678")).toEqual([4, 13, 20, 22, 23, 31]);
    expect(digitRuns("")).toEqual([]);
    expect(digitRuns("42")).toEqual([0, 2]);
    // Full-width digits are made plain by normalize(); here they are not digits.
    expect(digitRuns("１２")).toEqual([]);
  });

  it("property: the same runs as the definition", () => {
    const piece = fc.constantFrom("0", "5", "9", "12", "a", " ", "-", "\n", "١", "é");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join("");
        expect(digitRuns(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("StickyScan", () => {
  it("skips positions inside a match and positions already tried", () => {
    const scan = new StickyScan(stickyOf(/\d{3}/g), "123456 789");
    expect(scan.at(0)?.[0]).toBe("123");
    expect(scan.at(1)).toBeNull();
    expect(scan.at(3)?.[0]).toBe("456");
    expect(scan.at(7)?.[0]).toBe("789");
    expect(scan.at(7)).toBeNull();
  });
});
