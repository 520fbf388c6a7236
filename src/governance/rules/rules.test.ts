import { describe, expect, it } from "vitest";
import { GovernanceSnapshot, type GovernanceSnapshotInput } from "../model.js";
import { addMonths } from "./dates.js";
import { evaluateRules, formatCheckReport, type RuleResult } from "./index.js";

const NOW = new Date("2026-11-10T10:00:00Z");
const approved = { status: "approved", decidedBy: "Eigenaar", decidedOn: "2026-09-01" } as const;

const wellRun: GovernanceSnapshotInput = {
  organisation: { name: "Installatiebedrijf Voorbeeld", employees: 2 },
  tools: [
    {
      id: "m365",
      catalogueEntryId: "microsoft-365-copilot",
      dataCategories: ["customer", "sensitive"],
      tierInUse: "business",
      euDataResidencyEnabled: true,
      dpa: { signed: true, signedOn: "2026-09-01", documentLocation: "SharePoint/Contracten" },
      twoFactorEnforced: true,
      training: { switchedOff: true, verifiedOn: "2026-10-15" },
      lastQuarterlyCheckOn: "2026-10-15",
      responsiblePerson: "Eigenaar",
      approval: approved,
    },
    {
      id: "ollama",
      catalogueEntryId: "ollama",
      dataCategories: ["special"],
      tierInUse: "local",
      responsiblePerson: "IT",
      approval: approved,
    },
  ],
  register: [
    {
      id: "webchat",
      system: "Websitechat",
      purpose: "Klantvragen",
      provider: "Eigen bouw",
      riskClass: "limited",
      interactsWithPeople: true,
      disclosureInPlace: true,
      obligations: ["transparency-art50", "ai-literacy-art4"],
      responsiblePerson: "Eigenaar",
    },
  ],
  contacts: [
    { id: "p", role: "privacy-contact", name: "Privacy", email: "privacy@voorbeeld.nl" },
    { id: "i", role: "it-supplier", name: "IT", phone: "010 000 0000" },
    { id: "l", role: "legal-adviser", name: "Advocaat", phone: "020 000 0000" },
    { id: "v", role: "ai-vendor-support", name: "Microsoft support", url: "https://support.microsoft.com" },
  ],
  trainings: [
    {
      id: "t1",
      date: "2026-10-01",
      title: "AI en privacy",
      topics: ["ai-literacy", "pseudonymisation", "call-back"],
      attendees: ["Anna", "Bram"],
      callBackExercise: true,
    },
  ],
  shadowAiRounds: [{ date: "2026-10-20", source: "pihole.log", toolsFound: 1, unregisteredTools: [] }],
  gateway: {
    inUse: true,
    pseudonymisationEnabled: true,
    requestsLast30Days: 420,
    keys: [{ id: "k1", owner: "Anna", dailyBudget: 5, monthlyBudget: 50 }],
  },
};

const run = (input: GovernanceSnapshotInput, now = NOW) => evaluateRules(GovernanceSnapshot.parse(input), now);
const rule = (results: RuleResult[], n: number) => results.find((r) => r.rule === n)!;

