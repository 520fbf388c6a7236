// Quick speed profile of the detector, straight from src (no build):
//   npx tsx scripts/profile-detect.ts [--mb N] [--large-kb N] [--only NAME]
// Prints MB/s per recognizer and for the whole detector, on 4 KB prompts cut from the shared
// dev corpus and on one large text (the corpus concatenated), plus p50/p99 per 4 KB prompt.
// Per-recognizer figures scan the normalised text, like the analyzer does. The large-text
// figures should be close to the 4 KB ones: a big drop means work that grows faster than the text.
// Throughput is measured in CPU time of this process (process.cpuUsage), so it holds up better on a
// loaded machine than wall time; latencies are wall time. Still compare relative costs (and note `uptime`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Redactor } from "@redactpii/node";
import { Detector } from "../src/detect/analyzer.js";
import { normalize } from "../src/detect/normalize.js";
import { defaultRecognizers } from "../src/detect/recognizers/index.js";
import type { Recognizer, ScanInput } from "../src/detect/types.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const LARGE_KB = option("large-kb", 1000);
/** Megabytes of prompts scanned per measurement; the large text is scanned about as often. */
const TARGET_MB = option("mb", 1);
const PROMPT = 4096;

const shared = process.env.POORTWACHTER_SHARED ?? join(import.meta.dirname, "..", "..", "shared");
let corpus: string;
try {
  corpus = readFileSync(join(shared, "corpus", "dev.jsonl"), "utf8");
} catch {
  console.error(`profile-detect: ${join(shared, "corpus", "dev.jsonl")} not found (set POORTWACHTER_SHARED).`);
  process.exit(2);
}
const all = corpus
  .trim()
  .split("\n")
  .map((line) => (JSON.parse(line) as { text: string }).text)
  .join("\n\n");

const prompts: string[] = [];
for (let i = 0; i + PROMPT <= all.length; i += PROMPT) prompts.push(all.slice(i, i + PROMPT));
let large = all;
while (large.length < LARGE_KB * 1024) large += `\n\n${all}`;
large = large.slice(0, LARGE_KB * 1024);

const promptBytes = prompts.reduce((n, p) => n + p.length, 0);
const ROUNDS = Math.max(1, Math.round((TARGET_MB * 1e6) / promptBytes));
const LARGE_ROUNDS = Math.max(1, Math.round((TARGET_MB * 1e6) / large.length));
const mbps = (chars: number, ms: number): number => chars / 1e6 / (ms / 1000);
/** CPU milliseconds (user + system) used by this process so far. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// A fresh input object per scan: the names recognizers cache their tokens per input object.
function timeRecognizer(rec: Recognizer, inputs: readonly ScanInput[], rounds: number): number {
  // Warm up so the JIT has compiled the hot paths before we measure.
  for (let r = 0; r < Math.max(2, rounds >> 2); r++)
    for (const input of inputs) rec.scan({ text: input.text, folded: input.folded });
  const t0 = cpuMs();
  for (let r = 0; r < rounds; r++) for (const input of inputs) rec.scan({ text: input.text, folded: input.folded });
  return (cpuMs() - t0) / rounds;
}

const asInputs = (texts: readonly string[]): ScanInput[] =>
  texts.map((t) => {
    const n = normalize(t);
    return { text: n.text, folded: n.folded };
  });

const recognizers = defaultRecognizers().filter((r) => only === undefined || r.name.includes(only));
const smallInputs = asInputs(prompts);
const largeInputs = asInputs([large]);
console.log(
  `${prompts.length} prompts of 4 KB (${(promptBytes / 1e6).toFixed(2)} MB), large text ${(large.length / 1e6).toFixed(2)} MB, ${ROUNDS}/${LARGE_ROUNDS} rounds`,
);
console.log(`${"recognizer".padEnd(26)} ${"4KB MB/s".padStart(9)} ${"large MB/s".padStart(11)}`);
let sumSmall = 0;
let sumLarge = 0;
for (const rec of recognizers) {
  const small = timeRecognizer(rec, smallInputs, ROUNDS);
  const big = timeRecognizer(rec, largeInputs, LARGE_ROUNDS);
  sumSmall += small;
  sumLarge += big;
  console.log(
    `${rec.name.padEnd(26)} ${mbps(promptBytes, small).toFixed(1).padStart(9)} ${mbps(large.length, big).toFixed(1).padStart(11)}`,
  );
}
console.log(
  `${"(recognizers together)".padEnd(26)} ${mbps(promptBytes, sumSmall).toFixed(1).padStart(9)} ${mbps(large.length, sumLarge).toFixed(1).padStart(11)}`,
);

if (only === undefined) {
  const detector = new Detector();
  for (let r = 0; r < Math.max(2, ROUNDS >> 2); r++) for (const p of prompts) detector.detect(p);
  const latencies: number[] = [];
  const t0 = cpuMs();
  for (let r = 0; r < ROUNDS; r++) {
    for (const p of prompts) {
      const s = performance.now();
      detector.detect(p);
      latencies.push(performance.now() - s);
    }
  }
  const smallMs = (cpuMs() - t0) / ROUNDS;
  latencies.sort((a, b) => a - b);
  const pct = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const l0 = cpuMs();
  for (let r = 0; r < LARGE_ROUNDS; r++) detector.detect(large);
  const largeMs = (cpuMs() - l0) / LARGE_ROUNDS;
  console.log(
    `${"detect() whole".padEnd(26)} ${mbps(promptBytes, smallMs).toFixed(1).padStart(9)} ${mbps(large.length, largeMs).toFixed(1).padStart(11)}`,
  );
  console.log(`4 KB prompt latency: p50 ${pct(0.5).toFixed(3)} ms, p99 ${pct(0.99).toFixed(3)} ms`);

  // A yardstick from the same run and load: the regex-only redactor the bench compares against.
  const redactor = new Redactor();
  for (const p of prompts) redactor.redact(p);
  const y0 = cpuMs();
  for (let r = 0; r < ROUNDS; r++) for (const p of prompts) redactor.redact(p);
  const yardstick = mbps(promptBytes, (cpuMs() - y0) / ROUNDS);
  const ours = mbps(promptBytes, smallMs);
  console.log(
    `@redactpii/node on the same prompts: ${yardstick.toFixed(1)} MB/s; detect() runs at ${(ours / yardstick).toFixed(2)}x its speed`,
  );
}
