/**
 * Checks the browser tests run on every page a person sees: axe-core's WCAG 2 A/AA rules (colour
 * contrast included), texts that leaked out of i18n untranslated, and nothing pushing the page
 * sideways. Each returns findings as readable lines, so a failing test names what to fix.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { screenshot } from "./harness.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2 A/AA findings of axe-core inside `scope` (the page's main content by default), as "rule: element" lines. */
export async function accessibilityProblems(page: Page, scope = "main"): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    type Result = {
      violations: Array<{ id: string; nodes: Array<{ target: string[]; failureSummary?: string }> }>;
    };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
    const result = await axe.run(
      { include: [[selector]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, resultTypes: ["violations"] },
    );
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}${v.id === "color-contrast" ? ` (${n.failureSummary})` : ""}`),
    );
  }, scope);
}

/**
 * Visible texts that look like an i18n key instead of a sentence: i18next shows the key itself
 * (`home.nextSteps`, `dashboard:status.met`) when a translation is missing. Keys here are dotted
 * camelCase paths; file names, domains and model names (`poortwachter.yaml`, `claude.ai`,
 * `gpt-4.1`) are left alone by requiring a camelCase or namespaced segment, or a known key prefix.
 */
export async function rawTranslationKeys(page: Page, namespaces: readonly string[]): Promise<string[]> {
  return page.evaluate((known) => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, code, pre, iframe, textarea")) continue;
      if (node.textContent?.trim()) texts.push(node.textContent.trim());
    }
    // Labels, placeholders and accessible names are read aloud too.
    for (const element of Array.from(document.querySelectorAll("[aria-label], [placeholder], [title]"))) {
      for (const attribute of ["aria-label", "placeholder", "title"]) {
        const value = element.getAttribute(attribute);
        if (value) texts.push(value);
      }
    }
    const namespaced = new RegExp(`\\b(?:${known.join("|")}|common):[a-zA-Z]`);
    const dotted = /(?:^|\s)([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9_]+)+)(?=$|\s)/g;
    const found = new Set<string>();
    for (const text of texts) {
      if (namespaced.test(text)) found.add(text);
      for (const match of text.matchAll(dotted)) {
        const key = match[1] ?? "";
        const segments = key.split(".");
        const camel = segments.some((s) => /[a-z][A-Z]/.test(s));
        const looksLikeFile = /\.(?:ya?ml|json|csv|txt|pdf|md|nl|com|ai|eu|org|io|net)$/.test(key);
        if ((camel || segments.length >= 3) && !looksLikeFile && !/\d/.test(segments[0] ?? "")) found.add(text);
      }
    }
    return [...found];
  }, namespaces);
}

/** How many pixels the page is wider than the window (0 when nothing sticks out sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/**
 * A full-page screenshot from the top of the page: taken scrolled down, the fixed header would be
 * drawn across the middle of the picture.
 */
export async function topScreenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return screenshot(page, name);
}
