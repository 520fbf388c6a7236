import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { negotiateLang } from "../src/governance/api/http.js";
import { toCsv } from "../src/governance/service/csv.js";
import { GovernanceService, InputError, newId, StateError, splitBilingual } from "../src/governance/service/index.js";
import { createServerApp } from "../src/server/index.js";
import { type TestStore, testBackends } from "../src/store/test-helpers/backends.js";
import { sampleIncident, sampleTool } from "../src/store/test-helpers/fixtures.js";

/** A strict RFC 4180 reader, to check the writer against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
    i++;
  }
  return rows;
}

describe("service helpers", () => {
  it("splits the model's bilingual messages, also with nested parentheses", () => {
    expect(splitBilingual("Kies een niveau (choose a tier)")).toEqual({ nl: "Kies een niveau", en: "choose a tier" });
    expect(splitBilingual("Leg uit (AVG art. 33 lid 5) (explain why (GDPR art. 33(5)))")).toEqual({
      nl: "Leg uit (AVG art. 33 lid 5)",
      en: "explain why (GDPR art. 33(5))",
    });
    expect(splitBilingual("Ongeldige invoer")).toEqual({ nl: "Ongeldige invoer", en: "Ongeldige invoer" });
  });

  it("prefers Dutch unless English has the higher weight", () => {
    expect(negotiateLang(undefined)).toBe("nl");
    expect(negotiateLang("en")).toBe("en");
    expect(negotiateLang("en-US,en;q=0.9")).toBe("en");
    expect(negotiateLang("nl-NL,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(negotiateLang("de,en;q=0.5")).toBe("en");
    expect(negotiateLang("fr")).toBe("nl");
  });

  it("makes ids in the model's format from any label", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (label) => {
        expect(newId(label)).toMatch(/^[a-z0-9][a-z0-9._-]{0,79}$/);
      }),
    );
    expect(newId("Offerte-assistent (intern)")).toMatch(/^offerte-assistent-intern-[0-9a-f]{6}$/);
  });

  it("writes CSV that reads back cell for cell, with formulas defused", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const back = parseCsv(toCsv(["a", "b"], rows));
        const expected = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
        expect(back).toEqual([["a", "b"], ...expected]);
      }),
    );
  });
});

const backends = await testBackends();
const NOW = new Date("2026-11-03T12:00:00Z");

describe.each(backends)("governance service on $name", (backend) => {
  let t: TestStore;
  let service: GovernanceService;
  beforeEach(async () => {
    t = await backend.open();
    service = new GovernanceService(t.store, { now: () => NOW });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("refuses a tool whose catalogue entry does not exist", async () => {
    const err = await service.addTool(sampleTool({ catalogueEntryId: "no-such-tool" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]?.field).toBe("catalogueEntryId");
  });

  it("accepts the business's own catalogue entries and uses them for tools", async () => {
    await service.addCatalogueEntry({
      id: "eigen-vertaler",
      vendor: "Vertaalbureau Noord",
      product: "Vertaalhulp",
      plan: "Zakelijk",
      tier: "business",
      trainsOnDataByDefault: false,
      trainingOptOut: null,
      contractualTrainingExclusion: true,
      euDataResidency: "available",
      dpa: { available: true },
      twoFactorAvailable: "yes",
      priceIndication: "€ 20 per maand",
      sources: ["https://vertaalbureau.example/voorwaarden"],
      checkedOn: "2026-11",
      confidence: "medium",
    });
    const view = await service.addTool({
      catalogueEntryId: "eigen-vertaler",
      dataCategories: ["customer"],
      responsiblePerson: "Fenna Wiersma",
      dpa: { signed: true, signedOn: "2026-10-01" },
    });
    expect(view.name).toBe("Vertaalhulp Zakelijk");
    expect(view.tool.tierInUse).toBe("business");
    expect(view.warnings).toEqual([]);
    await expect(service.addCatalogueEntry({ ...(await service.catalogue()).byId("ollama") })).rejects.toBeInstanceOf(
      InputError,
    );
  });

  it("runs the approval flow: decide once, request again, decide again", async () => {
    const { tool } = await service.addTool(sampleTool());
    await service.decideTool(tool.id, { decision: "approved", by: "Fenna Wiersma" });
    await expect(service.decideTool(tool.id, { decision: "rejected", by: "Ruud" })).rejects.toBeInstanceOf(StateError);
    const again = await service.requestTool(tool.id, "Ruud Kamphuis", "nu ook voor contracten");
    expect(again.tool.approval).toEqual({
      status: "requested",
      requestedBy: "Ruud Kamphuis",
      requestedOn: "2026-11-03",
      reason: "nu ook voor contracten",
    });
    const rejected = await service.decideTool(tool.id, { decision: "rejected", by: "Fenna Wiersma", on: "2026-11-04" });
    expect(rejected.tool.approval).toMatchObject({
      status: "rejected",
      decidedBy: "Fenna Wiersma",
      decidedOn: "2026-11-04",
    });
  });

  it("keeps an incident's 72-hour clock running until it is notified", async () => {
    const incident = await service.incidents.add(sampleIncident({ discoveredAt: "2026-10-30T08:00:00Z" }));
    expect((await service.viewIncident(incident.id)).countdown).toMatchObject({ running: true, overdue: true });
    await service.incidents.update(incident.id, {
      ...incident,
      notifyDecision: { decision: "notify", reasoning: "Klantnamen gelekt" },
      notifiedAt: "2026-11-03T09:00:00+01:00",
      status: "notified",
    });
    expect((await service.viewIncident(incident.id)).countdown).toMatchObject({ running: false, overdue: false });
  });

  it("builds the snapshot the rules read, including shadow-AI rounds", async () => {
    await service.setOrganisation({ name: "Bakkerij Zonneveld", employees: 18 });
    await service.addTool(sampleTool());
    await service.importShadowAiLog("chat.deepseek.com\nchatgpt.com\n", { source: "lijst.txt", format: "plain" });
    const snapshot = await service.snapshot();
    expect(snapshot.organisation).toEqual({ name: "Bakkerij Zonneveld", employees: 18 });
    expect(snapshot.tools).toHaveLength(1);
    expect(snapshot.shadowAiRounds).toEqual([
      { date: "2026-11-03", source: "lijst.txt", toolsFound: 2, unregisteredTools: ["DeepSeek"] },
    ]);
    const check = await service.check();
    expect(check.organisation).toBe("Bakkerij Zonneveld");
    expect(check.results.map((r) => r.rule)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("answers readiness 503 once the database is gone", async () => {
    const app = createServerApp({ store: t.store, governance: service });
    expect((await app.request("/readyz")).status).toBe(200);
    await t.store.close();
    expect((await app.request("/readyz")).status).toBe(503);
  });
});
