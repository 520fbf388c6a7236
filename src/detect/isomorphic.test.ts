/**
 * The web app bundles the detector for the browser, so nothing `index.ts` reaches may need Node:
 * no `node:` modules, no Node-only packages such as `recheck` (the ReDoS check for custom
 * patterns lives in custom/validate-pattern.ts, which only Node callers import).
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g;
/** Packages that run in a browser as well. */
const ISOMORPHIC_PACKAGES = new Set(["libphonenumber-js/min"]);

/** Every module reachable from `entry` through value imports, and the bare packages they use. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(IMPORT)) {
      // Type-only imports vanish at build time.
      if (/^\s*(?:import|export)\s+type\s/.test(m[0].trimStart())) continue;
      const spec = m[1] as string;
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe("the detector is isomorphic", () => {
  const { files, packages } = reachable(join(here, "index.ts"));

  it("reaches the recognizers (the import scan works)", () => {
    expect(files.size).toBeGreaterThan(20);
    expect([...files].some((f) => f.endsWith("recognizers/contact/phone.ts"))).toBe(true);
  });

  it("imports no Node module and only browser-safe packages", () => {
    expect([...packages].filter((p) => !ISOMORPHIC_PACKAGES.has(p))).toEqual([]);
  });

  it("leaves the Node-only ReDoS check out", () => {
    expect([...files].some((f) => f.endsWith("validate-pattern.ts"))).toBe(false);
  });
});
