import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GovernanceSnapshot, type GovernanceSnapshotInput } from "../model.js";
import { evaluateRules, formatCheckReport } from "./index.js";

const approved = { status: "approved", decidedBy: "Eigenaar", decidedOn: "2026-01-10" } as const;

const toolPool: NonNullable<GovernanceSnapshotInput["tools"]> = [
  {
    id: "a",
    catalogueEntryId: "openai-chatgpt-free",
    dataCategories: ["customer"],
    tierInUse: "consumer",
    responsiblePerson: "X",
    approval: { status: "requested" },
  },
  {
    id: "b",
    catalogueEntryId: "microsoft-365-copilot",
    dataCategories: ["sensitive"],
    tierInUse: "business",
    twoFactorEnforced: true,
    dpa: { signed: true, signedOn: "2026-02-01" },
    lastQuarterlyCheckOn: "2026-03-01",
    responsiblePerson: "X",
    approval: approved,
  },
  {
    id: "c",
    catalogueEntryId: "ollama",
    dataCategories: ["special"],
    tierInUse: "local",
    responsiblePerson: "X",
    approval: approved,
  },
  {
    id: "d",
    customTool: { name: "Eigen bot", vendor: "Eigen" },
    dataCategories: ["public"],
    tierInUse: "privacy-service",
    responsiblePerson: "X",
    approval: approved,
  },
  {
    id: "e",
    catalogueEntryId: "anthropic-claude-team",
    dataCategories: ["customer", "special"],
    tierInUse: "business",
    training: { switchedOff: true, verifiedOn: "2026-05-05" },
    responsiblePerson: "X",
    approval: { status: "rejected", decidedBy: "X", decidedOn: "2026-05-06" },
  },
];

const snapshotArb = fc.record({
  tools: fc.subarray(toolPool),
  withGateway: fc.boolean(),
  keys: fc.array(
    fc.record({
      daily: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      monthly: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  trainingDays: fc.array(fc.integer({ min: 0, max: 900 }), { maxLength: 3 }),
  roundDays: fc.array(fc.integer({ min: 0, max: 900 }), { maxLength: 2 }),
  employees: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
  nowDays: fc.integer({ min: 0, max: 1400 }),
});

const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe("evaluateRules (property)", () => {
  it("always yields twelve rules, a consistent score, and an action with a due date for every unmet rule", () => {
    fc.assert(
      fc.property(snapshotArb, (s) => {
        const snapshot = GovernanceSnapshot.parse({
          organisation: { name: "Prop BV", employees: s.employees },
          tools: s.tools,
          trainings: s.trainingDays.map((d, i) => ({
            id: `t${i}`,
            date: day(d),
            title: "Training",
            topics: ["ai-literacy"],
            attendees: ["A"],
          })),
          shadowAiRounds: s.roundDays.map((d) => ({ date: day(d), source: "log", toolsFound: 0 })),
          gateway: s.withGateway
            ? {
                inUse: true,
                keys: s.keys.map((k, i) => ({ id: `k${i}`, dailyBudget: k.daily, monthlyBudget: k.monthly })),
              }
            : undefined,
        });
        const result = evaluateRules(snapshot, new Date(`${day(s.nowDays)}T12:00:00Z`));
        expect(result.results).toHaveLength(12);
        const points = result.results.reduce((n, r) => n + (r.status === "met" ? 2 : r.status === "partly" ? 1 : 0), 0);
        expect(result.score.points).toBe(points);
        expect(result.score.met + result.score.partly + result.score.not).toBe(12);
        for (const r of result.results) {
          expect(r.evidence.length).toBeGreaterThan(0);
          if (r.status !== "met") {
            expect(r.nextAction?.nl.length).toBeGreaterThan(0);
            expect(r.dueDate! >= result.date).toBe(true);
          }
        }
        expect(formatCheckReport(result, "en")).toContain("AI check for Prop BV");
      }),
      { numRuns: 200 },
    );
  });
});
