import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AiActRegisterEntry,
  Contact,
  Incident,
  PolicyChoices,
  ToolInUse,
  TrainingSession,
} from "../src/governance/model.js";
import { DuplicateIdError, MIGRATIONS, RecordNotFoundError } from "../src/store/index.js";
import { migrateToLatest } from "../src/store/store.js";
import { type TestStore, testBackends } from "../src/store/test-helpers/backends.js";
import {
  sampleContact,
  sampleIncident,
  sampleRegisterEntry,
  sampleTool,
  sampleTraining,
} from "../src/store/test-helpers/fixtures.js";

const backends = await testBackends();

describe.each(backends)("store on $name", (backend) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await backend.open();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("reports its dialect and answers a ping", async () => {
    expect(t.store.dialect).toBe(backend.name);
    await expect(t.store.ping()).resolves.toBeUndefined();
  });

  it("re-running migrations is a no-op", async () => {
    expect(await migrateToLatest(t.store.db)).toEqual([]);
    expect(Object.keys(MIGRATIONS).length).toBeGreaterThan(0);
  });

  it("stores, reads, updates and deletes a tool in use", async () => {
    const tool = ToolInUse.parse(sampleTool());
    await t.store.tools.insert(tool);
    expect(await t.store.tools.get(tool.id)).toEqual(tool);

    const approved = {
      ...tool,
      approval: { ...tool.approval, status: "approved" as const, decidedBy: "Fenna Wiersma", decidedOn: "2026-10-03" },
    };
    await t.store.tools.update(approved);
    expect((await t.store.tools.require(tool.id)).approval.status).toBe("approved");
    expect(await t.store.tools.count()).toBe(1);

    await t.store.tools.delete(tool.id);
    expect(await t.store.tools.get(tool.id)).toBeUndefined();
    await expect(t.store.tools.delete(tool.id)).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it("rejects a duplicate id and an update of a missing record with typed errors", async () => {
    const tool = ToolInUse.parse(sampleTool());
    await t.store.tools.insert(tool);
    await expect(t.store.tools.insert(tool)).rejects.toBeInstanceOf(DuplicateIdError);
    await expect(t.store.tools.update({ ...tool, id: "does-not-exist" })).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it("refuses to write a document that breaks the domain model", async () => {
    const tool = ToolInUse.parse(sampleTool());
    const broken = { ...tool, dpa: { signed: true } };
    await expect(t.store.tools.insert(broken)).rejects.toThrow(/signedOn/);
    expect(await t.store.tools.count()).toBe(0);
  });

  it("keeps every governance aggregate round-trip exact", async () => {
    const entry = AiActRegisterEntry.parse(sampleRegisterEntry());
    const incident = Incident.parse(sampleIncident());
    const contact = Contact.parse(sampleContact());
    const training = TrainingSession.parse(sampleTraining());
    await t.store.register.insert(entry);
    await t.store.incidents.insert(incident);
    await t.store.contacts.insert(contact);
    await t.store.trainings.insert(training);
    expect(await t.store.register.list()).toEqual([entry]);
    expect(await t.store.incidents.list()).toEqual([incident]);
    expect(await t.store.contacts.list()).toEqual([contact]);
    expect(await t.store.trainings.list()).toEqual([training]);
  });

  it("lists incidents newest first, whatever UTC offset they were reported with", async () => {
    await t.store.incidents.insert(
      Incident.parse(sampleIncident({ id: "a", discoveredAt: "2026-11-02T10:00:00+01:00" })),
    );
    // 09:30 UTC, later than 09:00 UTC above although the local clock text sorts earlier.
    await t.store.incidents.insert(
      Incident.parse(sampleIncident({ id: "b", discoveredAt: "2026-11-02T08:30:00-01:00" })),
    );
    await t.store.incidents.insert(Incident.parse(sampleIncident({ id: "c", discoveredAt: "2026-10-30T12:00:00Z" })));
    expect((await t.store.incidents.list()).map((i) => i.id)).toEqual(["b", "a", "c"]);
  });

  it("keeps settings as JSON and writes set-if-absent only once", async () => {
    const choices = PolicyChoices.parse({
      companyName: "Bakkerij Zonneveld",
      responsible: { name: "Fenna Wiersma" },
      doubtContact: { name: "Ruud Kamphuis" },
      registerLocation: "Poortwachter",
      effectiveDate: "2026-11-01",
    });
    await t.store.settings.set("policy-choices", choices);
    expect(await t.store.settings.get("policy-choices", PolicyChoices)).toEqual(choices);
    await t.store.settings.set("policy-choices", { ...choices, companyName: "Bakkerij Zonneveld B.V." });
    expect((await t.store.settings.get("policy-choices", PolicyChoices))?.companyName).toBe("Bakkerij Zonneveld B.V.");

    expect(await t.store.settings.setIfAbsent("admin-token", "first")).toBe(true);
    expect(await t.store.settings.setIfAbsent("admin-token", "second")).toBe(false);
    expect(await t.store.settings.get("admin-token", PolicyChoices.shape.companyName)).toBe("first");
  });

  it("stores a shadow-AI import with its findings and removes them together", async () => {
    const id = await t.store.shadowAi.saveImport(
      {
        importedAt: "2026-11-03T08:00:00.000Z",
        source: "dns.log",
        format: "dns",
        linesRead: 120,
        toolsFound: 2,
        unregisteredTools: ["DeepSeek"],
      },
      [
        { serviceId: "deepseek", hits: 14, finding: { domain: "chat.deepseek.com", users: ["pc-12"] } },
        { serviceId: "openai-chatgpt", hits: 3, finding: { domain: "chatgpt.com", users: [] } },
      ],
    );
    const imports = await t.store.shadowAi.listImports();
    expect(imports).toEqual([
      {
        id,
        importedAt: "2026-11-03T08:00:00.000Z",
        source: "dns.log",
        format: "dns",
        linesRead: 120,
        toolsFound: 2,
        unregisteredTools: ["DeepSeek"],
      },
    ]);
    const findings = await t.store.shadowAi.findings(id);
    expect(findings.map((f) => [f.serviceId, f.hits])).toEqual([
      ["deepseek", 14],
      ["openai-chatgpt", 3],
    ]);
    await t.store.shadowAi.deleteImport(id);
    expect(await t.store.shadowAi.findings(id)).toEqual([]);
  });
});
