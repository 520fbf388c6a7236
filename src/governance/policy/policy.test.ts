import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { PolicyChoices, type PolicyChoicesInput, ToolInUse } from "../model.js";
import {
  buildPolicy,
  generatePolicy,
  PolicyTooLongError,
  renderPolicyHtml,
  renderPolicyMarkdown,
  renderPolicyPdf,
  writtenDate,
} from "./index.js";

const choicesInput: PolicyChoicesInput = {
  companyName: "Schildersbedrijf De Kwast",
  tierChoice: "business",
  officialRouteUrl: "https://ai.dekwast.example/chat",
  responsible: { name: "Marieke Dijkstra", email: "marieke@dekwast.example" },
  doubtContact: { name: "Karim Bouzid", phone: "06 0000 0000" },
  registerLocation: "Teams > Kantoor > AI-register",
  effectiveDate: "2026-11-23",
  reviewDate: "2027-05-23",
  extraNotAllowed: ["Geen foto's van klantwoningen in AI-tools."],
};
const choices = PolicyChoices.parse(choicesInput);
const tools = [
  ToolInUse.parse({
    id: "m365",
    catalogueEntryId: "microsoft-365-copilot",
    dataCategories: ["customer", "sensitive"],
    tierInUse: "business",
    responsiblePerson: "Marieke Dijkstra",
    approval: { status: "approved", decidedBy: "Marieke Dijkstra", decidedOn: "2026-11-01" },
  }),
  ToolInUse.parse({
    id: "free",
    catalogueEntryId: "openai-chatgpt-free",
    dataCategories: ["public"],
    tierInUse: "consumer",
    responsiblePerson: "Marieke Dijkstra",
    approval: { status: "rejected", decidedBy: "Marieke Dijkstra", decidedOn: "2026-11-01" },
  }),
];

async function pdfFacts(buffer: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, " ") };
}

describe("policy content", () => {
  it("lists only approved tools with their data, plus the owner's choices", () => {
    const doc = buildPolicy(choices, tools, "nl");
    expect(doc.title).toBe("AI-beleid van Schildersbedrijf De Kwast");
    const text = JSON.stringify(doc);
    expect(text).toContain("Microsoft 365 Copilot Business / Enterprise add-on (zakelijk) — voor klantgegevens");
    expect(text).not.toContain("ChatGPT Free");
    expect(text).toContain("BSN, loonstroken, getekende contracten, klantlijsten, wachtwoorden, API-sleutels");
    expect(text).toContain("Karim Bouzid, 06 0000 0000");
    expect(text).toContain("Teams > Kantoor > AI-register");
    expect(text).toContain("Geen foto's van klantwoningen");
    expect(text).toContain("72 uur");
  });

  it("warns when nothing is approved yet", () => {
    const doc = buildPolicy(choices, [], "en");
    expect(doc.sections[1]?.bullets[0]).toMatch(/No tool approved yet/);
  });
});

describe("Markdown and HTML", () => {
  it("renders Markdown with escaped user text", () => {
    const doc = buildPolicy(PolicyChoices.parse({ ...choicesInput, companyName: "A*B [test]" }), tools, "nl");
    const md = renderPolicyMarkdown(doc);
    expect(md.startsWith("# AI-beleid van A\\*B \\[test\\]")).toBe(true);
    expect(md).toContain("## Dit mag niet");
  });

  it("renders self-contained HTML with A4 print CSS and escaping", () => {
    const doc = buildPolicy(PolicyChoices.parse({ ...choicesInput, companyName: "<script>x</script>" }), tools, "en");
    const page = renderPolicyHtml(doc);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("@page { size: A4");
    expect(page).toContain("&lt;script&gt;");
    expect(page).not.toContain("<script>");
    expect(page).not.toMatch(/<link|src=/);
  });
});

describe("PDF", () => {
  it("fits the Dutch policy on one A4 page with the key sentences", async () => {
    const buffer = (await generatePolicy(choices, tools, { format: "pdf", lang: "nl" })) as Buffer;
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text } = await pdfFacts(buffer);
    expect(pages).toBe(1);
    expect(text).toContain("AI-beleid van Schildersbedrijf De Kwast");
    expect(text).toContain("Dit mag niet");
    expect(text).toContain("Niet plakken, eerst vragen");
    expect(text).toContain("Teams > Kantoor > AI-register");
  });

  it("fits the English policy on one page, also with many extra rules", async () => {
    const busy = PolicyChoices.parse({
      ...choicesInput,
      extraAllowed: Array.from(
        { length: 6 },
        (_, i) => `Extra allowed rule number ${i + 1} with a little explanation.`,
      ),
      extraNotAllowed: Array.from({ length: 6 }, (_, i) => `Extra forbidden rule number ${i + 1} with some words.`),
    });
    const { pages, text } = await pdfFacts(await renderPolicyPdf(buildPolicy(busy, tools, "en")));
    expect(pages).toBe(1);
    expect(text).toContain("Never paste into a non-approved tool");
    expect(text).toContain("Extra forbidden rule number 6");
  });

  it("refuses a policy that cannot fit on one page", async () => {
    const huge = PolicyChoices.parse({
      ...choicesInput,
      extraNotAllowed: Array.from({ length: 90 }, (_, i) => `Regel ${i} ${"met heel veel tekst ".repeat(10)}`),
    });
    await expect(renderPolicyPdf(buildPolicy(huge, tools, "nl"))).rejects.toBeInstanceOf(PolicyTooLongError);
  });
});

describe("dates in the policy", () => {
  it("writes dates out for people to read, in the policy's language", () => {
    expect(writtenDate("2026-11-23", "nl")).toBe("23 november 2026");
    expect(writtenDate("2026-03-01", "en")).toBe("1 March 2026");
    expect(writtenDate("binnenkort", "nl")).toBe("binnenkort");
  });
});
