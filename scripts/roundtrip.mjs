// Round trip over the shared development corpus with the real detector:
//   1. restore(pseudonymize(x)) === x for every document (replace operator; secrets excepted,
//      they are never reversible), with exact sessions and with variant merging;
//   2. how many gold entity values still appear in the pseudonymised text, by type.
// Usage: npm run eval:roundtrip   (expects ../shared next to the repository)
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.env.POORTWACHTER_SHARED ?? join(root, "..", "shared"));
const corpus = join(shared, "corpus", "dev.jsonl");
if (!existsSync(corpus)) {
  console.error(`eval:roundtrip: the development corpus is not here (looked for ${corpus}).`);
  console.error("Put the shared/ folder next to the repository or set POORTWACHTER_SHARED.");
  process.exit(2);
}
// POORTWACHTER_DIST: another build output (e.g. a private build while dist/ is being rebuilt).
const distDir = process.env.POORTWACHTER_DIST ?? join(root, "dist");
const { detect } = await import(join(distDir, "detect", "index.js"));
const { pseudonymize, restore, Session } = await import(join(distDir, "pseudonymize", "index.js"));

const docs = readFileSync(corpus, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

/** The original text with only the secrets swapped for their (unrestorable) placeholders. */
function expectedAfterRestore(text, replacements) {
  let out = "";
  let cursor = 0;
  for (const r of replacements) {
    if (r.type !== "SECRET") continue;
    out += text.slice(cursor, r.start) + r.output;
    cursor = r.end;
  }
  return out + text.slice(cursor);
}

/** The original text with every replaced value swapped for the form its placeholder restores to. */
function withChosenForms(text, replacements, session) {
  let out = "";
  let cursor = 0;
  for (const r of replacements) {
    out += text.slice(cursor, r.start) + restore(r.output, session);
    cursor = r.end;
  }
  return out + text.slice(cursor);
}

let exactOk = 0;
let mergedOk = 0;
let mergedVariantOnly = 0;
const failures = [];
const byType = new Map();
let chars = 0;
const t0 = performance.now();
for (const doc of docs) {
  const entities = detect(doc.text);
  chars += doc.text.length;

  const exact = new Session({ mergeVariants: false });
  const a = pseudonymize(doc.text, entities, exact);
  if (restore(a.text, exact) === expectedAfterRestore(doc.text, a.replacements)) exactOk++;
  else failures.push(doc.id);

  const merged = new Session();
  const b = pseudonymize(doc.text, entities, merged);
  const restored = restore(b.text, merged);
  if (restored === expectedAfterRestore(doc.text, b.replacements)) mergedOk++;
  else if (restored === withChosenForms(doc.text, b.replacements, merged)) mergedVariantOnly++;
  else failures.push(`${doc.id} (merged)`);

  for (const g of doc.entities) {
    const value = doc.text.slice(g.start, g.end).trim();
    const s = byType.get(g.type) ?? { gold: 0, leaked: 0 };
    s.gold++;
    if (value.length > 0 && b.text.includes(value)) s.leaked++;
    byType.set(g.type, s);
  }
}
const ms = performance.now() - t0;

console.log(
  `Round trip over ${docs.length} documents (${(chars / 1024).toFixed(0)} KB, detect + pseudonymise + restore twice in ${ms.toFixed(0)} ms)`,
);
console.log(`  exact sessions:     restore(pseudonymize(x)) === x for ${exactOk}/${docs.length} documents`);
console.log(
  `  merged variants:    identical for ${mergedOk}/${docs.length}; the other ${mergedVariantOnly} differ only where`,
);
console.log(
  "                      variants of one value (De Vries / Jan de Vries, 06-.. / +31 6..) share a placeholder",
);
console.log("                      and restore writes the most complete form. Secrets are never restored (by design).");
if (failures.length > 0) console.log(`  EXACT ROUND-TRIP FAILURES: ${failures.join(", ")}`);
console.log("\nGold entity values still present in the pseudonymised text (detector recall decides this):");
console.log(`  ${"type".padEnd(14)} ${"gold".padStart(5)} ${"leaked".padStart(7)} ${"leak %".padStart(7)}`);
let gold = 0;
let leaked = 0;
for (const [type, s] of [...byType].sort((x, y) => y[1].gold - x[1].gold)) {
  gold += s.gold;
  leaked += s.leaked;
  console.log(
    `  ${type.padEnd(14)} ${String(s.gold).padStart(5)} ${String(s.leaked).padStart(7)} ${((100 * s.leaked) / s.gold).toFixed(1).padStart(7)}`,
  );
}
console.log(
  `  ${"all".padEnd(14)} ${String(gold).padStart(5)} ${String(leaked).padStart(7)} ${((100 * leaked) / gold).toFixed(1).padStart(7)}`,
);
process.exit(failures.length > 0 ? 1 : 0);
