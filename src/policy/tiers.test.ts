import { describe, expect, it } from "vitest";
import { computeTier, missingFacts, TIER_RULES, type TierFacts, tierAllows, UNTRUSTED_FACTS } from "./tiers.js";

const facts = (over: Partial<TierFacts>): TierFacts => ({ ...UNTRUSTED_FACTS, ...over });
const business = facts({ contract: "business" });

describe("computeTier (the Layer-2 table)", () => {
  it.each([
    ["consumer contract", facts({}), "public"],
    ["consumer with EU and DPA", facts({ euResidency: true, dpaSigned: true }), "public"],
    [
      "business that trains on data",
      facts({ contract: "business", trainsOnData: true, euResidency: true, dpaSigned: true }),
      "public",
    ],
    ["business", business, "customer"],
    ["business + EU", { ...business, euResidency: true }, "customer"],
    ["business + EU + DPA", { ...business, euResidency: true, dpaSigned: true }, "sensitive"],
    [
      "business + EU + DPA + audit",
      { ...business, euResidency: true, dpaSigned: true, sectorAudit: true },
      "sensitive",
    ],
    [
      "business + EU + DPA + audit + DPIA",
      { ...business, euResidency: true, dpaSigned: true, sectorAudit: true, dpia: true },
      "special",
    ],
    ["local model", facts({ local: true }), "special"],
  ] as const)("%s -> %s", (_, input, tier) => {
    expect(computeTier(input)).toBe(tier);
  });

  it("ends with a rule that always matches, so every provider gets a tier", () => {
    expect(TIER_RULES.at(-1)?.requires).toEqual({});
  });

  it("orders classes: a tier allows its own class and those below", () => {
    expect(tierAllows("sensitive", "customer")).toBe(true);
    expect(tierAllows("sensitive", "sensitive")).toBe(true);
    expect(tierAllows("sensitive", "special")).toBe(false);
    expect(tierAllows("public", "customer")).toBe(false);
  });

  it("names what a provider lacks for a tier", () => {
    expect(missingFacts(business, "sensitive")).toEqual(["euResidency: true", "dpaSigned: true"]);
    expect(missingFacts(business, "special")).toEqual(["local: true"]);
  });
});
