/**
 * The browser tests' harness: a real Poortwachter (`startServer`, SQLite in a temporary folder)
 * with the gateway pointed at a real mock upstream on loopback, and Debian's Chromium driven by
 * playwright-core. Screenshots go to artifacts/screenshots/ (named in the README), which CI keeps.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { parseConfig } from "../../src/config/index.js";
import { type MockUpstream, startMockUpstream } from "../../src/gateway/testing/mock-upstream.js";
import { type RunningServer, startServer } from "../../src/server/server.js";
import { gatewayYaml } from "../gateway-harness.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = join(import.meta.dirname, "..", "..", "artifacts", "screenshots");

/** Browser tests run when Chromium is installed; under CI they must (a skipped suite would hide a broken set-up). */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && process.env.CI) {
  throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs the Debian package "chromium"`);
}

export interface App {
  url: string;
  server: RunningServer;
  upstream: MockUpstream;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh instance: empty database (first-run set-up pending), three providers on one mock upstream. */
export async function startApp(options: { extraYaml?: string } = {}): Promise<App> {
  const upstream = await startMockUpstream();
  const dataDir = mkdtempSync(join(tmpdir(), "pw-e2e-"));
  const config = parseConfig(gatewayYaml(upstream.url, options.extraYaml ?? ""));
  const server = await startServer({ dataDir, port: 0, host: "127.0.0.1" }, { gatewayConfig: config });
  return {
    url: server.url,
    server,
    upstream,
    dataDir,
    async close() {
      await server.close();
      await upstream.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The machine has no outside network: without these Chromium keeps trying to reach Google.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Laptop and phone widths the app must work at. */
export const VIEWPORTS = {
  laptop: { width: 1366, height: 850 },
  phone: { width: 390, height: 844 },
} as const;

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
