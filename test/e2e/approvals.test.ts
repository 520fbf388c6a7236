/**
 * The approvals page in Chromium, on a full instance with `toolCalls: require-approval`: a
 * member's tool request on customer data is held, the owner sees it (without the customer data)
 * and approves it, the member's retry with the approval id goes through; a second one is denied.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, browserAvailable, launchBrowser, startApp, VIEWPORTS } from "./harness.js";
import {
  accessibilityProblems,
  rawTranslationKeys,
  topScreenshot as screenshot,
  sidewaysOverflow,
} from "./page-checks.js";
import { apiSession, type Credentials, createMember, setupOwner } from "./session-helpers.js";

const NAME = "Pieter van Dijk";
const EMAIL = "pieter.vandijk@voorbeeld.nl";

describe.skipIf(!browserAvailable)("approvals in the browser", () => {
  let app: App;
  let browser: Browser;
  let owner: Required<Credentials>;
  let page: Page;
  let memberKey: string;

  function agent(prompt: string, approval?: string): Promise<Response> {
    return fetch(`${app.url}/v1/chat/completions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${memberKey}`,
        "content-type": "application/json",
        ...(approval ? { "x-poortwachter-approval": approval } : {}),
      },
      body: JSON.stringify({
        model: "gpt-4.1",
        messages: [{ role: "user", content: prompt }],
        tools: [{ type: "function", function: { name: "stuur_mail", parameters: { type: "object" } } }],
      }),
    });
  }

  beforeAll(async () => {
    app = await startApp({ extraYaml: "policy:\n  toolCalls: require-approval\n" });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: "nl-NL" });
    page = await context.newPage();
    page.setDefaultTimeout(8000);
    owner = await setupOwner(page, app, { name: "marieke", displayName: "Marieke de Boer" });
    const member = await createMember(app, owner, { name: "sanne", displayName: "Sanne Jansen", team: "verkoop" });
    const memberApi = await apiSession(app, member);
    const created = (await (
      await memberApi.request("/api/app/auth/keys", { method: "POST", body: { label: "agent", expiresInDays: null } })
    ).json()) as { key: string };
    memberKey = created.key;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows a held request without its customer data, approves it, and the retry goes through", async () => {
    const prompt = `Stuur ${NAME} (${EMAIL}) een herinnering over factuur 2026-118.`;
    const held = await agent(prompt);
    expect(held.status).toBe(403);
    const id = held.headers.get("x-poortwachter-approval") as string;
    expect(id).toMatch(/^apr_/);

    await page.goto(`${app.url}/approvals`);
    await page.getByRole("heading", { level: 2, name: "Goedkeuringen" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: id });
    await row.waitFor();
    const rowText = await row.textContent();
    expect(rowText).toContain("sanne");
    expect(rowText).toContain("team verkoop");
    expect(rowText).toContain("stuur_mail");
    expect(rowText).toContain("Klantgegevens");
    // Entity types in Dutch words, not the detector's codes.
    expect(rowText).toContain("E-mailadres 1");
    expect(rowText).not.toContain("EMAIL");
    const pageText = (await page.textContent("body")) ?? "";
    expect(pageText).not.toContain(NAME);
    expect(pageText).not.toContain(EMAIL);
    await page.waitForLoadState("networkidle");
    await screenshot(page, "approvals");
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await rawTranslationKeys(page, ["approvals"])).toEqual([]);

    // Keyboard only: Escape closes the dialog and gives focus back to the button that opened it.
    const approve = page.getByRole("button", { name: `Goedkeuren: verzoek van sanne (${id})` });
    await approve.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Verzoek goedkeuren" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => approve.evaluate((button) => button === document.activeElement)).toBe(true);
    // Again, now typing a note and confirming.
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await dialog.getByLabel("Toelichting (optioneel)").fill("Herinneringen mogen vandaag.");
    await dialog.getByRole("button", { name: "Goedkeuren" }).click();
    await page.getByText("Er wachten geen verzoeken op goedkeuring.").waitFor();

    app.upstream.reply({ text: "Herinnering verstuurd aan [PERSOON_1]." });
    const retry = await agent(prompt, id);
    expect(retry.status).toBe(200);
    const body = (await retry.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]?.message.content).toBe(`Herinnering verstuurd aan ${NAME}.`);

    await page
      .getByRole("textbox", { name: "Toon" })
      .or(page.getByRole("combobox", { name: "Toon" }))
      .first()
      .click();
    await page.getByRole("option", { name: "Goedgekeurd" }).click();
    const approvedRow = page.getByRole("row").filter({ hasText: id });
    await expect.poll(() => approvedRow.textContent()).toContain("1 keer gebruikt");
    expect(await approvedRow.textContent()).toContain("door marieke");
    expect(await approvedRow.textContent()).toContain("Herinneringen mogen vandaag.");
  });

  it("denies a request, and works at phone width", async () => {
    const prompt = `Mail ${NAME} dat de offerte verlopen is.`;
    const held = await agent(prompt);
    const id = held.headers.get("x-poortwachter-approval") as string;
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(`${app.url}/approvals`);
    await page.getByRole("heading", { level: 2, name: "Goedkeuringen" }).waitFor();
    const deny = page.getByRole("button", { name: `Afwijzen: verzoek van sanne (${id})` });
    await deny.waitFor();
    await page.waitForLoadState("networkidle");
    expect(await sidewaysOverflow(page)).toBe(0);
    await screenshot(page, "approvals-phone");
    await deny.click();
    const dialog = page.getByRole("dialog", { name: "Verzoek afwijzen" });
    await dialog.getByRole("button", { name: "Afwijzen" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("Er wachten geen verzoeken op goedkeuring.").waitFor();

    const retry = await agent(prompt, id);
    expect(retry.status).toBe(403);
    expect(((await retry.json()) as { error: { code: string } }).error.code).toBe("approval_denied");
    await page.setViewportSize(VIEWPORTS.laptop);
  });
});
