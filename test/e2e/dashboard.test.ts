import { readFileSync } from "node:fs";
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

const PAGES = [
  "/dashboard",
  "/governance/check",
  "/governance/tools",
  "/governance/catalogue",
  "/governance/register",
  "/governance/shadow-ai",
  "/governance/incidents",
  "/governance/contacts",
  "/governance/training",
  "/governance/policy",
  "/governance/disclosure",
];

describe.skipIf(!browserAvailable)("owner's dashboard and governance pages in the browser", () => {
  let app: App;
  let browser: Browser;
  let owner: Required<Credentials>;
  let page: Page;
  let phone: Page;
  let memberPage: Page;
  const cspViolations: string[] = [];

  async function newPage(viewport: { width: number; height: number } = VIEWPORTS.laptop): Promise<Page> {
    // A Dutch owner's browser (navigator.language and Accept-Language nl-NL).
    const context = await browser.newContext({ viewport, acceptDownloads: true, locale: "nl-NL" });
    const created = await context.newPage();
    // Fail on the locator that is missing, well before the test's own time limit.
    created.setDefaultTimeout(15_000);
    created.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return created;
  }

  /** Waits for a download the click starts and returns its name and bytes. */
  async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent("download"), click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await newPage();
    owner = await setupOwner(page, app, { name: "marieke", displayName: "Marieke de Boer" });
    // Every browser context loads the app once now: in a shared working tree another test run
    // may rebuild dist/web meanwhile, and a context that already has the bundle keeps working.
    phone = await newPage(VIEWPORTS.phone);
    memberPage = await newPage();
    for (const other of [phone, memberPage]) {
      await other.goto(`${app.url}/login`);
      await other.getByLabel("Accountnaam").waitFor();
    }
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  }, 60_000);

  it("shows the owner the home with the score, the next steps and the gateway line", async () => {
    await page.goto(`${app.url}/dashboard`);
    await page.getByRole("heading", { name: "Overzicht", level: 2 }).waitFor();
    await page.getByText(/van 12 regels voldaan/).waitFor();
    const next = page.getByRole("region", { name: "Volgende stappen" });
    // Three steps, each a link to the page that takes it; rule 1 first (the inventory).
    const links = next.getByRole("link");
    expect(await links.count()).toBe(3);
    expect(await links.first().getAttribute("href")).toBe("/governance/tools");
    await page.getByText(/Gateway actief met 3 aanbieder/).waitFor();
    await page.getByText("Er wacht niets op goedkeuring.").waitFor();
    await screenshot(page, "dashboard-home");

    await login(phone, app, owner, "/dashboard");
    await phone.getByText(/van 12 regels voldaan/).waitFor();
    // Nothing may stick out sideways at phone width.
    expect(await sidewaysOverflow(phone)).toBe(0);
    await screenshot(phone, "dashboard-home-phone");
  }, 60_000);

  it("reports an incident and shows the live 72-hour countdown", async () => {
    await page.goto(`${app.url}/governance/incidents`);
    // By keyboard: Enter opens the form with the focus inside it, Escape closes it and gives the
    // focus back to the button, as a person without a mouse expects.
    const report = page.getByRole("button", { name: "Incident melden" });
    await report.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => report.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await dialog.getByLabel("Titel").fill("Klantenlijst naar verkeerde ontvanger gemaild");
    await dialog
      .getByLabel("Wat is er gebeurd")
      .fill("Een medewerker mailde een klantenlijst naar een verkeerd adres.");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    const countdown = page.locator("[data-countdown]").first();
    await countdown.waitFor();
    const first = await countdown.textContent();
    expect(first).toMatch(/^Nog 2 d 23:5\d:\d\d om te melden$/);
    // It counts down in the browser, without a reload.
    await page.waitForFunction((before) => document.querySelector("[data-countdown]")?.textContent !== before, first, {
      timeout: 5000,
    });
    await screenshot(page, "incidents");

    await page.goto(`${app.url}/dashboard`);
    await page
      .getByRole("region", { name: "Open incidenten" })
      .getByText("Klantenlijst naar verkeerde ontvanger gemaild")
      .waitFor();
    expect(await page.locator("[data-countdown]").first().textContent()).toMatch(/^Nog 2 d 23:5\d:\d\d om te melden$/);
  }, 60_000);

  it("closes an incident only with measures and a decision, as GDPR art. 33(5) asks", async () => {
    await page.goto(`${app.url}/governance/incidents`);
    await page.getByRole("button", { name: "Afsluiten" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.getByText(/Sluit een incident pas af met maatregelen en een meldbesluit/).waitFor();
    await dialog.getByLabel("Genomen maatregelen").fill("Ontvanger gevraagd de mail te verwijderen; bevestigd.");
    await dialog.getByRole("combobox", { name: /^Besluit over melden/ }).click();
    await page.getByRole("option", { name: "niet melden" }).click();
    await dialog
      .getByLabel("Motivering van het besluit")
      .fill("Eén ontvanger, mail aantoonbaar verwijderd: geen risico.");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("afgesloten", { exact: true }).waitFor();
    await page.goto(`${app.url}/dashboard`);
    await page.getByText("Geen open incidenten.").waitFor();
  }, 60_000);

  it("adds a tool from the catalogue, shows the tier warning and approves it", async () => {
    await page.goto(`${app.url}/governance/tools`);
    await page.getByRole("button", { name: "Hulpmiddel toevoegen" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("combobox", { name: "Hulpmiddel uit de catalogus" }).fill("ChatGPT Free");
    await page.getByRole("option", { name: /ChatGPT Free \(OpenAI\)/ }).click();
    await dialog.getByRole("checkbox", { name: "klantgegevens", exact: true }).check();
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    const card = page.getByRole("region", { name: /ChatGPT Free/ });
    await card.getByText("aangevraagd", { exact: true }).waitFor();
    await card.getByText("Deze versie past niet bij de gegevens").waitFor();
    await card.getByRole("button", { name: "Goedkeuren" }).click();
    await card.getByText("goedgekeurd", { exact: true }).first().waitFor();
    await card.getByText(/Goedgekeurd door Marieke de Boer/i).waitFor();
    await screenshot(page, "tools");

    // With a free tool on customer data, rule 1 is broken: the check says so.
    await page.goto(`${app.url}/governance/check`);
    const rule1 = page.getByRole("region", { name: /^1\. Geen klantgegevens in gratis tools/ });
    await rule1.getByText("niet", { exact: true }).waitFor();
    await rule1.getByText(/Stop met klantgegevens in ChatGPT Free/).waitFor();
    expect(await page.getByRole("region", { name: /^\d+\. / }).count()).toBe(12);
    await screenshot(page, "check");
  }, 60_000);

  it("edits a tool: a signed DPA needs its date", async () => {
    await page.goto(`${app.url}/governance/tools`);
    const card = page.getByRole("region", { name: /ChatGPT Free/ });
    const edit = card.getByRole("button", { name: "Bewerken" });
    const dialog = page.getByRole("dialog");
    // This dialog exists only while open: Escape still gives the focus back to "Bewerken".
    await edit.focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => edit.evaluate((button) => button === document.activeElement)).toBe(true);
    await edit.click();
    await dialog.getByLabel("Tweestapsverificatie verplicht").check({ force: true });
    await dialog.getByLabel("Verwerkersovereenkomst getekend").check({ force: true });
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.getByText(/Vul de datum van de verwerkersovereenkomst in/).waitFor();
    // Dates are typed the Dutch way whatever the browser's language (this Chromium runs in English).
    await dialog.getByLabel("Getekend op").fill("2-11-2026");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    await edit.click();
    expect(await dialog.getByLabel("Getekend op").inputValue()).toBe("02-11-2026");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    // Rule 3 (2FA on every AI tool) is met now that the only tool enforces it.
    await page.goto(`${app.url}/governance/check`);
    const rule3 = page.getByRole("region", { name: /^3\. Tweestapsverificatie/ });
    await rule3.getByText("voldaan", { exact: true }).waitFor();
  }, 60_000);

  it("shows validation errors at the field", async () => {
    await page.goto(`${app.url}/governance/contacts`);
    await page.getByRole("button", { name: "Contactpersoon toevoegen" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Naam/).fill("Joost Verhagen");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    // No phone, e-mail or website: the server's message appears under the phone field.
    await dialog.getByText(/Geef minstens een telefoonnummer, e-mailadres of website/).waitFor();
    await dialog.getByLabel("Telefoon").fill("020 123 4567");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("cell", { name: "Joost Verhagen", exact: true }).waitFor();
  }, 60_000);

  it("fills in the policy, previews it and downloads the PDF", async () => {
    await page.goto(`${app.url}/governance/policy`);
    const organisation = page.getByRole("region", { name: "Organisatie" });
    await organisation.getByLabel("Bedrijfsnaam").fill("Bakkerij Zonneveld");
    await organisation.getByRole("button", { name: "Organisatie opslaan" }).click();
    const choices = page.getByRole("region", { name: "Keuzes voor het beleid" });
    await choices.getByLabel("Bedrijfsnaam in het beleid").fill("Bakkerij Zonneveld");
    await choices.getByLabel("Waar staat het AI-register").fill("Gedeelde map Beleid/AI-register");
    await choices.getByLabel(/^Verantwoordelijke/).fill("Marieke de Boer");
    await choices.getByLabel("Aanspreekpunt bij twijfel").fill("Joost Verhagen");
    await choices.getByRole("button", { name: "Keuzes opslaan" }).click();
    const preview = page.frameLocator("iframe[title='Voorbeeld van het beleid']");
    await preview.getByText("Bakkerij Zonneveld").first().waitFor();
    await screenshot(page, "policy");

    const pdf = await download(() => page.getByRole("button", { name: "PDF (Nederlands)" }).click());
    expect(pdf.name).toBe("ai-beleid.pdf");
    expect(pdf.bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const markdown = await download(() => page.getByRole("button", { name: "Markdown (Engels)" }).click());
    expect(markdown.name).toBe("ai-policy.md");
    expect(markdown.bytes.toString("utf8")).toContain("Bakkerij Zonneveld");
  }, 60_000);

  it("offers the disclosure texts with the company's name, ready to copy", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    await page.goto(`${app.url}/governance/disclosure`);
    await page.getByLabel("Naam van de assistent").fill("Sam");
    const greeting = page.getByRole("region", { name: "Begroeting van de chatbot" });
    await greeting.getByText(/Sam/).first().waitFor();
    await greeting
      .getByText(/Bakkerij Zonneveld/)
      .first()
      .waitFor();
    await greeting.getByRole("button", { name: "Kopiëren (NL)" }).click();
    await greeting.getByRole("button", { name: "Gekopieerd" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("Bakkerij Zonneveld");
    expect(copied).toContain("Sam");
  }, 60_000);

  it("keeps the AI register and exports it as CSV", async () => {
    await page.goto(`${app.url}/governance/register`);
    await page.getByRole("button", { name: "Systeem toevoegen" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("AI-systeem").fill("Klantenservice-chatbot");
    await dialog.getByLabel("Aanbieder").fill("OpenAI");
    await dialog.getByLabel("Doel").fill("Beantwoordt vragen over levertijden");
    await dialog.getByLabel("Verantwoordelijke").fill("Marieke de Boer");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("cell", { name: "Klantenservice-chatbot", exact: true }).waitFor();
    await screenshot(page, "register");

    const csv = await download(() => page.getByRole("button", { name: "Exporteren (CSV)" }).click());
    expect(csv.name).toMatch(/^ai-register-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = csv.bytes.toString("utf8");
    expect(text.split(/\r?\n/)[0]).toMatch(/^id,system,purpose/);
    expect(text).toContain("Klantenservice-chatbot");
  }, 60_000);

  it("imports a DNS log and adds an unregistered AI service to the inventory", async () => {
    await page.goto(`${app.url}/governance/shadow-ai`);
    const log = ["claude.ai", "claude.ai", "www.example.org", "chatgpt.com", "api.deepl.com"].join("\n");
    await page.locator("input[type=file]").setInputFiles({
      name: "domeinen.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(`${log}\n`),
    });
    await page.getByRole("button", { name: "Importeren" }).click();
    await page.getByText(/AI-diensten gevonden/).waitFor();
    const row = page.getByRole("row", { name: /Claude/ });
    await row.getByText("niet geregistreerd").waitFor();
    await screenshot(page, "shadow-ai");
    await row.getByRole("button", { name: "Toevoegen aan inventaris" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    await row.getByText("in de inventaris").waitFor();
    expect(cspViolations).toEqual([]);
  }, 60_000);

  it("searches the catalogue and adds the business's own entry", async () => {
    await page.goto(`${app.url}/governance/catalogue`);
    await page.getByRole("searchbox", { name: "Zoeken" }).fill("Mistral");
    await page
      .getByRole("article", { name: /Le Chat/ })
      .first()
      .waitFor();
    await expect.poll(() => page.getByRole("article", { name: /ChatGPT/ }).count()).toBe(0);
    await screenshot(page, "catalogue");

    await page.getByRole("button", { name: "Eigen hulpmiddel toevoegen" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Id/).fill("vertaalbureau-ai");
    await dialog.getByLabel(/^Leverancier/).fill("Vertaalbureau Noord");
    await dialog.getByLabel(/^Product/).fill("Noord Vertaal AI");
    await dialog.getByLabel(/^Abonnement/).fill("Zakelijk");
    await dialog.getByLabel(/^Prijsindicatie/).fill("€ 20 per maand");
    const sources = dialog.getByLabel(/^Bronnen/);
    await sources.fill("geen-url");
    await sources.press("Enter");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    // The server's message about the bad address appears under the sources field.
    await dialog.getByText(/Geef een geldige http\(s\)-URL/).waitFor();
    await sources.press("Backspace");
    await sources.fill("https://vertaalbureau-noord.example/voorwaarden");
    await sources.press("Enter");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("searchbox", { name: "Zoeken" }).fill("Noord");
    const own = page.getByRole("article", { name: /Noord Vertaal AI/ });
    await own.getByText("eigen", { exact: true }).waitFor();
  }, 60_000);

  it("speaks English when the owner switches language", async () => {
    await page.goto(`${app.url}/governance/check`);
    await page.getByRole("heading", { name: "AI-check: de 12 regels" }).waitFor();
    await page.locator("label", { hasText: /^EN$/ }).click();
    await page.getByRole("heading", { name: "AI check: the 12 rules" }).waitFor();
    await page.getByRole("region", { name: /^1\. No customer data in free tools/ }).waitFor();
    await page.locator("label", { hasText: /^NL$/ }).click();
    await page.getByRole("heading", { name: "AI-check: de 12 regels" }).waitFor();
  }, 60_000);

  it("passes axe's WCAG 2 A/AA checks (contrast included) on every page, with no untranslated keys", async () => {
    const problems: string[] = [];
    for (const path of PAGES) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole("heading", { level: 2 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      problems.push(...(await accessibilityProblems(page)).map((p) => `${path} ${p}`));
      problems.push(...(await rawTranslationKeys(page, ["dashboard"])).map((p) => `${path} untranslated: ${p}`));
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("fits a phone screen on every page (wide tables scroll inside their box)", async () => {
    const overflowing: string[] = [];
    for (const path of PAGES) {
      await phone.goto(`${app.url}${path}`);
      await phone.getByRole("heading", { level: 2 }).first().waitFor();
      await phone.waitForLoadState("networkidle");
      const overflow = await sidewaysOverflow(phone);
      if (overflow > 0) overflowing.push(`${path}: ${overflow}px`);
    }
    expect(overflowing).toEqual([]);
  }, 120_000);

  it("lets a member read the policy and ask for a tool, not open the dashboard", async () => {
    const member = await createMember(app, owner, { name: "ruud", displayName: "Ruud Kamphuis" });
    await login(memberPage, app, member, "/governance/tools");
    await memberPage.getByRole("button", { name: "Hulpmiddel aanvragen" }).click();
    const dialog = memberPage.getByRole("dialog");
    await dialog.getByRole("combobox", { name: "Hulpmiddel uit de catalogus" }).fill("DeepL Pro");
    await memberPage
      .getByRole("option", { name: /DeepL Pro/ })
      .first()
      .click();
    await dialog.getByLabel("Waarom wilt u dit hulpmiddel gebruiken?").fill("Voor vertalingen van de website");
    await dialog.getByRole("button", { name: "Aanvraag versturen" }).click();
    await dialog.waitFor({ state: "hidden" });
    const card = memberPage.getByRole("region", { name: /DeepL Pro/ });
    await card.getByText(/Aangevraagd door Ruud Kamphuis/).waitFor();
    expect(await card.getByRole("button", { name: "Goedkeuren" }).count()).toBe(0);
    await memberPage.goto(`${app.url}/governance/policy`);
    await memberPage.frameLocator("iframe").getByText("Bakkerij Zonneveld").first().waitFor();
    await memberPage.goto(`${app.url}/dashboard`);
    await memberPage.getByText("Geen toegang").waitFor();
    await memberPage.context().close();

    // The owner sees the request waiting on the home page.
    await page.goto(`${app.url}/dashboard`);
    await page
      .getByRole("region", { name: "Wachten op goedkeuring" })
      .getByText(/DeepL Pro/)
      .waitFor();
  });
});
