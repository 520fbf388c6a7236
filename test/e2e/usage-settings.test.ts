/**
 * The usage page and the settings pages in Chromium, on a full instance with a mock upstream:
 * requests through the gateway show up in the charts and tables with the right totals, a customer
 * list uploaded in the browser is used by the very next gateway request, and a budget set in the
 * browser refuses the next request.
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

describe.skipIf(!browserAvailable)("usage and settings in the browser", () => {
  let app: App;
  let browser: Browser;
  let owner: Required<Credentials>;
  // One page, logged in once: every login spends a TOTP step, and the server accepts each step once.
  let page: Page;
  let memberKey: string;

  async function open(path: string, heading: string): Promise<void> {
    await page.goto(`${app.url}${path}`);
    await page.getByRole("heading", { level: 2, name: heading }).waitFor();
  }

  async function usageTotal(): Promise<number> {
    return page.evaluate(async () => {
      const response = await fetch("/api/app/usage/summary");
      return ((await response.json()) as { totals: { requests: number } }).totals.requests;
    });
  }

  function chat(text: string): Promise<Response> {
    return fetch(`${app.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${memberKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4.1", messages: [{ role: "user", content: text }] }),
    });
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: "nl-NL" });
    page = await context.newPage();
    owner = await setupOwner(page, app, { name: "marieke", displayName: "Marieke de Boer" });
    const member = await createMember(app, owner, { name: "sanne", displayName: "Sanne Jansen", team: "verkoop" });
    const memberApi = await apiSession(app, member);
    const created = (await (
      await memberApi.request("/api/app/auth/keys", { method: "POST", body: { label: "e2e", expiresInDays: null } })
    ).json()) as { key: string };
    memberKey = created.key;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the requests that went through the gateway in charts and tables with the right totals", async () => {
    expect((await chat("Schrijf een korte tekst over de herfst.")).status).toBe(200);
    expect((await chat("Mail Jan de Vries via jan.devries@example.nl over de offerte.")).status).toBe(200);
    expect((await chat("Het BSN van de klant is 111222333.")).status).toBe(400);
    // The audit log is written in batches just after the responses.
    await expect.poll(usageTotal, { timeout: 10_000 }).toBe(3);

    await open("/usage", "Gebruik en kosten");
    await expect.poll(() => page.getByTestId("total-requests").textContent()).toBe("3");
    expect(await page.getByTestId("total-blocked").textContent()).toBe("1");
    expect(await page.getByTestId("total-rerouted").textContent()).toBe("0");
    // Dutch euro formatting.
    expect(await page.getByTestId("total-cost").textContent()).toMatch(/^€\s?\d+,\d{2,4}$/);
    // Every chart is drawn, and its numbers are in a table under it.
    expect(await page.locator(".recharts-surface").count()).toBeGreaterThanOrEqual(3);
    const requestRow = page.getByTestId("table-requests").locator("tbody tr").first();
    expect(await requestRow.locator("td").allTextContents()).toEqual([expect.any(String), "2", "0", "1"]);
    const entities = await page.getByTestId("table-entities").locator("tbody tr").allTextContents();
    expect(entities.join("|")).toContain("BSN1");
    expect(entities.join("|")).toContain("E-mailadres1");
    expect(await page.getByTestId("table-teams").locator("tbody tr").first().textContent()).toContain("verkoop");
    expect(await page.getByTestId("table-users").locator("tbody tr").first().textContent()).toContain("sanne");
    await screenshot(page, "usage");

    // The export buttons download the audit records of the period.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exporteer CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^poortwachter-gebruik-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);

    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByTestId("total-requests").scrollIntoViewIfNeeded();
    await screenshot(page, "usage-phone");
    await page.setViewportSize(VIEWPORTS.laptop);
  }, 60_000);

  it("shows providers with their tier, the policy table, and applies a team rule set in the browser", async () => {
    await open("/settings/providers", "AI-diensten en hun niveau");
    expect(await page.getByTestId("model-gpt-4.1").getByTestId("tier").textContent()).toBe(
      "Niveau 3: gevoelige gegevens",
    );
    expect(await page.getByTestId("model-llama3.1:8b").getByTestId("tier").textContent()).toBe(
      "Niveau 4: bijzondere gegevens",
    );
    expect(await page.content()).not.toContain("sk-upstream");
    await screenshot(page, "settings-providers");

    await open("/settings/policy", "Beleid per team");
    const special = page.getByTestId("policy-classes").locator("tbody tr").last();
    expect(await special.textContent()).toContain("llama3.1:8b");
    await page.getByTestId("team-verkoop").waitFor();
    await screenshot(page, "settings-policy");

    // A stricter rule for the member's team reroutes its next request to the local model.
    // By keyboard first: Escape closes the dialog and the focus returns to its button.
    const change = page.getByRole("button", { name: "Regels van team verkoop wijzigen" });
    await change.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => change.evaluate((button) => button === document.activeElement)).toBe(true);
    await change.click();
    await dialog.getByRole("combobox", { name: "Behandel elk verzoek minimaal als" }).click();
    await page.getByRole("option", { name: "Bijzondere persoonsgegevens" }).click();
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await page.getByTestId("team-verkoop").filter({ hasText: "Deze pagina" }).waitFor();
    const rerouted = await chat("Schrijf een korte tekst over de herfst.");
    expect(rerouted.headers.get("x-poortwachter-decision")).toBe("reroute");
    expect(rerouted.headers.get("x-poortwachter-model")).toBe("llama3.1:8b");

    await page.getByRole("button", { name: "Regels van team verkoop terugzetten" }).click();
    await page.getByTestId("team-verkoop").filter({ hasText: "Standaardregels" }).waitFor();
    expect((await chat("Schrijf een korte tekst over de herfst.")).headers.get("x-poortwachter-model")).toBe("gpt-4.1");
  }, 60_000);

  it("uploads a customer list in the browser; the next request has the customer replaced", async () => {
    // A customer written in lower case: nothing about it looks like a name to the built-in detector.
    const prompt = "Maak een offerte voor groenlinck, graag vandaag nog.";
    app.upstream.reset();
    expect((await chat(prompt)).status).toBe(200);
    expect(JSON.stringify(app.upstream.requests.at(-1)?.body)).toContain("groenlinck");

    await open("/settings/dictionary", "Klantenlijst");
    expect(await page.getByTestId("dictionary-count").textContent()).toBe("Er is nog geen klantenlijst geladen.");
    await page.locator('input[type="file"]').setInputFiles({
      name: "klanten.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("naam,bedrijf\nHenk Bloemkool,Groenlinck\n"),
    });
    await page.getByRole("button", { name: "Uploaden en toepassen" }).click();
    await page.getByTestId("dictionary-count").filter({ hasText: "2 namen in de lijst." }).waitFor();
    await screenshot(page, "settings-dictionary");

    expect((await chat(prompt)).status).toBe(200);
    const sent = JSON.stringify(app.upstream.requests.at(-1)?.body);
    expect(sent).not.toContain("groenlinck");
    expect(sent).toContain("[ORGANISATIE_1]");
  }, 60_000);

  it("passes axe-core's WCAG 2 A/AA checks on every page, fits a phone, and the period choice works by keyboard", async () => {
    const pages: [string, string][] = [
      ["/usage", "Gebruik en kosten"],
      ["/settings/providers", "AI-diensten en hun niveau"],
      ["/settings/policy", "Beleid per team"],
      ["/settings/budgets", "Budgetten"],
      ["/settings/dictionary", "Klantenlijst"],
      ["/settings/retention", "Bewaren en 2FA"],
    ];
    const problems: string[] = [];
    for (const [path, heading] of pages) {
      await open(path, heading);
      await page.locator("main section").first().waitFor();
      problems.push(...(await accessibilityProblems(page)).map((p) => `${path} ${p}`));
      problems.push(
        ...(await rawTranslationKeys(page, ["usage", "settings"])).map((p) => `${path} untranslated: ${p}`),
      );
    }
    expect(problems).toEqual([]);

    // At phone width nothing pushes the page sideways (wide tables scroll inside their own box).
    await page.setViewportSize(VIEWPORTS.phone);
    const overflowing: string[] = [];
    for (const [path, heading] of pages) {
      await open(path, heading);
      await page.locator("main section").first().waitFor();
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) overflowing.push(`${path}: ${overflow}px`);
    }
    await page.setViewportSize(VIEWPORTS.laptop);
    expect(overflowing).toEqual([]);

    await open("/usage", "Gebruik en kosten");
    await page.getByTestId("total-requests").waitFor();
    await page.getByRole("radio", { name: "Deze maand" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "Laatste 30 dagen" }).isChecked()).toBe(true);
  }, 90_000);

  it("sets a budget in the browser that refuses the member's next request", async () => {
    expect((await chat("Hallo!")).status).toBe(200);
    await open("/settings/budgets", "Budgetten");
    await page.getByRole("combobox", { name: "Voor", exact: true }).click();
    await page.getByRole("option", { name: "Gebruiker" }).click();
    await page.getByRole("combobox", { name: "Naam van de gebruiker" }).fill("sanne");
    await page.getByLabel("Stop per dag").fill("0,01");
    await page.getByRole("button", { name: "Budget opslaan" }).click();
    const row = page.getByTestId("budget-user-sanne");
    await row.waitFor();
    // Intl puts a no-break space between the euro sign and the amount.
    expect((await row.textContent())?.replace(/\s/g, " ")).toContain("stop bij € 0,01");
    await screenshot(page, "settings-budgets");

    const refused = await chat("Hallo!");
    expect(refused.status).toBe(402);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("€ 0,01");
  }, 60_000);
});
