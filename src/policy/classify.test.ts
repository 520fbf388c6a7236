import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENTITY_TYPES, type EntityType } from "../detect/index.js";
import { classify } from "./classify.js";
import { classRank } from "./types.js";

const entities = (...types: EntityType[]) => types.map((type) => ({ type }));

describe("classify", () => {
  it("no entities and no keywords: public", () => {
    const c = classify({ entities: [], text: "Schrijf een vrolijke nieuwsbrief over onze nieuwe koffiebonen." });
    expect(c.dataClass).toBe("public");
    expect(c.reasons).toEqual([]);
  });

  it("contact details: customer, with counts per type and no values", () => {
    const c = classify({
      entities: entities("PERSON", "PERSON", "EMAIL"),
      text: "Beste Henk Altena, mail naar h@x.nl",
    });
    expect(c.dataClass).toBe("customer");
    expect(c.reasons).toEqual([
      { source: "entity", entityType: "EMAIL", count: 1, dataClass: "customer" },
      { source: "entity", entityType: "PERSON", count: 2, dataClass: "customer" },
    ]);
    expect(JSON.stringify(c)).not.toContain("Altena");
  });

  it.each(["IBAN", "CREDIT_CARD", "DATE_OF_BIRTH", "ID_DOCUMENT"] as const)("%s: sensitive", (type) => {
    expect(classify({ entities: entities(type), text: "" }).dataClass).toBe("sensitive");
  });

  it("a BSN: special", () => {
    expect(classify({ entities: entities("BSN"), text: "" }).dataClass).toBe("special");
  });

  it("financial and HR words next to customer data: sensitive", () => {
    for (const text of [
      "De loonstrook van mevrouw Bakker klopt niet.",
      "Klant heeft een betalingsachterstand van drie maanden.",
      "KvK 12345678: de jaarrekening over 2024 toont verlies.",
      "Het getekend contract van Pieter ligt klaar.",
      "Please review the mortgage application of this client.",
    ]) {
      const c = classify({ entities: entities("PERSON"), text });
      expect(c.dataClass, text).toBe("sensitive");
    }
  });

  it("financial words without anyone in the text stay public (marketing about mortgages)", () => {
    expect(classify({ entities: [], text: "Schrijf een blog over hypotheekrente in 2026." }).dataClass).toBe("public");
  });

  it("special-category words: special, in Dutch and English", () => {
    for (const [text, category] of [
      ["De patiënt kreeg een diagnose van de huisarts.", "health"],
      ["Hij is sinds maart ziek en volgt re-integratie.", "health"],
      ["Kandidaat heeft een strafblad; de VOG is geweigerd.", "criminal"],
      ["Zij is lid van de vakbond.", "trade-union"],
      ["Vermeld zijn geloofsovertuiging niet.", "religion"],
      ["The employee disclosed a medical condition.", "health"],
      ["The applicant has a criminal record.", "criminal"],
    ] as const) {
      const c = classify({ entities: entities("PERSON"), text });
      expect(c.dataClass, text).toBe("special");
      expect(c.categories, text).toContain(category);
    }
  });

  it("does not take unrelated words for special categories", () => {
    for (const text of [
      "De vogel zit in de boom, bel ons op maandag.",
      "De behandeling van uw aanvraag duurt twee weken.",
      "Stuur de aangifte omzetbelasting voor vrijdag.",
      "Ons kantoor aan de Kerkstraat is verhuisd.",
    ]) {
      expect(classify({ entities: entities("PERSON"), text }).dataClass, text).toBe("customer");
    }
  });

  it("special words alone: special by default, not in with-personal-data mode", () => {
    const text = "Mijn patiënt gebruikt medicatie tegen diabetes.";
    expect(classify({ entities: [], text }).dataClass).toBe("special");
    expect(classify({ entities: [], text, specialKeywords: "with-personal-data" }).dataClass).toBe("public");
    expect(classify({ entities: entities("PERSON"), text, specialKeywords: "with-personal-data" }).dataClass).toBe(
      "special",
    );
  });

  it("a team floor raises the class and says so", () => {
    const c = classify({ entities: [], text: "Hoi", minimumClass: "sensitive" });
    expect(c.dataClass).toBe("sensitive");
    expect(c.reasons).toContainEqual({ source: "team", dataClass: "sensitive" });
  });

  it("is monotonic: adding entities never lowers the class", () => {
    const type = fc.constantFrom(...ENTITY_TYPES);
    const words = fc.constantFrom("", "salaris", "diagnose", "hypotheek", "offerte", "strafblad", "nieuwsbrief");
    fc.assert(
      fc.property(fc.array(type, { maxLength: 6 }), fc.array(type, { maxLength: 6 }), words, (base, extra, word) => {
        const text = `Bericht over ${word}.`;
        for (const mode of ["always", "with-personal-data"] as const) {
          const before = classify({ entities: entities(...base), text, specialKeywords: mode });
          const after = classify({ entities: entities(...base, ...extra), text, specialKeywords: mode });
          expect(classRank(after.dataClass)).toBeGreaterThanOrEqual(classRank(before.dataClass));
        }
      }),
    );
  });
});
