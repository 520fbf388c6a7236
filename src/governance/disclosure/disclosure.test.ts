import { describe, expect, it } from "vitest";
import { allDisclosureTexts, DisclosureVariant, disclosureText } from "./index.js";

describe("AI disclosure texts", () => {
  it("fills in the company name and says plainly that it is AI", () => {
    const nl = disclosureText("chat-greeting", "nl", { companyName: "Fietsenmaker Wiel", assistantName: "Sam" });
    expect(nl).toContain("Ik ben Sam, de digitale assistent van Fietsenmaker Wiel");
    expect(nl).toContain("AI-systeem, geen mens");
    const en = disclosureText("chat-greeting", "en", { companyName: "Fietsenmaker Wiel" });
    expect(en).toContain("I am the digital assistant of Fietsenmaker Wiel. I am an AI system, not a person.");
  });

  it("offers a human contact and the privacy page when given", () => {
    const footer = disclosureText("email-footer", "nl", {
      companyName: "Wiel",
      humanContact: "info@wiel.example",
      privacyUrl: "https://wiel.example/privacy",
    });
    expect(footer).toContain("Mail of bel info@wiel.example");
    expect(footer).toContain("https://wiel.example/privacy");
  });

  it("produces every variant in both languages without placeholders left", () => {
    const all = allDisclosureTexts({ companyName: "Wiel" });
    expect(all).toHaveLength(DisclosureVariant.options.length * 2);
    for (const d of all) {
      expect(d.text).toContain("Wiel");
      expect(d.text).not.toMatch(/undefined|\$\{|\{\w+\}/);
    }
  });

  it("rejects missing company names and unknown variants with a clear message", () => {
    expect(() => disclosureText("chat-greeting", "nl", { companyName: "  " })).toThrow(/bedrijfsnaam/);
    expect(() => disclosureText("fax-cover" as never, "nl", { companyName: "Wiel" })).toThrow();
    expect(() => disclosureText("website-notice", "en", { companyName: "Wiel", privacyUrl: "geen url" })).toThrow(
      /URL/,
    );
  });
});
