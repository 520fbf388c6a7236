import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_RUN, tokenRuns } from "./token-runs.js";

/** The runs by definition: maximal stretches of key characters, MIN_RUN or longer. */
function reference(text: string): number[] {
  return [...text.matchAll(/[A-Za-z0-9_\-.+/=~:%]+/g)]
    .filter((m) => m[0].length >= MIN_RUN)
    .flatMap((m) => [m.index, m.index + m[0].length]);
}

describe("tokenRuns", () => {
  it("finds the long runs of key characters", () => {
    const text = "key: sk-proj-abcdefghijklmnop1234 and https://example.com/path?x=1 ok";
    expect(tokenRuns(text)).toEqual(reference(text));
    expect(tokenRuns("")).toEqual([]);
    expect(tokenRuns("a".repeat(MIN_RUN))).toEqual([0, MIN_RUN]);
    expect(tokenRuns("a".repeat(MIN_RUN - 1))).toEqual([]);
  });

  it("property: the same runs as the definition, whatever the spaces, line breaks and other characters", () => {
    const piece = fc.constantFrom(
      "a",
      "Z",
      "9",
      "-",
      ".",
      "=",
      "%",
      " ",
      "\n",
      "\t",
      "\r",
      "@",
      "é",
      "abcdefghij",
      "sk-",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const text = parts.join("");
        expect(tokenRuns(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