describe("evaluateRules", () => {
  it("scores a well-run business as 12 of 12 met", () => {
    const result = run(wellRun);
    const notMet = result.results.filter((r) => r.status !== "met").map((r) => `${r.rule} ${r.evidence[0]?.en}`);
    expect(notMet).toEqual([]);
    expect(result.score).toMatchObject({ points: 24, max: 24, percent: 100, met: 12 });
  });

  it("marks rules 1-3 as the place to start and returns the rules in order", () => {
    const result = run(wellRun);
    expect(result.results.map((r) => r.rule)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(result.results.filter((r) => r.startHere).map((r) => r.rule)).toEqual([1, 2, 3]);
  });

  it("fails everything that cannot be shown for an empty snapshot, with a next action and due date", () => {
    const result = run({ organisation: { name: "Leeg BV" } });
    for (const r of result.results.filter((x) => x.status !== "met")) {
      expect(r.nextAction?.nl, `rule ${r.rule}`).toBeTruthy();
      expect(r.dueDate, `rule ${r.rule}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(rule(result.results, 1).status).toBe("not");
    expect(rule(result.results, 1).dueDate).toBe("2026-11-17");
    expect(result.score.points).toBeLessThan(5);
  });

  it("rule 1: a free consumer tool with customer data fails at once", () => {
    const result = run({
      ...wellRun,
      tools: [
        ...(wellRun.tools ?? []),
        {
          id: "free",
          catalogueEntryId: "openai-chatgpt-free",
          dataCategories: ["customer"],
          tierInUse: "consumer",
          responsiblePerson: "Bram",
          approval: { status: "requested" },
        },
      ],
    });
    const r1 = rule(result.results, 1);
    expect(r1.status).toBe("not");
    expect(r1.evidence[0]?.nl).toMatch(/ChatGPT Free/);
    expect(r1.dueDate).toBe("2026-11-10");
    expect(rule(result.results, 5).status).toBe("not");
  });

  it("ignores rejected tools", () => {
    const result = run({
      ...wellRun,
      tools: [
        ...(wellRun.tools ?? []),
        {
          id: "free",
          catalogueEntryId: "openai-chatgpt-free",
          dataCategories: ["customer"],
          tierInUse: "consumer",
          responsiblePerson: "Bram",
          approval: { status: "rejected", decidedBy: "Eigenaar", decidedOn: "2026-10-02" },
        },
      ],
    });
    expect(rule(result.results, 1).status).toBe("met");
  });

  it("rule 3: partly when some tools lack 2FA, with the tool named", () => {
    const tools = [...(wellRun.tools ?? [])];
    tools[0] = { ...tools[0]!, twoFactorEnforced: false };
    tools.push({
      id: "deepl",
      catalogueEntryId: "deepl-pro",
      dataCategories: ["public"],
      tierInUse: "business",
      twoFactorEnforced: true,
      responsiblePerson: "Anna",
      approval: approved,
    });
    const r3 = rule(run({ ...wellRun, tools }).results, 3);
    expect(r3.status).toBe("partly");
    expect(r3.nextAction?.nl).toMatch(/Microsoft 365 Copilot/);
  });

  it("rule 4: names the tools without a DPA", () => {
    const tools = [...(wellRun.tools ?? [])];
    tools[0] = { ...tools[0]!, dpa: { signed: false } };
    const r4 = rule(run({ ...wellRun, tools }).results, 4);
    expect(r4.status).toBe("not");
    expect(r4.evidence.map((e) => e.en).join(" ")).toMatch(/No DPA for: Microsoft 365 Copilot/);
  });

  it("quarterly tasks turn overdue and produce reminders", () => {
    const later = new Date(`${addMonths("2026-10-20", 4)}T09:00:00Z`);
    const result = run(wellRun, later);
    expect(rule(result.results, 6).status).not.toBe("met");
    expect(rule(result.results, 7).status).toBe("partly");
    expect(rule(result.results, 12).status).toBe("partly");
    const tasks = result.reminders.filter((r) => r.overdue).map((r) => r.task);
    expect(tasks).toEqual(expect.arrayContaining(["privacy-settings-check", "shadow-ai-round", "team-training"]));
  });

  it("rule 7: unregistered shadow AI keeps the rule partly", () => {
    const result = run({
      ...wellRun,
      shadowAiRounds: [{ date: "2026-11-01", source: "squid", toolsFound: 3, unregisteredTools: ["DeepSeek"] }],
    });
    expect(rule(result.results, 7)).toMatchObject({ status: "partly" });
    expect(rule(result.results, 7).nextAction?.nl).toMatch(/DeepSeek/);
  });

  it("rule 8: keys without a monthly limit", () => {
    const result = run({
      ...wellRun,
      gateway: {
        inUse: true,
        pseudonymisationEnabled: true,
        requestsLast30Days: 5,
        keys: [{ id: "k", dailyBudget: 2 }],
      },
    });
    expect(rule(result.results, 8).status).toBe("not");
  });

  it("rule 9: a chatbot without disclosure is due by 2 August 2026 at the latest", () => {
    const register = [{ ...wellRun.register![0]!, disclosureInPlace: false }];
    const before = run({ ...wellRun, register }, new Date("2026-06-01T00:00:00Z"));
    expect(rule(before.results, 9)).toMatchObject({ status: "not", dueDate: "2026-08-02" });
  });

  it("rule 10: an incident past its 72-hour deadline without decision fails the rule", () => {
    const result = run({
      ...wellRun,
      incidents: [
        {
          id: "inc",
          title: "Klantlijst gedeeld",
          kind: "data-breach",
          discoveredAt: "2026-11-05T08:00:00+01:00",
          facts: "Lijst met klantgegevens in een chatbot geplakt.",
        },
      ],
    });
    const r10 = rule(result.results, 10);
    expect(r10.status).toBe("not");
    expect(r10.nextAction?.nl).toMatch(/Autoriteit Persoonsgegevens/);
  });

  it("rule 12: partial coverage of employees keeps training partly", () => {
    const result = run({ ...wellRun, organisation: { name: "X", employees: 10 } });
    expect(rule(result.results, 12).status).toBe("partly");
    expect(rule(result.results, 12).nextAction?.en).toMatch(/not attended/);
  });
});

describe("formatCheckReport", () => {
  it("prints the score, the start-here block, evidence, actions and reminders in Dutch", () => {
    const text = formatCheckReport(run({ organisation: { name: "Leeg BV" } }), "nl");
    expect(text).toContain("AI-check voor Leeg BV (2026-11-10)");
    expect(text).toMatch(/Score: \d+ van 24 punten/);
    expect(text).toContain("Begin hier");
    expect(text.indexOf("1. Geen klantgegevens in gratis tools")).toBeLessThan(text.indexOf("Overige regels"));
    expect(text).toContain("Volgende stap:");
    expect(text).toContain("Herinneringen");
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("prints English on request", () => {
    const text = formatCheckReport(run(wellRun), "en");
    expect(text).toContain("AI check for Installatiebedrijf Voorbeeld");
    expect(text).toContain("24 of 24 points (100%)");
    expect(text).toContain("[x]  1. No customer data in free tools — met");
  });
});
