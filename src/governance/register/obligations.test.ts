import { describe, expect, it } from "vitest";
import { AiActRegisterEntry } from "../model.js";
import { AI_ACT_OBLIGATIONS, applicableObligations, missingObligations } from "./index.js";

describe("AI Act obligations", () => {
  it("carries the dates from the regulation and a source", () => {
    expect(AI_ACT_OBLIGATIONS["ai-literacy-art4"].appliesFrom).toBe("2025-02-02");
    expect(AI_ACT_OBLIGATIONS["transparency-art50"].appliesFrom).toBe("2026-08-02");
    expect(AI_ACT_OBLIGATIONS["high-risk-deployer-art26"].appliesFrom).toBe("2027-12-02");
    for (const o of Object.values(AI_ACT_OBLIGATIONS)) expect(o.sources[0]).toMatch(/^https:\/\/eur-lex/);
  });

  it("derives the duties from the system's description", () => {
    expect(
      applicableObligations({ riskClass: "minimal", interactsWithPeople: false, generatesContent: false }),
    ).toEqual(["ai-literacy-art4"]);
    expect(applicableObligations({ riskClass: "high", interactsWithPeople: true, generatesContent: false })).toEqual([
      "ai-literacy-art4",
      "transparency-art50",
      "high-risk-deployer-art26",
    ]);
  });

  it("lists what a register entry forgot", () => {
    const entry = AiActRegisterEntry.parse({
      id: "tekstgenerator",
      system: "Tekstgenerator nieuwsbrief",
      purpose: "Nieuwsbriefteksten",
      provider: "Mistral",
      riskClass: "minimal",
      generatesContent: true,
      responsiblePerson: "Eigenaar",
    });
    expect(missingObligations(entry).map((o) => o.article)).toEqual(["art. 4", "art. 50"]);
  });
});
