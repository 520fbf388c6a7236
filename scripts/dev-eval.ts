// Developer diagnostics on the shared corpus, straight from src (no build):
//   npx tsx scripts/dev-eval.ts [TYPE] [--fp] [--fn] [--limit N]
// Prints per-type recall/precision and, for TYPE, the missed gold entities (--fn) and the
// predictions that overlap no gold entity of that family (--fp), with some context.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detect } from "../src/detect/index.js";

const args = process.argv.slice(2);
const type = args.find((a) => /^[A-Z_]+$/.test(a));
const limitArg = args.indexOf("--limit");
const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : 40;
const showFn = args.includes("--fn") || (!args.includes("--fp") && !!type);
const showFp = args.includes("--fp") || (!args.includes("--fn") && !!type);
const shared = process.env.POORTWACHTER_SHARED ?? join(import.meta.dirname, "..", "..", "shared");
type Gold = { type: string; start: number; end: number };
const docs = readFileSync(join(shared, "corpus", "dev.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as { id: string; text: string; entities: Gold[] });

const fam = (t: string) => (t === "POSTCODE" ? "ADDRESS" : t);
const stats = new Map<string, { gold: number; caught: number; pred: number; predHit: number }>();
const S = (t: string) => {
  let s = stats.get(t);
  if (!s) {
    s = { gold: 0, caught: 0, pred: 0, predHit: 0 };
    stats.set(t, s);
  }
  return s;
};
const fns: string[] = [];
const fps: string[] = [];
const ctx = (text: string, s: number, e: number) =>
  JSON.stringify(`${text.slice(Math.max(0, s - 30), s)}⟦${text.slice(s, e)}⟧${text.slice(e, e + 30)}`);
const t0 = performance.now();
for (const d of docs) {
  const pred = detect(d.text);
  for (const g of d.entities) {
    const s = S(g.type);
    s.gold++;
    const covered = pred.some((p) => p.start <= g.start && p.end >= g.end && fam(p.type) === fam(g.type));
    const anyCover = (i: number) => pred.some((p) => p.start <= i && p.end > i);
    let fullyCovered = true;
    for (let i = g.start; i < g.end; i++) if (!/\s/.test(d.text[i]!) && !anyCover(i)) fullyCovered = false;
    if (covered) s.caught++;
    if ((!covered || !fullyCovered) && g.type === type)
      fns.push(
        `${d.id} ${fullyCovered ? "(other type/partial)" : "MISS"} ${ctx(d.text, g.start, g.end)} got: ${pred
          .filter((p) => p.start < g.end && g.start < p.end)
          .map((p) => `${p.type}:${d.text.slice(p.start, p.end)}`)
          .join(" | ")}`,
      );
  }
  for (const p of pred) {
    const s = S(p.type);
    s.pred++;
    const hit = d.entities.some((g) => p.start < g.end && g.start < p.end && fam(g.type) === fam(p.type));
    if (hit) s.predHit++;
    else if (p.type === type) {
      const other = d.entities.find((g) => p.start < g.end && g.start < p.end);
      fps.push(
        `${d.id} ${other ? `(gold ${other.type})` : "FP"} ${p.recognizer} ${p.score} ${ctx(d.text, p.start, p.end)}`,
      );
    }
  }
}
const ms = performance.now() - t0;
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1).padStart(6) : "   n/a");
console.log("type            gold caught  recall  pred  prec");
for (const [t, s] of [...stats].sort()) {
  console.log(
    `${t.padEnd(15)}${String(s.gold).padStart(5)}${String(s.caught).padStart(7)} ${pct(s.caught, s.gold)}${String(s.pred).padStart(6)} ${pct(s.predHit, s.pred)}`,
  );
}
console.log(`(${docs.length} docs in ${ms.toFixed(0)} ms)`);
if (showFn && type) console.log(`\n-- missed ${type} (${fns.length}) --\n${fns.slice(0, limit).join("\n")}`);
if (showFp && type) console.log(`\n-- false ${type} (${fps.length}) --\n${fps.slice(0, limit).join("\n")}`);
