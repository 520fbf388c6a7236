// Scores the detector on the shared development corpus with the shared scorer.
// Usage: npm run eval [-- --json]   (expects ../shared next to the repository)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.env.POORTWACHTER_SHARED ?? join(root, "..", "shared"));
const corpus = join(shared, "corpus", "dev.jsonl");
const scorer = join(shared, "corpus", "score.mjs");
if (!existsSync(corpus) || !existsSync(scorer)) {
  console.error(`eval: the development corpus is not here (looked for ${corpus} and ${scorer}).`);
  console.error("Put the shared/ folder next to the repository or set POORTWACHTER_SHARED.");
  process.exit(2);
}
// POORTWACHTER_DIST: another build output (e.g. a private build while dist/ is being rebuilt).
const distDir = process.env.POORTWACHTER_DIST;
const outDir = distDir ? join(distDir, ".eval") : join(root, ".eval");
mkdirSync(outDir, { recursive: true });
const predictions = join(outDir, "predictions.jsonl");
const cli = distDir
  ? [
      "--input-type=module",
      "-e",
      `const { main } = await import(${JSON.stringify(pathToFileURL(join(distDir, "cli", "main.js")).href)}); process.exitCode = await main(process.argv.slice(1));`,
    ]
  : [join(root, "bin", "poortwachter.js")];
const scan = spawnSync(process.execPath, [...cli, "scan", "--jsonl", corpus], {
  encoding: "utf8",
  maxBuffer: 1 << 28,
});
if (scan.status !== 0) {
  console.error(scan.stderr);
  process.exit(scan.status ?? 1);
}
writeFileSync(predictions, scan.stdout);
const extra = process.argv.slice(2);
const score = spawnSync(process.execPath, [scorer, corpus, predictions, ...extra], { stdio: "inherit" });
process.exit(score.status ?? 1);
