import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, browserAvailable, launchBrowser, screenshot, startApp, VIEWPORTS } from "./harness.js";
import {
  apiSession,
  type Credentials,
  createMember,
  login,
  logout,
  nextTotpCode,
  setupOwner,
  strongPassword,
} from "./session-helpers.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * WCAG 2 A/AA findings of axe-core on the page, colour contrast included, as "rule: element" lines.
 * Contrast is measured in the state the page is in, hover included: the mouse stays where the
 * test last clicked, so hovered buttons and navigation links are checked too.
 */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run(options: unknown): Promise<Result> } }).axe;
    const result = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] },
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  });
}

describe.skipIf(!browserAvailable)("accounts in the browser", () => {
  let app: App;
  let browser: Browser;
  let owner: Required<Credentials>;
  let memberOneTimePassword: string;
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
  }, 60_000);

  it("sets up the owner with 2FA under the app's CSP", async () => {
    const page = await newPage();
    const response = await page.goto(`${app.url}/`);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    await page.waitForURL(/\/setup$/);
    await page.getByRole("button", { name: "Account aanmaken" }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    owner = await setupOwner(page, app, {
      name: "marieke",
      displayName: "Marieke de Boer",
      onEnrolPage: async (p) => {
        await p.getByRole("img", { name: /QR-code/ }).waitFor();
        await screenshot(p, "setup-2fa");
        expect(await accessibilityProblems(p)).toEqual([]);
      },
    });
    expect(owner.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(owner.recoveryCodes).toHaveLength(10);
    const me = await page.evaluate(async () => (await fetch("/api/app/auth/me")).json());
    expect(me).toMatchObject({ account: { name: "marieke", role: "owner", totpEnabled: true } });
    // A second set-up is refused now that an owner exists.
    const again = await fetch(`${app.url}/api/app/auth/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "indringer", password: strongPassword() }),
    });
    expect(again.status).toBe(409);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("needs the TOTP code after the password, refuses a wrong one, and returns to the page asked for", async () => {
    const page = await newPage();
    await page.goto(`${app.url}/admin/users`);
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers/);
    await page.getByLabel("Accountnaam").fill(owner.name);
    await page.getByLabel(/^Wachtwoord/).fill(owner.password);
    await screenshot(page, "login");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByText("Vul de code van 6 cijfers in").waitFor();
    await page.getByLabel("Code uit je app").fill("000000");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.getByRole("alert").getByText("Deze code klopt niet").waitFor();
    await page.getByLabel("Code uit je app").fill(await nextTotpCode(owner.totpSecret));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(/\/admin\/users$/);
    await logout(page);
    await login(page, app, owner, "/admin/users");

    // The owner adds a member; the one-time password is shown once.
    await page.getByLabel(/^Accountnaam/).fill("jan");
    await page.getByLabel(/^Volledige naam/).fill("Jan Jansen");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    const shown = page.getByTestId("shown-once");
    await shown.waitFor();
    memberOneTimePassword = ((await shown.textContent()) ?? "").trim();
    expect(memberOneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await page.getByRole("button", { name: "Klaar, ik heb het bewaard" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("cell", { name: /Jan Jansen/ }).waitFor();
    await screenshot(page, "users");
    expect(await accessibilityProblems(page)).toEqual([]);

    // Teams, the audit of admin actions (also as CSV) and the own account, through the navigation.
    await page.getByRole("link", { name: "Teams" }).click();
    await page.getByLabel(/^Teamnaam/).fill("verkoop");
    await page.getByRole("button", { name: "Team maken" }).click();
    await page.getByRole("cell", { name: "verkoop" }).waitFor();
    await page.getByRole("link", { name: "Beheeracties" }).click();
    await page.getByRole("cell", { name: "Account aangemaakt" }).waitFor();
    await page.getByRole("cell", { name: "Team aangemaakt" }).waitFor();
    await screenshot(page, "activity");
    expect(await accessibilityProblems(page)).toEqual([]);
    const csv = await page.evaluate(async () => (await fetch("/api/app/admin/activity.csv")).text());
    expect(csv).toMatch(/^time,actor,action,target,details\r\n/);
    expect(csv).toContain("marieke,team.created,verkoop");
    expect(csv).not.toContain(memberOneTimePassword);
    await page.getByRole("link", { name: "Mijn account" }).click();
    await page.getByText("Je hebt nog 10 ongebruikte herstelcodes.").waitFor();
    await screenshot(page, "account");
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("lets the member choose a password, create a key that works on /v1/models, but not open admin pages", async () => {
    const page = await newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel("Accountnaam").fill("jan");
    await page.getByLabel(/^Wachtwoord/).fill(memberOneTimePassword);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("heading", { name: "Kies je eigen wachtwoord" }).waitFor();
    const password = strongPassword();
    await page.getByLabel(/^Eenmalig wachtwoord/).fill(memberOneTimePassword);
    await page.getByLabel(/^Nieuw wachtwoord/).fill("jan123");
    await page.getByLabel(/^Herhaal het wachtwoord/).fill("jan123");
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await page
      .getByRole("alert")
      .getByText(/minstens 12 tekens/)
      .waitFor();
    await page.getByLabel(/^Nieuw wachtwoord/).fill(password);
    await page.getByLabel(/^Herhaal het wachtwoord/).fill(password);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");

    await page.goto(`${app.url}/account/keys`);
    await page.getByLabel("Waarvoor gebruik je hem?").fill("laptop");
    await page.getByRole("button", { name: "Sleutel maken" }).click();
    const shown = page.getByTestId("shown-once");
    await shown.waitFor();
    const key = ((await shown.textContent()) ?? "").trim();
    expect(key).toMatch(/^pw-/);
    await page.getByRole("button", { name: "Klaar, ik heb het bewaard" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("cell", { name: "laptop" }).waitFor();
    // Shown once: the page no longer contains the key.
    expect(await page.content()).not.toContain(key);
    await screenshot(page, "keys");
    expect(await accessibilityProblems(page)).toEqual([]);

    const models = await fetch(`${app.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    expect(models.status).toBe(200);
    const body = (await models.json()) as { data: Array<{ id: string }> };
    expect(body.data.map((m) => m.id)).toContain("gpt-4.1");

    await page.goto(`${app.url}/admin/users`);
    await page.getByText("Geen toegang").waitFor();
    const api = await page.evaluate(async () => (await fetch("/api/app/admin/users")).status);
    expect(api).toBe(403);

    // Revoking the key in the page stops it working on the gateway.
    await page.goto(`${app.url}/account/keys`);
    // Asked in a dialog in the app's language; cancelling gives the focus back and revokes nothing.
    const revokeButton = page.getByRole("button", { name: /^Sleutel pw-.* intrekken$/ });
    await revokeButton.click();
    const confirmDialog = page.getByRole("dialog", { name: "Sleutel intrekken" });
    await confirmDialog.getByText(/Tools die hem gebruiken werken daarna niet meer/).waitFor();
    await confirmDialog.getByRole("button", { name: "Annuleren" }).click();
    await confirmDialog.waitFor({ state: "detached" });
    await expect.poll(() => revokeButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect((await fetch(`${app.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    await revokeButton.click();
    await confirmDialog.getByRole("button", { name: "Intrekken" }).click();
    await page.getByText("Ingetrokken").waitFor();
    const after = await fetch(`${app.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    expect(after.status).toBe(401);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("the helpers create a member through the API that can log in", async () => {
    const member = await createMember(app, owner, { name: "piet", team: "verkoop" });
    const session = await apiSession(app, member);
    const me = await session.get<{ account: { name: string; team: string; role: string } }>("/api/app/auth/me");
    expect(me.account).toMatchObject({ name: "piet", team: "verkoop", role: "member" });
    const refused = await session.request("/api/app/admin/users");
    expect(refused.status).toBe(403);
  }, 60_000);

  it("shows the login page at phone width", async () => {
    const page = await newPage(VIEWPORTS.phone);
    await page.goto(`${app.url}/login`);
    await page.getByRole("button", { name: "Inloggen" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await screenshot(page, "login-phone");
    expect(await accessibilityProblems(page)).toEqual([]);

    // Keyboard only: type, Tab to the password, Enter submits and the TOTP step takes focus.
    await page.getByLabel("Accountnaam").focus();
    await page.keyboard.type(owner.name);
    await page.keyboard.press("Tab");
    await page.keyboard.type(owner.password);
    await page.keyboard.press("Enter");
    await page.getByText("Vul de code van 6 cijfers in").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("one-time-code");

    // English is one click away, texts and server messages alike.
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { name: "Two-step verification" }).waitFor();
    await page.getByLabel("Code from your app").fill("000000");
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByRole("alert").getByText("This code is not correct").waitFor();
    await page.context().close();
  }, 60_000);

  it("speaks the account's language after login and on reload, and stores a change on the account", async () => {
    const member = await createMember(app, owner, { name: "eva", displayName: "Eva Smit" });
    const api = await apiSession(app, member);
    await api.request("/api/app/auth/profile", { method: "PATCH", body: { language: "en" } });
    const stored = async () => (await api.get<{ account: { language: string } }>("/api/app/auth/me")).account.language;
    expect(await stored()).toBe("en");

    // A browser that showed Dutch before: after login the app switches to the account's English.
    const page = await newPage();
    await login(page, app, member, "/chat");
    await page.getByRole("heading", { name: "Safe chat", level: 2 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    // On a reload with the session the account decides, not what this browser showed last.
    await page.evaluate(() => localStorage.setItem("pw.language", "nl"));
    await page.reload();
    await page.getByRole("heading", { name: "Safe chat", level: 2 }).waitFor();

    // The header switch changes the language and stores it on the account.
    await page.getByText("NL", { exact: true }).click();
    await page.getByRole("heading", { name: "Veilig chatten", level: 2 }).waitFor();
    await expect.poll(stored).toBe("nl");
    await page.reload();
    await page.getByRole("heading", { name: "Veilig chatten", level: 2 }).waitFor();
    await page.context().close();

    // Another device that shows English on the login page follows the account's Dutch once logged in.
    const other = await newPage();
    await other.goto(`${app.url}/login?next=${encodeURIComponent("/chat")}`);
    await other.getByText("EN", { exact: true }).click();
    await other.getByLabel("Account name").fill(member.name);
    await other.getByLabel(/^Password/).fill(member.password);
    await other.getByRole("button", { name: "Log in" }).click();
    await other.getByRole("heading", { name: "Veilig chatten", level: 2 }).waitFor();
    expect(await other.evaluate(() => document.documentElement.lang)).toBe("nl");
    // The choice on the login page was for that page only: the account keeps its language.
    expect(await stored()).toBe("nl");
    await other.context().close();
  }, 60_000);

  it("lists the own sessions; ending the other one sends that browser to the login page", async () => {
    const member = await createMember(app, owner, { name: "sanne", displayName: "Sanne Bakker" });
    const first = await newPage();
    await login(first, app, member, "/account");
    const second = await newPage();
    await login(second, app, member, "/account");
    await second.getByRole("heading", { name: "Waar je bent ingelogd" }).waitFor();

    await first.reload();
    const card = first.getByRole("table").filter({ hasText: "Dit apparaat" });
    // Headless Chromium on Linux, from loopback: the address shown is the /24 network only.
    await card.getByRole("row").nth(2).waitFor();
    expect(await card.getByRole("row").count()).toBe(3);
    expect(await card.getByText("Chrome op Linux").count()).toBe(2);
    expect(await card.getByText("127.0.0.0/24").count()).toBe(2);
    expect(await card.textContent()).not.toContain("127.0.0.1");
    await screenshot(first, "account-sessions");
    expect(await accessibilityProblems(first)).toEqual([]);

    const end = first.getByRole("button", { name: /^Sessie Chrome op Linux van .* beëindigen$/ });
    expect(await end.count()).toBe(1);
    await end.click();
    await first.getByText("De sessie is beëindigd.").waitFor();
    await expect.poll(() => card.getByRole("row").count()).toBe(2);
    expect(await first.getByRole("button", { name: "Overal anders uitloggen" }).isDisabled()).toBe(true);

    // The other browser's next request finds its session gone, and the app sends it to the login page.
    await second.getByRole("link", { name: "Mijn sleutels" }).first().click();
    await second.waitForURL(/\/login/);
    await second.getByRole("button", { name: "Inloggen" }).waitFor();
    // This browser stays logged in.
    await first.reload();
    await first.getByText("Dit apparaat").waitFor();
    expect(cspViolations).toEqual([]);
    await first.context().close();
    await second.context().close();
  }, 60_000);

  it("an admin disables and removes a member, after a dialog that says what stays", async () => {
    const member = await createMember(app, owner, { name: "vertrokken", displayName: "Oud Collega" });
    const page = await newPage();
    await login(page, app, owner, "/admin/users");
    const row = page.getByRole("row", { name: /Oud Collega/ });
    await row.waitFor();
    const actions = page.getByRole("button", { name: "Acties voor vertrokken" });

    // An enabled account cannot be removed yet.
    await actions.click();
    expect(await page.getByRole("menuitem", { name: "Verwijderen (eerst uitschakelen)" }).isDisabled()).toBe(true);
    await page.getByRole("menuitem", { name: "Uitschakelen", exact: true }).click();
    await row.getByText("Uitgeschakeld").waitFor();

    await actions.click();
    await page.getByRole("menuitem", { name: "Account verwijderen…" }).click();
    const dialog = page.getByRole("dialog", { name: "Account van Oud Collega verwijderen?" });
    await dialog.waitFor();
    await dialog.getByText(/gebruikslogboek van de AI-gateway blijft bewaard met de naam vertrokken/).waitFor();
    await page.getByRole("menu").waitFor({ state: "detached" });
    await screenshot(page, "users-remove");
    expect(await accessibilityProblems(page)).toEqual([]);
    // Cancelled: nothing removed, and the focus is back on the row's actions button.
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Acties voor vertrokken");

    await actions.click();
    await page.getByRole("menuitem", { name: "Account verwijderen…" }).click();
    await dialog.getByRole("button", { name: "Definitief verwijderen" }).click();
    await page.getByText("Het account vertrokken is verwijderd.").waitFor();
    await row.waitFor({ state: "detached" });

    await page.getByRole("link", { name: "Beheeracties" }).click();
    await page.getByRole("cell", { name: "Account verwijderd" }).waitFor();
    const refused = await fetch(`${app.url}/api/app/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: member.name, password: member.password }),
    });
    expect(refused.status).toBe(401);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  }, 90_000);
});
