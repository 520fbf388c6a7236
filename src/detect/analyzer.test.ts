import { describe, expect, it } from "vitest";
import { DEFAULT_MIN_SCORE, Detector, detect } from "./analyzer.js";
import { defaultRecognizers } from "./recognizers/index.js";
import type { Candidate, EntityType, Recognizer, ScanInput } from "./types.js";

/** A recognizer that reports fixed spans of the normalised text, and counts its calls. */
function fixed(name: string, type: EntityType, spans: Array<[string, number]>): Recognizer & { calls: number } {
  return {
    name,
    types: [type],
    calls: 0,
    scan(input: ScanInput): Candidate[] {
      this.calls++;
      return spans.flatMap(([needle, score]) => {
        const start = input.text.indexOf(needle);
        return start < 0 ? [] : [{ type, start, end: start + needle.length, score, recognizer: name }];
      });
    },
  };
}

describe("Detector", () => {
  const text = "Mail a@b.nl of bel 0612345678.";

  it("filters by type and skips recognizers that cannot produce a wanted type", () => {
    const email = fixed("email", "EMAIL", [["a@b.nl", 0.9]]);
    const phone = fixed("phone", "PHONE", [["0612345678", 0.9]]);
    const detector = new Detector({ recognizers: [email, phone] });
    expect(detector.detect(text, { types: ["PHONE"] }).map((e) => e.type)).toEqual(["PHONE"]);
    expect(email.calls).toBe(0);
    expect(detector.detect(text).map((e) => e.type)).toEqual(["EMAIL", "PHONE"]);
  });

  it("drops candidates below the minimum score (default 0.5)", () => {
    const weak = fixed("weak", "PERSON", [
      ["Mail", 0.4],
      ["bel", 0.55],
    ]);
    const detector = new Detector({ recognizers: [weak] });
    expect(DEFAULT_MIN_SCORE).toBe(0.5);
    expect(detector.detect(text).map((e) => text.slice(e.start, e.end))).toEqual(["bel"]);
    expect(detector.detect(text, { minScore: 0.6 })).toEqual([]);
    expect(detector.detect(text, { minScore: 0.3 })).toHaveLength(2);
  });

  it("returns nothing for an empty text and throws a TypeError for a non-string", () => {
    const detector = new Detector({ recognizers: [fixed("x", "EMAIL", [["a", 1]])] });
    expect(detector.detect("")).toEqual([]);
    expect(() => detector.detect(undefined as unknown as string)).toThrow(TypeError);
    expect(() => detector.detect(42 as unknown as string)).toThrow("detect() expects a string");
  });

  it("reports entities with rounded, bounded scores and original offsets", () => {
    const odd = fixed("odd", "PHONE", [["0612345678", 1.4]]);
    const original = "bel\u00a0\u200b06\u200b12345678";
    const [entity] = new Detector({ recognizers: [odd] }).detect(original);
    expect(entity).toEqual({ type: "PHONE", start: 5, end: original.length, score: 1, recognizer: "odd" });
  });

  it("ignores empty or inverted spans from a recognizer", () => {
    const broken: Recognizer = {
      name: "broken",
      types: ["EMAIL"],
      scan: () => [
        { type: "EMAIL", start: 3, end: 3, score: 0.9, recognizer: "broken" },
        { type: "EMAIL", start: 5, end: 2, score: 0.9, recognizer: "broken" },
      ],
    };
    expect(new Detector({ recognizers: [broken] }).detect(text)).toEqual([]);
  });

  it("adds extra recognizers to the built-in ones", () => {
    const extra = fixed("extra", "ORGANIZATION", [["Tuinbouw Oranjewoud", 0.95]]);
    const detector = new Detector({ extraRecognizers: [extra] });
    expect(detector.recognizers.length).toBe(defaultRecognizers().length + 1);
    expect(detector.detect("Offerte voor Tuinbouw Oranjewoud.", { types: ["ORGANIZATION"] })).toContainEqual(
      expect.objectContaining({ type: "ORGANIZATION", start: 13, end: 32, recognizer: "extra" }),
    );
  });

  it("gives the same answer on every call (shared detector)", () => {
    const sample = "Jan de Vries, NL91ABNA0417164300, jan@voorbeeld.nl, 06-12345678";
    expect(detect(sample)).toEqual(detect(sample));
  });
});
