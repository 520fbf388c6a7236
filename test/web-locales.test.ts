/**
 * The web app's texts: Dutch and English have the same keys in every namespace, and every literal
 * `t("…")` key in the owner's and team's pages exists in both. A missing key would show up on the
 * page as its raw name (`home.nextSteps`), which a non-technical owner reads as a broken product.
 * Keys built at run time (`status.${x}`) are checked in the browser tests instead.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const LOCALES = join(ROOT, "web", "src", "locales");
const FEATURES = ["dashboard", "chat", "approvals", "usage", "settings"];

function flatten(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix.slice(0, -1)];
  return Object.entries(value).flatMap(([key, inner]) => flatten(inner, `${prefix}${key}.`));
}

function keysOf(language: string, namespace: string): Set<string> {
  const file = join(LOCALES, language, `${namespace}.json`);
  return new Set(flatten(JSON.parse(readFileSync(file, "utf8"))));
}

const namespaces = readdirSync(join(LOCALES, "nl")).map((file) => file.replace(/\.json$/, ""));

describe("web app texts", () => {
  it.each(namespaces)("has the same keys in Dutch and English: %s", (namespace) => {
    const nl = keysOf("nl", namespace);
    const en = keysOf("en", namespace);
    expect([...nl].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !nl.has(key))).toEqual([]);
  });

  it.each(FEATURES)("translates every literal key the %s pages use", (feature) => {
    const dir = join(ROOT, "web", "src", "features", feature);
    const missing: string[] = [];
    for (const file of readdirSync(dir).filter((name) => /\.tsx?$/.test(name))) {
      const source = readFileSync(join(dir, file), "utf8");
      const own = /useTranslation\("([a-z]+)"\)/.exec(source)?.[1] ?? "common";
      for (const match of source.matchAll(/\bt\(\s*"([^"]+)"/g)) {
        const raw = match[1] ?? "";
        const [namespace, key] = raw.includes(":") ? (raw.split(":", 2) as [string, string]) : [own, raw];
        for (const language of ["nl", "en"]) {
          const known = keysOf(language, namespace);
          // Plurals live under key_one / key_other.
          if (!known.has(key) && !known.has(`${key}_one`) && !known.has(`${key}_other`)) {
            missing.push(`${file}: ${language}/${namespace}.json has no "${key}"`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
