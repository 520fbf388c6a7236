import { describe, expect, it } from "vitest";
import {
  AiActRegisterEntry,
  Contact,
  describeIssues,
  GovernanceSnapshot,
  Incident,
  PolicyChoices,
  ToolInUse,
  TrainingSession,
} from "./model.js";

const baseTool = {
  id: "chatgpt-team",
  catalogueEntryId: "openai-chatgpt-business",
  dataCategories: ["customer"],
  tierInUse: "business",
  responsiblePerson: "Petra Verbeek",
  approval: { status: "approved", decidedBy: "Petra Verbeek", decidedOn: "2026-10-01" },
};

describe("ToolInUse", () => {
  it("accepts a complete tool and fills defaults", () => {
    const tool = ToolInUse.parse(baseTool);
    expect(tool.users).toEqual([]);
    expect(tool.dpa).toEqual({ signed: false });
    expect(tool.twoFactorEnforced).toBe(false);
  });

  it("requires either a catalogue entry or a custom tool", () => {
    const { catalogueEntryId: _, ...noEntry } = baseTool;
    const result = ToolInUse.safeParse(noEntry);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error).join("\n")).toMatch(/catalogus/);
    const both = ToolInUse.safeParse({ ...baseTool, customTool: { name: "X", vendor: "Y" } });
    expect(both.success).toBe(false);
  });

  it("asks for the DPA date and the training verification date", () => {
    const result = ToolInUse.safeParse({
      ...baseTool,
      dpa: { signed: true },
      training: { switchedOff: true },
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      const lines = describeIssues(result.error);
      expect(lines.some((l) => l.startsWith("dpa.signedOn:"))).toBe(true);
      expect(lines.some((l) => l.startsWith("training.verifiedOn:"))).toBe(true);
    }
  });

  it("rejects an unknown data category and an approval without a decider", () => {
    expect(ToolInUse.safeParse({ ...baseTool, dataCategories: ["secret"] }).success).toBe(false);
    const r = ToolInUse.safeParse({ ...baseTool, approval: { status: "rejected" } });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeIssues(r.error)[0]).toMatch(/wie besloot/);
  });

  it("rejects unknown fields (strict input)", () => {
    expect(ToolInUse.safeParse({ ...baseTool, colour: "red" }).success).toBe(false);
  });

  it("rejects malformed dates", () => {
    expect(ToolInUse.safeParse({ ...baseTool, lastQuarterlyCheckOn: "1-2-2026" }).success).toBe(false);
  });
});

describe("AiActRegisterEntry", () => {
  const entry = {
    id: "website-chatbot",
    system: "Websitechat",
    purpose: "Vragen van klanten beantwoorden",
    provider: "Eigen bouw op Mistral API",
    riskClass: "limited",
    responsiblePerson: "Petra Verbeek",
  };
  it("requires art. 50 for systems that talk with people", () => {
    expect(AiActRegisterEntry.safeParse({ ...entry, interactsWithPeople: true }).success).toBe(false);
    expect(
      AiActRegisterEntry.safeParse({ ...entry, interactsWithPeople: true, obligations: ["transparency-art50"] })
        .success,
    ).toBe(true);
  });
  it("requires art. 26 for high-risk deployments", () => {
    expect(AiActRegisterEntry.safeParse({ ...entry, riskClass: "high" }).success).toBe(false);
  });
});

describe("Incident", () => {
  const incident = {
    id: "inc-1",
    title: "Klantlijst in gratis chatbot geplakt",
    kind: "data-breach",
    discoveredAt: "2026-11-03T09:30:00+01:00",
    facts: "Een medewerker plakte een klantlijst in een gratis chatbot.",
  };
  it("defaults to a 72-hour deadline and an undecided notification", () => {
    const parsed = Incident.parse(incident);
    expect(parsed.notificationDeadlineHours).toBe(72);
    expect(parsed.notifyDecision.decision).toBe("undecided");
  });
  it("requires reasoning with a decision", () => {
    expect(Incident.safeParse({ ...incident, notifyDecision: { decision: "do-not-notify" } }).success).toBe(false);
  });
  it("rejects a timestamp without offset", () => {
    expect(Incident.safeParse({ ...incident, discoveredAt: "2026-11-03 09:30" }).success).toBe(false);
  });
  it("does not close without measures", () => {
    const r = Incident.safeParse({
      ...incident,
      status: "closed",
      notifyDecision: { decision: "do-not-notify", reasoning: "Geen risico" },
    });
    expect(r.success).toBe(false);
  });
});

describe("Contact, TrainingSession, PolicyChoices, snapshot", () => {
  it("needs a way to reach a contact", () => {
    expect(Contact.safeParse({ id: "it", role: "it-supplier", name: "Bits BV" }).success).toBe(false);
    expect(Contact.safeParse({ id: "it", role: "it-supplier", name: "Bits BV", phone: "010 123 4567" }).success).toBe(
      true,
    );
  });
  it("needs attendees and topics for training", () => {
    expect(
      TrainingSession.safeParse({ id: "t1", date: "2026-10-01", title: "AI", topics: [], attendees: ["A"] }).success,
    ).toBe(false);
  });
  it("validates policy choices", () => {
    const r = PolicyChoices.safeParse({ companyName: "", responsible: { name: "A" }, doubtContact: { name: "B" } });
    expect(r.success).toBe(false);
  });
  it("parses a minimal snapshot", () => {
    const s = GovernanceSnapshot.parse({ organisation: { name: "Bakkerij Test" } });
    expect(s.tools).toEqual([]);
    expect(s.policy).toBeUndefined();
  });
});
