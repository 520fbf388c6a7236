/**
 * The usage and settings APIs against a real gateway (store, mock upstream on loopback): the
 * numbers on the usage page, the export, and settings that change the very next gateway request.
 */
import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type PoortwachterConfig, parseConfig, parseVaultKey } from "../src/config/index.js";
import { Detector } from "../src/detect/index.js";
import { amsterdamDay } from "../src/gateway/accounting/windows.js";
import type { MockUpstream } from "../src/gateway/testing/mock-upstream.js";
import { startMockUpstream } from "../src/gateway/testing/mock-upstream.js";
import { GovernanceService } from "../src/governance/service/index.js";
import { type SessionAccount, testAccount, type WebApiDeps, type WebEnv } from "../src/server/web-api/context.js";
import { createSettingsApi } from "../src/server/web-api/settings/index.js";
import { createUsageApi } from "../src/server/web-api/usage/index.js";
import { GatewayAuditRepository, type StoredAuditRecord } from "../src/store/repositories/gateway-audit.js";
import { createKey, gatewayYaml, type Instance, post, startInstance, VAULT_KEY } from "./gateway-harness.js";

let upstream: MockUpstream;
let instance: Instance;
let config: PoortwachterConfig;
let key: string;
let hrKey: string;
const today = amsterdamDay(new Date());

function webApp(account: Partial<SessionAccount> = {}, language: "nl" | "en" = "nl") {
  const deps: WebApiDeps = {
    store: instance.store,
    governance: new GovernanceService(instance.store),
    gateway: instance.gateway,
    config,
    clock: Date.now,
  };
  const app = new Hono<WebEnv>();
  app.use("*", testAccount(account, language));
  app.route("/usage", createUsageApi(deps));
  app.route("/settings", createSettingsApi(deps));
  return app;
}

const admin = () => webApp();

async function call(method: string, path: string, body?: unknown, app = admin()) {
  return app.request(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function chat(text: string, withKey = key, model = "gpt-4.1") {
  return post({ instance, key: withKey }, "/v1/chat/completions", {
    model,
    messages: [{ role: "user", content: text }],
  });
}

async function settled() {
  await instance.gateway.gateway.idle();
  await instance.gateway.accounting.audit.flush();
}

beforeAll(async () => {
  upstream = await startMockUpstream();
  config = parseConfig(
    gatewayYaml(upstream.url, "pricing:\n  models:\n    gpt-4.1: { input: 2, output: 8, currency: EUR }\n"),
    {},
    "test.yaml",
  );
  instance = await startInstance({ config });
  key = await createKey(instance, "tester", "verkoop");
  hrKey = await createKey(instance, "hrmedewerker", "hr");
});

afterAll(async () => {
  await instance?.close();
  await upstream?.close();
});

beforeEach(() => {
  upstream.reset();
});

describe("usage API", () => {
  it("sums the requests that went through the gateway, per decision, team, model and entity type", async () => {
    expect((await chat("Schrijf een korte tekst over de herfst.")).status).toBe(200);
    expect((await chat("Mail Jan de Vries via jan.devries@example.nl over de offerte.")).status).toBe(200);
    expect((await chat("Het BSN van de klant is 111222333.")).status).toBe(400);
    await settled();

    const response = await call("GET", `/usage/summary?from=${today}&to=${today}&team=verkoop`);
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary.totals).toMatchObject({ requests: 3, forwarded: 2, blocked: 1, rerouted: 0, users: 1 });
    expect(summary.totals.costEur).toBeGreaterThan(0);
    expect(summary.requests).toEqual([{ bucket: today, forward: 2, reroute: 0, block: 1 }]);
    const entities = Object.fromEntries(
      summary.entities.map((e: { type: string; count: number }) => [e.type, e.count]),
    );
    expect(entities).toMatchObject({ PERSON: 1, EMAIL: 1, BSN: 1 });
    expect(summary.teamTotals.map((t: { key: string }) => t.key)).toEqual(["verkoop"]);
    expect(summary.modelTotals[0]).toMatchObject({ key: "gpt-4.1", requests: 2 });
    expect(summary.topUsers[0]).toMatchObject({ user: "tester", team: "verkoop", requests: 3, blocked: 1 });
    expect(summary.options.teams).toContain("verkoop");
  });

  it("exports the period's audit records as CSV with the audit columns, and as JSON", async () => {
    const csv = await call("GET", `/usage/export?format=csv&from=${today}&to=${today}&team=verkoop`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toContain(`poortwachter-gebruik-${today}-${today}.csv`);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,time,user,team,key_id,/);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.slice(1).every((line) => line.includes(",tester,verkoop,"))).toBe(true);
    // No raw personal data in the export: counts only.
    expect(lines.join("\n")).not.toContain("Jan de Vries");

    const json = await call("GET", `/usage/export?format=json&from=${today}&to=${today}&model=gpt-4.1`);
    const records = (await json.json()) as { modelUsed: string | null; modelRequested: string }[];
    expect(records.length).toBeGreaterThanOrEqual(3);
    expect(records.every((r) => r.modelUsed === "gpt-4.1" || r.modelRequested === "gpt-4.1")).toBe(true);
  });

  it("refuses a bad period with a Dutch message, and in English when asked", async () => {
    const nl = await call("GET", "/usage/summary?from=2026-13-01&to=2026-12-01");
    expect(nl.status).toBe(400);
    expect((await nl.json()).error.message).toMatch(/datums/);
    const en = await webApp({}, "en").request("/usage/summary?from=2026-12-02&to=2026-12-01");
    expect(en.status).toBe(400);
    expect((await en.json()).error.message).toMatch(/start date is after/);
  });

  it("groups days into weeks and months and fills empty buckets with zero", async () => {
    const response = await call("GET", "/usage/summary?from=2026-01-01&to=2026-03-31&bucket=month");
    const summary = await response.json();
    expect(summary.buckets).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(summary.requests.every((r: { forward: number }) => r.forward === 0)).toBe(true);
    const weeks = await (await call("GET", "/usage/summary?from=2026-11-01&to=2026-11-10&bucket=week")).json();
    expect(weeks.buckets).toEqual(["2026-10-26", "2026-11-02", "2026-11-09"]);
  });

  it("is for administrators only", async () => {
    const response = await webApp({ role: "member" }).request("/usage/summary");
    expect(response.status).toBe(403);
    expect((await webApp({ role: "member" }).request("/settings/budgets")).status).toBe(403);
    expect(
      (
        await call(
          "PUT",
          "/settings/budgets",
          { scope: "user", owner: "x", daily: { hard: 1 } },
          webApp({ role: "member" }),
        )
      ).status,
    ).toBe(403);
  });
});

