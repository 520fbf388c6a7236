import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, browserAvailable, launchBrowser, startApp } from "./harness.js";

describe.skipIf(!browserAvailable)("web app shell", () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("serves the app on the gateway's port, in Dutch, with client-side routes surviving a reload", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${app.url}/dashboard`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await page.title()).toBe("Poortwachter");
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    await page.close();
  });

  it("keeps the APIs out of the app's fallback", async () => {
    const missing = await fetch(`${app.url}/api/app/does-not-exist`);
    expect(missing.status).not.toBe(200);
    const health = await fetch(`${app.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
  });
});
