/**
 * Every regular expression of the detector must run in linear time. This finds them all: the
 * values exported by every module under src/detect (RegExps, and RegExps inside exported arrays
 * and objects) and the RegExps held by the built-in recognizer objects, and asks `recheck`
 * whether each is safe from catastrophic backtracking (each distinct pattern once; proofs are
 * remembered in redos-verdicts.json, see below).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "vitest";
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

// recheck's verdict is deterministic for one pattern, one recheck version and one set of
// parameters (its fuzzer has a fixed seed), so a pattern proven safe once needs no second proof.
// The proofs live in redos-verdicts.json, keyed by a hash of all four: a new or edited pattern,
// another recheck version or other parameters is checked again. REDOS_FULL=1 ignores the file.
const RECHECK_PARAMS = { timeout: 10_000 };
const require = createRequire(import.meta.url);
const recheckVersion = (require("recheck/package.json") as { version: string }).version;
const verdictsFile = join(here, "redos-verdicts.json");
const keyOf = (p: { source: string; flags: string }): string =>
  createHash("sha256")
    .update(JSON.stringify([recheckVersion, RECHECK_PARAMS, p.flags, p.source]))
    .digest("hex")
    .slice(0, 32);
const proven = new Set<string>(
  process.env.REDOS_FULL ? [] : (JSON.parse(readFileSync(verdictsFile, "utf8")) as { safe: string[] }).safe,
);
const unproven = patterns.filter((p) => !proven.has(keyOf(p)));

interface Verdict {
  status: string;
  detail: string;
}

/**
 * Check patterns in worker threads, each with its own recheck (and so its own analyser
 * process): one analyser serving concurrent requests gives verdicts that depend on timing,
 * separate ones give the same verdicts as a sequential run, only sooner.
 */
async function checkInParallel(list: readonly { source: string; flags: string }[]): Promise<Verdict[]> {
  const workers = Math.max(1, Math.min(4, availableParallelism(), list.length));
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const { check } = require(workerData.recheck);
    (async () => {
      const out = [];
      for (const { index, source, flags } of workerData.items) {
        const r = await check(source, flags, workerData.params);
        const detail = r.status === "vulnerable" ? r.complexity.summary + " on " + r.attack.pattern
          : r.status === "unknown" ? r.error.kind : "";
        out.push({ index, status: r.status, detail });
      }
      parentPort.postMessage(out);
      process.exit(0);
    })();`;
  const shards = Array.from({ length: workers }, (_, w) =>
    list.flatMap((p, index) => (index % workers === w ? [{ index, ...p }] : [])),
  );
  const verdicts: Verdict[] = new Array(list.length);
  await Promise.all(
    shards.map(
      (items) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(code, {
            eval: true,
            workerData: { items, params: RECHECK_PARAMS, recheck: require.resolve("recheck") },
          });
          worker.once("message", (out: (Verdict & { index: number })[]) => {
            for (const { index, status, detail } of out) verdicts[index] = { status, detail };
            resolve();
          });
          worker.once("error", reject);
        }),
    ),
  );
  return verdicts;
}

describe("ReDoS safety of every reachable pattern", () => {
  const verdicts = new Map<string, Verdict>();
  beforeAll(async () => {
    const results = await checkInParallel(unproven);
    for (const [i, p] of unproven.entries()) verdicts.set(keyOf(p), results[i] as Verdict);
    // Record new proofs (never on CI, where the file is only read), dropping ones no pattern uses.
    const allSafe = results.every((r) => r.status === "safe");
    if (!process.env.CI && allSafe && (unproven.length > 0 || proven.size !== patterns.length)) {
      const safe = [...new Set(patterns.map(keyOf))].sort();
      writeFileSync(verdictsFile, `${JSON.stringify({ recheck: recheckVersion, safe }, null, 2)}\n`);
    }
  }, 600_000);

  it("finds the detector's patterns", () => {
    // The engine core alone exports a few; the recognizers add many more.
    expect(patterns.length).toBeGreaterThan(3);
  });

  it.each(patterns)("$where is safe", ({ source, flags }) => {
    const key = keyOf({ source, flags });
    const verdict = proven.has(key) ? { status: "safe", detail: "" } : verdicts.get(key);
    expect({ pattern: `/${source}/${flags}`, ...verdict }).toEqual({
      pattern: `/${source}/${flags}`,
      status: "safe",
      detail: "",
    });
  });
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