describe("settings API", () => {
  it("shows providers with their tier facts and never an API key", async () => {
    const response = await call("GET", "/settings/providers");
    const text = await response.text();
    expect(text).not.toContain("sk-upstream-openai");
    const body = JSON.parse(text);
    const openai = body.providers.find((p: { id: string }) => p.id === "openai");
    expect(openai.apiKeySet).toBe(true);
    expect(openai.models[0]).toMatchObject({ name: "gpt-4.1", tier: "sensitive", facts: { dpaSigned: true } });
    // A cloud model is told what the contract lacks, not "run it locally".
    expect(openai.models[0].missingForNext).toEqual(["sectorAudit: true", "dpia: true"]);
    const local = body.providers.find((p: { id: string }) => p.id === "lokaal");
    expect(local.models[0]).toMatchObject({ tier: "special", nextTier: null });
  });

  it("applies a hard budget to the next gateway request, and lifts it again", async () => {
    expect((await chat("Hallo, hoe gaat het?")).status).toBe(200);
    const put = await call("PUT", "/settings/budgets", { scope: "user", owner: "tester", daily: { hard: 0.000001 } });
    expect(put.status).toBe(200);
    const refused = await chat("Hallo, hoe gaat het?");
    expect(refused.status).toBe(402);
    expect(JSON.stringify(await refused.json())).toMatch(/budget/i);

    const listed = await (await call("GET", "/settings/budgets")).json();
    expect(listed.entries).toEqual([
      expect.objectContaining({ scope: "user", owner: "tester", daily: { hard: 0.000001 } }),
    ]);
    expect(listed.entries[0].spent.dailyEur).toBeGreaterThan(0);
    expect(listed.owners.users).toContain("tester");

    expect((await call("DELETE", "/settings/budgets/user/tester")).status).toBe(204);
    expect((await chat("Hallo, hoe gaat het?")).status).toBe(200);
    expect((await call("DELETE", "/settings/budgets/user/tester")).status).toBe(404);
  });

  it("rejects a soft limit above the hard limit", async () => {
    const response = await call("PUT", "/settings/budgets", {
      scope: "team",
      owner: "verkoop",
      monthly: { soft: 50, hard: 10 },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("invalid_input");
  });

  it("pseudonymises a customer from an uploaded list that the built-in detector misses", async () => {
    // A customer written in lower case: nothing about it looks like a name to the built-in detector.
    const prompt = "Maak een offerte voor groenlinck, graag vandaag nog.";
    expect(new Detector().detect(prompt)).toEqual([]);
    expect((await chat(prompt)).status).toBe(200);
    expect(JSON.stringify(upstream.requests.at(-1)?.body)).toContain("groenlinck");

    const upload = await call("PUT", "/settings/dictionary", {
      fileName: "klanten.csv",
      content: "type,waarde\nbedrijf,Groenlinck\npersoon,Henk Bloemkool\n",
    });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ entries: 2, fileName: "klanten.csv", byType: { ORGANIZATION: 1 } });

    const response = await chat(prompt);
    expect(response.status).toBe(200);
    const sent = JSON.stringify(upstream.requests.at(-1)?.body);
    expect(sent).not.toContain("groenlinck");
    expect(sent).toContain("[ORGANISATIE_1]");

    expect((await call("DELETE", "/settings/dictionary")).status).toBe(204);
    expect(await (await call("GET", "/settings/dictionary")).json()).toMatchObject({ entries: 0 });
    await chat(prompt);
    expect(JSON.stringify(upstream.requests.at(-1)?.body)).toContain("groenlinck");
  });

  it("loads the stored customer list again when the gateway restarts", async () => {
    await call("PUT", "/settings/dictionary", { content: "bedrijf\nGroenlinck\n" });
    // Stored sealed: the database alone does not hold the customer names.
    const row = await instance.store.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "runtime.dictionary")
      .executeTakeFirstOrThrow();
    expect(row.value).not.toMatch(/groenlinck/i);
    expect(row.value).toContain('"sealed"');

    const { RuntimeSettings } = await import("../src/settings/index.js");
    const swapped: Detector[] = [];
    const fresh = new RuntimeSettings({
      store: instance.store,
      config,
      targets: { gateway: { setPolicy: () => {}, setDetector: (d) => swapped.push(d) } },
      sealKey: parseVaultKey(VAULT_KEY) as Buffer,
    });
    await fresh.load();
    expect(swapped).toHaveLength(1);
    expect(swapped[0]?.detect("Maak een offerte voor groenlinck, graag vandaag nog.")).toHaveLength(1);
    await call("DELETE", "/settings/dictionary");
  });

  it("explains an unreadable customer list without echoing it", async () => {
    const response = await call("PUT", "/settings/dictionary", { content: '[{"Jan de Vries' });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_dictionary");
    expect(body.error.message).toBe("Het bestand kan niet worden gelezen: dit is geen geldige JSON.");
  });

  it("changes the routing of a team's next request through a policy override, and back", async () => {
    const text = "Schrijf een korte tekst over de herfst.";
    const before = await chat(text, hrKey);
    expect(before.headers.get("x-poortwachter-model")).toBe("gpt-4.1");

    const put = await call("PUT", "/settings/policy/teams/hr", { minimumClass: "special" });
    expect(put.status).toBe(200);
    const after = await chat(text, hrKey);
    expect(after.status).toBe(200);
    expect(after.headers.get("x-poortwachter-decision")).toBe("reroute");
    expect(after.headers.get("x-poortwachter-model")).toBe("llama3.1:8b");
    // Other teams keep the configured policy.
    expect((await chat(text)).headers.get("x-poortwachter-model")).toBe("gpt-4.1");

    const policy = await (await call("GET", "/settings/policy")).json();
    expect(policy.storedTeams).toEqual({ hr: { minimumClass: "special" } });
    expect(policy.classes.find((c: { dataClass: string }) => c.dataClass === "special").models).toEqual([
      "llama3.1:8b",
    ]);
    expect(policy.teams).toEqual(expect.arrayContaining(["hr", "verkoop"]));

    expect((await call("DELETE", "/settings/policy/teams/hr")).status).toBe(204);
    expect((await chat(text, hrKey)).headers.get("x-poortwachter-model")).toBe("gpt-4.1");
  });

  it("refuses a policy override naming an unknown model", async () => {
    const response = await call("PUT", "/settings/policy/teams/hr", { allowedModels: ["gpt-99"] });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("unknown_model");
  });

  it("stores retention and purges audit records older than the audit retention", async () => {
    expect(await (await call("GET", "/settings/retention")).json()).toEqual({ chatDays: 30, auditDays: 365 });
    const repo = new GatewayAuditRepository(instance.store.db);
    const [recent] = await repo.query({ limit: 1 });
    expect(recent).toBeDefined();
    const old = new Date(Date.now() - 300 * 86_400_000).toISOString();
    await repo.insertMany([{ ...(recent as StoredAuditRecord), id: "old-record", time: old }]);
    const cutoff = new Date(Date.now() - 201 * 86_400_000).toISOString();
    expect((await repo.query({ to: cutoff })).length).toBe(1);

    const response = await call("PUT", "/settings/retention", { chatDays: 14, auditDays: 200 });
    expect(await response.json()).toEqual({ chatDays: 14, auditDays: 200 });
    // A shorter audit retention purges at once; recent records stay.
    expect(await repo.query({ to: cutoff })).toEqual([]);
    expect((await repo.query({ limit: 1 })).length).toBe(1);
    expect(await instance.store.settings.get("chat.retentionDays", (await import("zod")).z.number())).toBe(14);
    expect((await call("PUT", "/settings/retention", { chatDays: 0 })).status).toBe(422);
    const tooShort = await call("PUT", "/settings/retention", { auditDays: 30 });
    expect(tooShort.status).toBe(422);
    const error = (await tooShort.json()).error;
    expect(error.code).toBe("audit_retention_too_short");
    expect(error.message).toMatch(/zes maanden/);
  });

  it("records admin actions in the admin audit", async () => {
    await call("PUT", "/settings/budgets", { scope: "team", owner: "hr", monthly: { soft: 5, hard: 10 } });
    const { listAdminActions } = await import("../src/accounts/index.js");
    const actions = await listAdminActions(instance.store, {});
    const entry = actions.find((a: { action: string }) => a.action === "budget.changed");
    expect(entry).toMatchObject({ target: "team:hr", actorName: "eigenaar" });
    await call("DELETE", "/settings/budgets/team/hr");
  });
});
