/**
 * Every regular expression of the detector must run in linear time. This finds them all: the
 * values exported by every module under src/detect (RegExps, and RegExps inside exported arrays
 * and objects) and the RegExps held by the built-in recognizer objects, and asks `recheck`
 * whether each is safe from catastrophic backtracking.
 */
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkSync } from "recheck";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_LENGTH, Detector, detect } from "./analyzer.js";
import { InputTooLargeError } from "./errors.js";
import { defaultRecognizers } from "./recognizers/index.js";
import type { Entity } from "./types.js";

const here = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** RegExps reachable from a value: itself, or inside arrays, maps, sets and object properties. */
function collectRegExps(value: unknown, where: string, out: Map<string, string>, seen: Set<unknown>, depth = 0): void {
  if (value instanceof RegExp) {
    const key = `/${value.source}/${value.flags.replace(/[gy]/g, "")}`;
    if (!out.has(key)) out.set(key, where);
    return;
  }
  if (value === null || typeof value !== "object" || seen.has(value) || depth > 6) return;
  seen.add(value);
  if (Array.isArray(value) || value instanceof Set) {
    let i = 0;
    for (const item of value) collectRegExps(item, `${where}[${i++}]`, out, seen, depth + 1);
    return;
  }
  if (value instanceof Map) {
    for (const [k, item] of value) collectRegExps(item, `${where}.get(${String(k)})`, out, seen, depth + 1);
    return;
  }
  for (const key of Object.getOwnPropertyNames(value)) {
    collectRegExps((value as Record<string, unknown>)[key], `${where}.${key}`, out, seen, depth + 1);
  }
}

const found = new Map<string, string>();
const seen = new Set<unknown>();
for (const file of sourceFiles(here)) {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const name = relative(here, file);
  for (const [exported, value] of Object.entries(mod)) collectRegExps(value, `${name}:${exported}`, found, seen);
}
for (const recognizer of defaultRecognizers()) collectRegExps(recognizer, `recognizer ${recognizer.name}`, found, seen);

const patterns = [...found].map(([key, where]) => {
  const end = key.lastIndexOf("/");
  return { where, source: key.slice(1, end), flags: key.slice(end + 1) };
});

describe("ReDoS safety of every reachable pattern", () => {
  it("finds the detector's patterns", () => {
    // The engine core alone exports a few; the recognizers add many more.
    expect(patterns.length).toBeGreaterThan(3);
  });

  it.each(patterns)(
    "$where is safe",
    ({ source, flags }) => {
      const result = checkSync(source, flags, { timeout: 10_000 });
      const detail = result.status === "vulnerable" ? `${result.complexity.summary} on ${result.attack.pattern}` : "";
      expect({ pattern: `/${source}/${flags}`, status: result.status, detail }).toEqual({
        pattern: `/${source}/${flags}`,
        status: "safe",
        detail: "",
      });
    },
    60_000,
  );
});

/** The invariants any result must keep, whatever the input. */
function expectWellFormed(text: string, entities: Entity[]): void {
  let previousEnd = 0;
  for (const e of entities) {
    expect(e.start).toBeGreaterThanOrEqual(previousEnd);
    expect(e.end).toBeGreaterThan(e.start);
    expect(e.end).toBeLessThanOrEqual(text.length);
    previousEnd = e.end;
  }
}

describe("adversarial inputs complete", () => {
  const size = 100_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const inputs: Record<string, string> = {
    digits: fill("0123456789"),
    "one letter": fill("a"),
    spaces: fill(" "),
    "at and dot": fill("@."),
    "capitalised words": fill("Jan Van Der Berg "),
    "dashes and dots": fill("-.-..--.1-"),
    "digit groups": fill("12 34 56 "),
    "email-like": fill("a.b@c."),
    "key-like": fill("sk-AAAA"),
  };
  it.each(Object.entries(inputs))("%s", (_name, text) => {
    expectWellFormed(text, detect(text));
  });
});

describe("input size limit", () => {
  it("throws InputTooLargeError past the limit, with the figures", () => {
    const detector = new Detector({ maxLength: 10 });
    expect(detector.detect("0123456789")).toBeInstanceOf(Array);
    expect(() => detector.detect("01234567890")).toThrow(InputTooLargeError);
    expect(() => detector.detect("01234567890")).toThrow("Input is 11 characters; the limit is 10.");
  });

  it("has a default limit of 1 MiB", () => {
    expect(() => detect("a".repeat(DEFAULT_MAX_LENGTH + 1))).toThrow(InputTooLargeError);
  });
});
