/**
 * The approvals page in Chromium, on a full instance with `toolCalls: require-approval`: a
 * member's tool request on customer data is held, the owner sees it (without the customer data)
 * and approves it, the member's retry with the approval id goes through; a second one is denied.
 * In the team chat, a held message is explained in plain words with its live status and is sent
 * again, approval attached, once the owner approved it.
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
import { apiSession, type Credentials, createMember, login, setupOwner } from "./session-helpers.js";

const NAME = "Pieter van Dijk";
const EMAIL = "pieter.vandijk@voorbeeld.nl";

describe.skipIf(!browserAvailable)("approvals in the browser", () => {
  let app: App;
  let browser: Browser;
  let owner: Required<Credentials>;
  let page: Page;
  let memberKey: string;
  let member: Credentials;

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
    member = await createMember(app, owner, { name: "sanne", displayName: "Sanne Jansen", team: "verkoop" });
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

  it("explains a held chat message in plain words, shows its status live and sends it again once approved", async () => {
    // The chat sends no tools of its own, so the policy does not hold its messages today. The
    // held request is a real one of this member (an agent with a tool); the chat's first answer
    // is the refusal the chat API sends for it, so what the page does with it is tested for real:
    // the status comes from the server, the owner approves, and the retry goes through the gateway.
    const held = await agent(`Stuur ${NAME} (${EMAIL}) de offerte van vandaag.`);
    const id = held.headers.get("x-poortwachter-approval") as string;
    expect(id).toMatch(/^apr_/);
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: "nl-NL" });
    const chat = await context.newPage();
    chat.setDefaultTimeout(10_000);
    await login(chat, app, member, "/chat");
    await chat.getByRole("heading", { name: "Veilig chatten", level: 2 }).waitFor();

    const sent: Array<Record<string, unknown>> = [];
    await chat.route("**/api/app/chat/conversations/*/messages", async (route) => {
      sent.push(route.request().postDataJSON() as Record<string, unknown>);
      if (sent.length > 1) return route.continue();
      const refusal = {
        status: 403,
        code: "approval_required",
        message: "",
        decision: "block",
        entities: { PERSON: 1, EMAIL: 1 },
        approval: { id, status: "pending" },
      };
      return route.fulfill({
        status: 200,
        headers: { "content-type": "text/event-stream" },
        body: `event: refusal\ndata: ${JSON.stringify(refusal)}\n\n`,
      });
    });

    const text = `Stuur ${NAME} (${EMAIL}) de offerte van vandaag.`;
    await chat.getByLabel("Je bericht", { exact: true }).fill(text);
    await chat.getByRole("button", { name: "Controleren en versturen" }).click();
    await chat.getByRole("button", { name: "Versturen", exact: true }).click();
    const notice = chat.getByTestId("approval");
    await notice.getByText("Wacht op goedkeuring van een beheerder").waitFor();
    const noticeText = (await notice.textContent()) ?? "";
    expect(noticeText).toContain("moet een beheerder dat eerst goedkeuren");
    expect(noticeText).toContain("Wacht op beheerder");
    expect(noticeText).toContain(id);
    // Nothing about headers or the CLI: that is for API clients.
    expect(noticeText).not.toMatch(/header|x-poortwachter|poortwachter approvals/i);
    expect(await chat.getByRole("button", { name: "Opnieuw versturen" }).count()).toBe(0);
    // The message stays in the composer, ready to go again.
    expect(await chat.getByLabel("Je bericht", { exact: true }).inputValue()).toBe(text);
    await chat.waitForLoadState("networkidle");
    await screenshot(chat, "chat-approval-pending");
    expect(await accessibilityProblems(chat)).toEqual([]);
    expect(await rawTranslationKeys(chat, ["chat"])).toEqual([]);

    const admin = await apiSession(app, owner);
    await admin.post(`/api/app/approvals/${id}/approve`, { note: "Akkoord voor deze offerte." });
    // The page asks the server for the status while it waits; the button refreshes at once.
    await notice.getByRole("button", { name: "Status vernieuwen" }).click();
    await notice.getByText("Goedgekeurd: je kunt je bericht nu versturen").waitFor();
    expect(await notice.textContent()).toContain("Akkoord voor deze offerte.");

    app.upstream.reply({ text: "De offerte is onderweg naar [PERSOON_1]." });
    const before = app.upstream.requests.length;
    await notice.getByRole("button", { name: "Opnieuw versturen" }).click();
    await chat.getByTestId("assistant-message").getByText(`De offerte is onderweg naar ${NAME}.`).waitFor();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ text, approval: id });
    expect(await notice.count()).toBe(0);
    expect(await chat.getByLabel("Je bericht", { exact: true }).inputValue()).toBe("");
    const upstream = app.upstream.requests.slice(before);
    expect(upstream).toHaveLength(1);
    expect(upstream[0]?.bodyText).not.toContain(NAME);
    await context.close();
  });
});
