import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GovernanceService } from "../src/governance/service/index.js";
import { createServerApp, ensureAdminToken } from "../src/server/index.js";
import { type TestStore, testBackends } from "../src/store/test-helpers/backends.js";
import { sampleIncident, sampleRegisterEntry, sampleTool } from "../src/store/test-helpers/fixtures.js";

const backends = await testBackends();
const NOW = new Date("2026-11-03T12:00:00Z");

describe.each(backends)("governance API on $name", (backend) => {
  let t: TestStore;
  let app: Hono;
  let token: string;

  beforeEach(async () => {
    t = await backend.open();
    token = (await ensureAdminToken(t.store)).created as string;
    app = createServerApp({ store: t.store, governance: new GovernanceService(t.store, { now: () => NOW }) });
  });
  afterEach(async () => {
    await t.dispose();
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(`/api/governance${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });

  it("answers health and readiness without a token", async () => {
    expect((await app.request("/healthz")).status).toBe(200);
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: backend.name });
  });

  it("refuses requests without or with a wrong token", async () => {
    const none = await app.request("/api/governance/tools");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect((await none.json()).error.code).toBe("unauthorized");
    const wrong = await call("GET", "/tools", undefined, { authorization: `Bearer ${token}x` });
    expect(wrong.status).toBe(401);
    expect((await call("GET", "/openapi.json", undefined, { authorization: "" })).status).toBe(401);
  });

  it("registers a catalogue tool, warns about a tier mismatch and runs the approval flow", async () => {
    const created = await call("POST", "/tools", {
      catalogueEntryId: "openai-chatgpt-free",
      dataCategories: ["customer"],
      responsiblePerson: "Fenna Wiersma",
    });
    expect(created.status).toBe(201);
    const view = await created.json();
    expect(view.tool.tierInUse).toBe("consumer");
    expect(view.tool.approval).toEqual({ status: "requested", requestedOn: "2026-11-03" });
    expect(view.warnings.length).toBeGreaterThan(0);
    expect(view.warnings[0].nl).toMatch(/consumentenversie/);
    // The free plan cannot qualify for customer data whatever is set up: another plan is needed.
    expect(view.catalogueFit.sufficient).toBe(false);

    const decided = await call("POST", `/tools/${view.tool.id}/decision`, {
      decision: "rejected",
      by: "Fenna Wiersma",
      reason: "Gratis versie traint op onze gegevens",
    });
    expect(decided.status).toBe(200);
    expect((await decided.json()).tool.approval).toMatchObject({
      status: "rejected",
      decidedBy: "Fenna Wiersma",
      decidedOn: "2026-11-03",
    });
    const again = await call("POST", `/tools/${view.tool.id}/decision`, { decision: "approved", by: "Ruud" });
    expect(again.status).toBe(409);

    const list = await (await call("GET", "/tools")).json();
    expect(list.tools).toHaveLength(1);
  });

  it("answers 400 naming each invalid field, in Dutch by default and English on request", async () => {
    const bad = { ...sampleTool(), dataCategories: [], tierInUse: "premium", dpa: { signed: true } };
    const nl = await call("POST", "/tools", bad);
    expect(nl.status).toBe(400);
    const nlBody = await nl.json();
    expect(nlBody.error.code).toBe("invalid_input");
    const fields = nlBody.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["dataCategories", "tierInUse"]));
    const tierNl = nlBody.error.fields.find((f: { field: string }) => f.field === "tierInUse");
    expect(tierNl.message).toMatch(/^Kies een niveau/);

    const en = await call("POST", "/tools", bad, { "accept-language": "en-GB,en;q=0.9" });
    const tierEn = (await en.json()).error.fields.find((f: { field: string }) => f.field === "tierInUse");
    expect(tierEn.message).toMatch(/^choose a tier/);

    const notJson = await call("POST", "/tools", "{nope");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.fields[0].message).toMatch(/geen geldige JSON/);
  });

  it("translates zod's generic messages too", async () => {
    const en = await call("PUT", "/organisation", { name: "Bakkerij", employees: "many" }, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect((await en.json()).error.fields[0]).toEqual({
      field: "employees",
      message: expect.stringMatching(/expected number/),
    });
    const nl = await call("PUT", "/organisation", { name: "Bakkerij", employees: "many" });
    expect((await nl.json()).error.fields[0].message).toMatch(/verwacht getal/);
  });

  it("does CRUD on register entries and exports them as CSV and JSON", async () => {
    expect((await call("POST", "/register", sampleRegisterEntry())).status).toBe(201);
    expect((await call("POST", "/register", sampleRegisterEntry())).status).toBe(409);
    const second = await call("POST", "/register", {
      ...sampleRegisterEntry({ system: '=Offerte "assistent", intern' }),
      id: undefined,
      interactsWithPeople: false,
      obligations: ["ai-literacy-art4"],
    });
    expect(second.status).toBe(201);
    const secondId = (await second.json()).id;
    expect(secondId).toMatch(/^offerte-assistent-intern-[0-9a-f]{6}$/);

    const csv = await call("GET", "/register/export?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="ai-register-2026-11-03.csv"/);
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]?.startsWith("id,system,purpose")).toBe(true);
    expect(lines).toHaveLength(3);
    // A cell that would start a spreadsheet formula is defused, quotes are doubled.
    expect(lines[2]).toContain(`"'=Offerte ""assistent"", intern"`);
    expect(lines[1]).toContain("transparency-art50; ai-literacy-art4");

    const json = await (await call("GET", "/register/export?format=json")).json();
    expect(json.entries.map((e: { id: string }) => e.id)).toEqual(["klantenservice-bot", secondId]);
    expect((await call("GET", "/register/export?format=xml")).status).toBe(400);

    const updated = await call("PUT", "/register/klantenservice-bot", { ...sampleRegisterEntry(), status: "retired" });
    expect((await updated.json()).status).toBe("retired");
    expect((await call("DELETE", "/register/klantenservice-bot")).status).toBe(204);
    expect((await call("GET", "/register/klantenservice-bot")).status).toBe(404);
  });

  it("lists incidents with their 72-hour countdown", async () => {
    await call("POST", "/incidents", sampleIncident({ discoveredAt: "2026-11-02T12:00:00Z" }));
    const { incidents } = await (await call("GET", "/incidents")).json();
    expect(incidents).toHaveLength(1);
    expect(incidents[0].countdown).toMatchObject({
      deadline: "2026-11-05T12:00:00.000Z",
      hoursLeft: 48,
      overdue: false,
    });
  });

  it("runs the 12-rule check on what is stored", async () => {
    await call("PUT", "/organisation", { name: "Bakkerij Zonneveld" });
    const check = await (await call("GET", "/check")).json();
    expect(check.organisation).toBe("Bakkerij Zonneveld");
    expect(check.results).toHaveLength(12);
    expect(check.date).toBe("2026-11-03");
    const text = await call("GET", "/check?format=text", undefined, { "accept-language": "en" });
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await text.text()).toMatch(/Bakkerij Zonneveld/);
  });

  it("serves an OpenAPI 3.1 document with the request schemas", async () => {
    const doc = await (await call("GET", "/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/tools/{id}/decision"].post).toBeDefined();
    expect(doc.components.schemas.ToolInUse.properties.tierInUse.enum).toContain("business");
  });

  it("answers 404 with a JSON body for unknown ids and paths", async () => {
    const missing = await call("GET", "/tools/nope");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toEqual({ code: "not_found", message: 'Niet gevonden: hulpmiddel "nope"' });
    expect((await call("GET", "/nowhere")).status).toBe(404);
  });
});

describe.each(backends)("governance API documents and imports on $name", (backend) => {
  let t: TestStore;
  let app: Hono;
  let token: string;

  beforeEach(async () => {
    t = await backend.open();
    token = (await ensureAdminToken(t.store)).created as string;
    app = createServerApp({ store: t.store, governance: new GovernanceService(t.store, { now: () => NOW }) });
  });
  afterEach(async () => {
    await t.dispose();
  });

  const call = (method: string, path: string, init: RequestInit = {}) =>
    app.request(`/api/governance${path}`, {
      method,
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
  const putJson = (path: string, body: unknown) =>
    call("PUT", path, { body: JSON.stringify(body), headers: { "content-type": "application/json" } });

  const choices = {
    companyName: "Bakkerij Zonneveld",
    responsible: { name: "Fenna Wiersma" },
    doubtContact: { name: "Ruud Kamphuis", email: "ruud@example.nl" },
    registerLocation: "Poortwachter, onder Register",
    effectiveDate: "2026-11-01",
  };

  it("needs policy choices before it can generate the policy", async () => {
    const res = await call("GET", "/policy?format=md");
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/beleidskeuzes/);
  });

  it("generates the policy as Markdown, HTML and a PDF download", async () => {
    expect((await putJson("/policy-choices", choices)).status).toBe(200);
    const md = await call("GET", "/policy?format=md&lang=nl");
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(await md.text()).toContain("Bakkerij Zonneveld");
    const html = await call("GET", "/policy?format=html&lang=en");
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/<html[\s\S]*Bakkerij Zonneveld/);

    const pdf = await call("GET", "/policy?format=pdf&lang=nl");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain('filename="ai-beleid.pdf"');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1000);

    const bad = await call("GET", "/policy?format=docx&lang=de");
    expect(bad.status).toBe(400);
    const fields = (await bad.json()).error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(["format", "lang"]);
  });

  it("imports a proxy log as text and as a multipart file, and lists the findings", async () => {
    await call("POST", "/tools", {
      body: JSON.stringify(sampleTool()),
      headers: { "content-type": "application/json" },
    });
    const log = [
      "1762156800.123     45 10.0.0.10 TCP_TUNNEL/200 1234 CONNECT chat.deepseek.com:443 - HIER_DIRECT/1.2.3.4 -",
      "1762156900.123     45 10.0.0.11 TCP_TUNNEL/200 1234 CONNECT chatgpt.com:443 - HIER_DIRECT/1.2.3.4 -",
      "1762157000.123     45 10.0.0.10 TCP_TUNNEL/200 1234 CONNECT www.example.nl:443 - HIER_DIRECT/1.2.3.4 -",
    ].join("\n");
    const text = await call("POST", "/shadow-ai/import?source=proxy-november", {
      body: log,
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(201);
    const result = await text.json();
    expect(result.format).toBe("squid");
    expect(result.unregistered.map((f: { name: string }) => f.name)).toEqual(["DeepSeek"]);

    const form = new FormData();
    form.append("file", new File([log], "squid-access.log", { type: "text/plain" }));
    const multipart = await call("POST", "/shadow-ai/import", { body: form });
    expect(multipart.status).toBe(201);

    const { imports } = await (await call("GET", "/shadow-ai/imports")).json();
    expect(imports.map((i: { source: string }) => i.source).sort()).toEqual(["proxy-november", "squid-access.log"]);
    const latest = await (await call("GET", "/shadow-ai/findings")).json();
    expect(latest.findings.find((f: { name: string }) => f.name === "DeepSeek")).toMatchObject({
      hits: 1,
      registered: false,
      users: ["10.0.0.10"],
    });

    const empty = await call("POST", "/shadow-ai/import", { body: "  ", headers: { "content-type": "text/plain" } });
    expect(empty.status).toBe(400);

    // A shadow-AI round now counts for the 12-rule check.
    const check = await (await call("GET", "/check")).json();
    expect(check.results).toHaveLength(12);
  });

  it("serves the disclosure texts with the organisation's name", async () => {
    await putJson("/organisation", { name: "Bakkerij Zonneveld" });
    const all = await (await call("GET", "/disclosure")).json();
    expect(all.texts.length).toBeGreaterThan(2);
    expect(all.texts.every((x: { text: string }) => x.text.includes("Bakkerij Zonneveld"))).toBe(true);
    const en = await (await call("GET", "/disclosure?lang=en&assistantName=Sam")).json();
    expect(en.texts.every((x: { lang: string }) => x.lang === "en")).toBe(true);
    expect((await call("GET", "/disclosure?privacyUrl=geen-url")).status).toBe(400);
  });
});

describe("OpenAPI document", () => {
  it("documents every route the governance API serves", async () => {
    const { createGovernanceApi } = await import("../src/governance/api/app.js");
    const { buildOpenApiDocument } = await import("../src/governance/api/openapi.js");
    const api = createGovernanceApi({
      service: {} as GovernanceService,
      verifyToken: async () => false,
    });
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const served = api.routes
      .filter((r) => r.method !== "ALL")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((k) => k !== "parameters")
        .map((method) => `${method} ${path}`),
    );
    expect(served.length).toBeGreaterThan(30);
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
  });
});
