import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, browserAvailable, launchBrowser, startApp, VIEWPORTS } from "./harness.js";
import {
  accessibilityProblems,
  rawTranslationKeys,
  topScreenshot as screenshot,
  sidewaysOverflow,
} from "./page-checks.js";
import { type Credentials, createMember, login, setupOwner } from "./session-helpers.js";

describe.skipIf(!browserAvailable)("team chat and anonymise page in the browser", () => {
  let app: App;
  let browser: Browser;
  let member: Credentials;
  let page: Page;

  async function newPage(viewport: { width: number; height: number } = VIEWPORTS.laptop): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const created = await context.newPage();
    created.setDefaultTimeout(10_000);
    return created;
  }

  function chatCompletions() {
    return app.upstream.requests.filter((r) => r.path.endsWith("/chat/completions"));
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const ownerPage = await newPage();
    const owner = await setupOwner(ownerPage, app, { name: "marieke", displayName: "Marieke de Boer" });
    await ownerPage.context().close();
    member = await createMember(app, owner, { name: "sanne", displayName: "Sanne Visser" });
    page = await newPage();
    await login(page, app, member, "/chat");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a member chats through the gateway: live highlight, review, restored answer, what the AI saw", async () => {
    await page.getByRole("heading", { name: "Veilig chatten", level: 2 }).waitFor();
    const composer = page.getByLabel("Je bericht", { exact: true });
    await composer.fill("Schrijf een bedankmail aan Pieter de Groot voor zijn bestelling van vorige week.");
    // Detected in the browser while typing, before anything is sent.
    const mark = page.getByTestId("live-highlight").locator('mark[data-type="PERSON"]');
    await mark.waitFor();
    expect(await mark.textContent()).toContain("Pieter de Groot");
    expect(chatCompletions()).toHaveLength(0);

    await page.getByRole("button", { name: "Controleren en versturen" }).click();
    const review = page.getByTestId("review-table");
    await review.getByRole("cell", { name: "Pieter de Groot", exact: true }).waitFor();
    await review.getByRole("switch", { name: "Pieter de Groot is niet persoonlijk" }).waitFor();
    await review.getByText(/PERSOON/).waitFor();
    await screenshot(page, "chat-review");

    app.upstream.reply({ text: ["Beste [PERS", "OON_1],\n\nHartelijk dank voor je bestelling!"] });
    await page.getByRole("button", { name: "Versturen", exact: true }).click();
    const answer = page.getByTestId("assistant-message").last();
    await answer.getByText(/Beste Pieter de Groot,/).waitFor();
    const sent = chatCompletions();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.bodyText).not.toContain("Pieter");
    expect(sent[0]?.bodyText).toContain("[PERSOON_1]");

    // With the keyboard, as a person without a mouse would.
    await answer.getByRole("switch", { name: "Wat zag de AI-dienst?" }).focus();
    await page.keyboard.press("Space");
    const seen = answer.getByTestId("seen");
    await seen.waitFor();
    expect(await seen.textContent()).toContain("[PERSOON_1]");
    expect(await seen.textContent()).toContain("Beste [PERSOON_1],");
    // The conversation is listed under its first line.
    await page
      .getByRole("navigation", { name: "Gesprekken" })
      .getByText(/Schrijf een bedankmail/)
      .waitFor();
    await screenshot(page, "chat");
    // The whole page with an answer and "what the AI saw" open: WCAG 2 A/AA, contrast included.
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await rawTranslationKeys(page, ["chat"])).toEqual([]);
  });

  it("sends the review's corrections: a name marked not personal stays, an added value is replaced", async () => {
    await page.getByLabel("Je bericht", { exact: true }).fill("Vraag Pieter de Groot of project Zonnebloem doorgaat.");
    await page.getByRole("button", { name: "Controleren en versturen" }).click();
    const review = page.getByTestId("review-table");
    await review.getByRole("cell", { name: "Pieter de Groot", exact: true }).waitFor();
    await review.getByRole("switch", { name: "Pieter de Groot is niet persoonlijk" }).focus();
    await page.keyboard.press("Space");
    await review.getByText("blijft staan").waitFor();
    await page.getByLabel("Iets gemist? Voeg toe").fill("Zonnebloem");
    await page.getByRole("combobox", { name: "Soort gegeven" }).click();
    await page.getByRole("option", { name: "Organisatie" }).click();
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await review.getByRole("cell", { name: "Zonnebloem", exact: true }).waitFor();

    const before = chatCompletions().length;
    app.upstream.reply({ text: "Ik vraag het na bij [ORGANISATIE_1]." });
    await page.getByRole("button", { name: "Versturen", exact: true }).click();
    await page.getByTestId("assistant-message").last().getByText("Ik vraag het na bij Zonnebloem.").waitFor();
    const sent = chatCompletions()[before]?.bodyText ?? "";
    // The new message went with the name as typed and the project as a placeholder.
    const last = JSON.parse(sent).messages.at(-1).content as string;
    expect(last).toContain("Pieter de Groot");
    expect(last).not.toContain("Zonnebloem");
    expect(last).toContain("[ORGANISATIE_1]");
  });

  it("blocks a message with a BSN and shows the reason; nothing reaches the AI service", async () => {
    const before = chatCompletions().length;
    await page
      .getByLabel("Je bericht", { exact: true })
      .fill("Kun je controleren of BSN 111222333 bij mevrouw Jansen hoort?");
    await page.getByRole("button", { name: "Controleren en versturen" }).click();
    await page.getByText("Dit bericht wordt niet verstuurd").waitFor();
    // The BSN cannot be switched to "not personal".
    await page.getByText("Kan niet: gaat nooit naar een AI-dienst").first().waitFor();
    await page.getByRole("button", { name: "Versturen", exact: true }).click();
    const refusal = page.getByTestId("refusal");
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/BSN/);
    expect(await refusal.textContent()).toContain("Er is niets naar de AI-dienst gestuurd");
    expect(chatCompletions()).toHaveLength(before);
    await screenshot(page, "chat-blocked");
    // The review with a refused value and the refusal itself, in colours that pass AA.
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it("works at phone width", async () => {
    const phone = await newPage(VIEWPORTS.phone);
    await login(phone, app, member, "/chat");
    await phone
      .getByRole("navigation", { name: "Gesprekken" })
      .getByText(/Schrijf een bedankmail/)
      .click();
    await phone.getByText(/Beste Pieter de Groot,/).waitFor();
    expect(await sidewaysOverflow(phone)).toBe(0);
    await screenshot(phone, "chat-phone");
    await phone.context().close();
  });

  it("anonymises a text in the browser and restores the AI's answer", async () => {
    await page.goto(`${app.url}/anonymise`);
    await page.getByRole("heading", { name: "Document anonimiseren", level: 2 }).waitFor();
    await page
      .getByTestId("mapping-note")
      .getByText(/sluit je het tabblad, dan ben je haar kwijt/)
      .waitFor();
    const requestsBefore = app.upstream.requests.length;
    await page.getByLabel("Tekst om te anonimiseren").fill("Bel Jan Jansen op 06-12345678 over de offerte.");
    await page.getByRole("button", { name: "Anonimiseren" }).click();
    const anonymised = page.getByTestId("anonymised");
    await anonymised.waitFor();
    const text = await anonymised.inputValue();
    expect(text).toContain("[PERSOON_1]");
    expect(text).toContain("[TELEFOON_1]");
    expect(text).not.toContain("Jansen");
    await page.getByLabel("Antwoord van de AI-tool").fill("Ik bel [PERSOON_1] morgen op [TELEFOON_1].");
    await page.getByRole("button", { name: "Gegevens terugzetten" }).click();
    expect(await page.getByTestId("restored").inputValue()).toBe("Ik bel Jan Jansen morgen op 06-12345678.");
    expect(app.upstream.requests.length).toBe(requestsBefore);
    await screenshot(page, "anonymise");
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await rawTranslationKeys(page, ["chat"])).toEqual([]);

    // An e-mail file: its text is read on the server (nothing kept) and lands in the text field.
    const eml =
      "From: Karin Smit <karin@smit.nl>\r\nSubject: Klacht\r\nContent-Type: text/plain\r\n\r\nMijn bestelling is niet aangekomen.\r\n";
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Bestand kiezen" }).click(),
    ]);
    await chooser.setFiles({ name: "klacht.eml", mimeType: "message/rfc822", buffer: Buffer.from(eml) });
    await expect.poll(() => page.getByLabel("Tekst om te anonimiseren").inputValue()).toContain("Karin Smit");
  });

  it("renames and deletes a conversation", async () => {
    await page.goto(`${app.url}/chat`);
    const list = page.getByRole("navigation", { name: "Gesprekken" });
    // By keyboard: Escape closes the rename dialog and the focus returns to the pencil button.
    const rename = list.getByRole("button", { name: /^Naam wijzigen van Schrijf een bedankmail/ });
    await rename.focus();
    await page.keyboard.press("Enter");
    const name = page.getByLabel("Naam", { exact: true });
    await name.waitFor();
    await page.keyboard.press("Escape");
    await name.waitFor({ state: "hidden" });
    await expect.poll(() => rename.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await name.fill("Bedankmail Pieter");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await list.getByText("Bedankmail Pieter").waitFor();

    // Deleting asks first in the app's own dialog, not the browser's window.confirm.
    const browserDialogs: string[] = [];
    page.on("dialog", (dialog) => {
      browserDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const remove = list.getByRole("button", { name: "Bedankmail Pieter verwijderen" });
    await remove.click();
    const confirm = page.getByRole("dialog", { name: "Gesprek verwijderen" });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("„Bedankmail Pieter”");
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await rawTranslationKeys(page, ["chat"])).toEqual([]);
    await screenshot(page, "chat-delete-confirm");

    // Annuleren keeps the conversation, on the server too, and gives the focus back.
    await confirm.getByRole("button", { name: "Annuleren" }).click();
    await confirm.waitFor({ state: "hidden" });
    await expect.poll(() => remove.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.reload();
    await list.getByText("Bedankmail Pieter").waitFor();

    // Verwijderen removes it, and it stays gone after a reload.
    await remove.click();
    await confirm.getByRole("button", { name: "Verwijderen" }).click();
    await list.getByText("Nog geen gesprekken.").waitFor();
    await expect.poll(() => confirm.count()).toBe(0);
    await page.reload();
    await list.getByText("Nog geen gesprekken.").waitFor();
    expect(browserDialogs).toEqual([]);
  });
});
