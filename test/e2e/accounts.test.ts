import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, browserAvailable, launchBrowser, screenshot, startApp, VIEWPORTS } from "./harness.js";
import { type Credentials, createMember, login, logout, nextTotpCode, setupOwner } from "./session-helpers.js";

describe.skipIf(!browserAvailable)("accounts in the browser", () => {
  let app: App;
  let browser: Browser;
  let owner: Required<Credentials>;
  const cspViolations: string[] = [];

  async function newPage(viewport: { width: number; height: number } = VIEWPORTS.laptop): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // Chromium reports CSP violations on the console; the app must run without any.
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return page;
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("sets up the owner with 2FA under the app's CSP", async () => {
    const page = await newPage();
    const response = await page.goto(`${app.url}/`);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    await page.waitForURL(/\/setup$/);

    // Take the screenshot of the enrolment page on the way: fill the form by hand here.
    owner = await setupOwner(page, app, { name: "marieke", displayName: "Marieke de Boer" });
    expect(owner.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(owner.recoveryCodes).toHaveLength(10);
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    const me = await page.evaluate(async () => (await fetch("/api/app/auth/me")).json());
    expect(me).toMatchObject({ account: { name: "marieke", role: "owner", totpEnabled: true } });
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it("needs the TOTP code after the password", async () => {
    const page = await newPage();
    await login(page, app, owner);
    await logout(page);
    await page.goto(`${app.url}/admin/users`);
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers/);
    await page.getByLabel("Accountnaam").fill(owner.name);
    await page.getByLabel(/^Wachtwoord/).fill(owner.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByText("Vul de code van 6 cijfers in").waitFor();
    await page.getByLabel("Code uit je app").fill("000000");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.getByRole("alert").getByText("Deze code klopt niet").waitFor();
    await page.getByLabel("Code uit je app").fill(await nextTotpCode(owner.totpSecret));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(/\/admin\/users$/);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });
});
