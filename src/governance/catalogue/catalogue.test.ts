import { describe, expect, it } from "vitest";
import { ToolInUse, type ToolInUseInput } from "../model.js";
import { checkToolUsage, createCatalogue, defaultCatalogue, isTierSufficient, minimumTierFor } from "./index.js";

const catalogue = defaultCatalogue();
const entry = (id: string) => {
  const e = catalogue.byId(id);
  if (!e) throw new Error(`missing catalogue entry ${id}`);
  return e;
};

describe("shipped catalogue", () => {
  it("validates and contains the entries issue 5 asks for", () => {
    const required = [
      "openai-chatgpt-free",
      "openai-chatgpt-plus",
      "openai-chatgpt-business",
      "openai-chatgpt-enterprise",
      "anthropic-claude-free",
      "anthropic-claude-pro",
      "anthropic-claude-max",
      "anthropic-claude-team",
      "anthropic-claude-enterprise",
      "google-gemini-app",
      "google-gemini-workspace",
      "microsoft-copilot-consumer",
      "microsoft-365-copilot",
      "mistral-le-chat-free",
      "mistral-le-chat-pro",
      "mistral-le-chat-team",
      "deepseek",
      "perplexity",
      "perplexity-enterprise",
      "deepl-free",
      "deepl-pro",
      "grammarly-individual",
      "notion-ai",
      "jasper",
      "apollo",
      "otter",
      "fireflies",
      "github-copilot-individual",
      "github-copilot-business",
      "github-copilot-enterprise",
      "ollama",
      "localai",
      "argos-translate",
      "confer",
    ];
    for (const id of required) expect(catalogue.byId(id), id).toBeDefined();
  });

  it("dates and sources every entry, and gives an opt-out path whenever a tool trains by default", () => {
    for (const e of catalogue.entries) {
      expect(e.checkedOn).toMatch(/^2026-11/);
      expect(e.sources.length).toBeGreaterThan(0);
      if (e.trainsOnDataByDefault && e.tier === "consumer") expect(e.trainingOptOut, e.id).not.toBeNull();
      if (e.confidence === "low") expect(e.note, `${e.id} needs a note saying what is unsure`).toBeTruthy();
    }
  });

  it("searches accent- and case-insensitively, with a tier filter", () => {
    expect(catalogue.search("chatgpt").length).toBeGreaterThanOrEqual(4);
    expect(catalogue.search("CLAUDE team").map((e) => e.id)).toEqual(["anthropic-claude-team"]);
    expect(catalogue.search("", { tier: "local" }).every((e) => e.tier === "local")).toBe(true);
  });

  it("adds the business's own entries and refuses duplicate ids", () => {
    const own = {
      id: "eigen-vertaalbot",
      vendor: "Eigen IT",
      product: "Vertaalbot",
      plan: "Intern",
      tier: "local" as const,
      trainsOnDataByDefault: false,
      trainingOptOut: null,
      contractualTrainingExclusion: false,
      euDataResidency: "on-premises" as const,
      dpa: { available: false },
      twoFactorAvailable: "n/a" as const,
      priceIndication: "Intern",
      sources: ["https://intranet.example.nl/vertaalbot"],
      checkedOn: "2026-11-02",
      confidence: "high" as const,
    };
    const c = createCatalogue([own]);
    expect(c.byId("eigen-vertaalbot")?.custom).toBe(true);
    expect(() => createCatalogue([{ ...own, id: "ollama" }])).toThrow(/ollama/);
    expect(() => createCatalogue([{ ...own, sources: [] }])).toThrow();
  });
});

describe("Layer-2 table", () => {
  it("describes the minimum per data category", () => {
    expect(minimumTierFor("public").tiers).toContain("consumer");
    expect(minimumTierFor("customer").tiers).not.toContain("consumer");
    expect(minimumTierFor("sensitive").euResidencyRequired).toBe(true);
    expect(minimumTierFor("special").sectorAuditAndDpiaRequired).toBe(true);
  });

  it("never allows consumer tools for customer data, and explains why in Dutch", () => {
    for (const e of catalogue.entries.filter((x) => x.tier === "consumer")) {
      const v = isTierSufficient(e, "customer");
      expect(v.sufficient, e.id).toBe(false);
      expect(v.problems[0]?.nl).toMatch(/consumentenversie/);
    }
  });

  it("asks for at least a paid plan for public content", () => {
    expect(isTierSufficient(entry("openai-chatgpt-free"), "public").sufficient).toBe(false);
    const plus = isTierSufficient(entry("openai-chatgpt-plus"), "public");
    expect(plus.sufficient).toBe(true);
    expect(plus.advice.map((a) => a.nl).join(" ")).toMatch(/training/);
  });

  it("requires EU residency and a DPA for sensitive data", () => {
    expect(isTierSufficient(entry("microsoft-365-copilot"), "sensitive").sufficient).toBe(true);
    const grammarly = isTierSufficient(entry("grammarly-business"), "sensitive");
    expect(grammarly.sufficient).toBe(false);
    expect(grammarly.problems[0]?.nl).toMatch(/EU/);
  });

  it("allows special categories on a local model, or on business with audit and DPIA as conditions", () => {
    expect(isTierSufficient(entry("ollama"), "special")).toMatchObject({ sufficient: true, conditions: [] });
    const m365 = isTierSufficient(entry("microsoft-365-copilot"), "special");
    expect(m365.sufficient).toBe(true);
    expect(m365.conditions.map((c) => c.en).join(" ")).toMatch(/DPIA/);
    expect(isTierSufficient(entry("confer"), "special").sufficient).toBe(false);
  });
});

describe("checkToolUsage", () => {
  const tool = (over: Partial<ToolInUseInput>) =>
    ToolInUse.parse({
      id: "t",
      catalogueEntryId: "microsoft-365-copilot",
      dataCategories: ["sensitive"],
      tierInUse: "business",
      responsiblePerson: "Eigenaar",
      approval: { status: "approved", decidedBy: "Eigenaar", decidedOn: "2026-10-01" },
      ...over,
    });

  it("flags a business tool without signed DPA and EU residency for sensitive data", () => {
    const v = checkToolUsage(tool({}), entry("microsoft-365-copilot"));
    expect(v.sufficient).toBe(false);
    expect(v.verdicts[0]?.problems.length).toBe(2);
  });

  it("passes once the DPA is signed and EU residency is on", () => {
    const v = checkToolUsage(
      tool({ dpa: { signed: true, signedOn: "2026-09-01" }, euDataResidencyEnabled: true }),
      entry("microsoft-365-copilot"),
    );
    expect(v.sufficient).toBe(true);
  });

  it("judges every data category the tool is used for", () => {
    const t = tool({
      catalogueEntryId: "openai-chatgpt-plus",
      tierInUse: "consumer",
      dataCategories: ["public", "customer"],
    });
    const v = checkToolUsage(t, entry("openai-chatgpt-plus"));
    expect(v.verdicts.map((x) => x.sufficient)).toEqual([true, false]);
  });
});
