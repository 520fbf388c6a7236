import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LiteralScanner } from "./literal-scan.js";
import { MIN_RUN, tokenRuns } from "./token-runs.js";

describe("LiteralScanner", () => {
  const scanner = new LiteralScanner(["sk-", "sk-ant-", "ghp_", "AIza"]);

  it("finds literals, longest first, and only at token starts when asked", () => {
    const text = "x sk-ant-1 mask-2 ghp_3";
    expect(scanner.next(text, 0, true)).toBe(2);
    expect(scanner.literalAt(text, 2)).toBe("sk-ant-");
    expect(scanner.next(text, 3, true)).toBe(18);
    expect(scanner.next(text, 3, false)).toBe(13);
    expect(scanner.next(text, 0, true, 2)).toBe(-1);
  });

  it("agrees with indexOf on every generated text (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("sk-", "ghp_", "AIza", "s", "k", "-", " ", "a", "é"), { maxLength: 40 }),
        (parts) => {
          const text = parts.join("");
          const expected = ["sk-", "ghp_", "AIza"].map((l) => text.indexOf(l)).filter((i) => i >= 0);
          expect(scanner.next(text, 0, false)).toBe(expected.length > 0 ? Math.min(...expected) : -1);
        },
      ),
    );
  });

  it("refuses literals it cannot index", () => {
    expect(() => new LiteralScanner(["x"])).toThrow();
    expect(() => new LiteralScanner(["éé"])).toThrow();
  });
});

describe("tokenRuns", () => {
  it("returns the long runs of key characters as start, end pairs", () => {
    const key = "a".repeat(MIN_RUN);
    const text = `kort ${key} en "${key}=x"`;
    expect(tokenRuns(text)).toEqual([5, 5 + MIN_RUN, 5 + MIN_RUN + 5, 5 + MIN_RUN + 5 + MIN_RUN + 2]);
    expect(tokenRuns("alleen korte woorden hier")).toEqual([]);
  });
});
