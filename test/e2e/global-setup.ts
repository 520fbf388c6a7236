/**
 * Builds the web app into dist/web before the browser tests, but only when a source file is newer
 * than the last build: unit-test runs pay one directory walk, not a build.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export default function setup(): void {
  const built = join(ROOT, "dist", "web", "index.html");
  // The browser bundles src/detect and src/pseudonymize too.
  const sources = ["web/src", "web/index.html", "web/vite.config.ts", "src/detect", "src/pseudonymize"].map((p) =>
    join(ROOT, p),
  );
  const stale = !existsSync(built) || sources.some((p) => existsSync(p) && newestMtime(p) > statSync(built).mtimeMs);
  if (!stale) return;
  // Build beside dist/web and swap it in, so a test run that is serving the app right now never
  // sees a half-written folder.
  const fresh = join(ROOT, "dist", `web.build-${process.pid}`);
  const old = join(ROOT, "dist", `web.old-${process.pid}`);
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  execFileSync(
    process.execPath,
    [vite, "build", "--config", "web/vite.config.ts", "--logLevel", "warn", "--outDir", fresh],
    { cwd: ROOT, stdio: "inherit" },
  );
  const current = join(ROOT, "dist", "web");
  if (existsSync(current)) renameSync(current, old);
  renameSync(fresh, current);
  rmSync(old, { recursive: true, force: true });
}
