import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type PoortwachterConfig, parseConfig } from "../../../config/index.js";
import { createGateway, type GatewayInstance } from "../../../gateway/index.js";
import { type MockUpstream, startMockUpstream } from "../../../gateway/testing/mock-upstream.js";
import type { CheckResult } from "../../../governance/rules/index.js";
import { GovernanceService } from "../../../governance/service/index.js";
import { openStore, type Store } from "../../../store/index.js";
import { sampleIncident, sampleTraining } from "../../../store/test-helpers/fixtures.js";
import { type SessionAccount, testAccount, type WebApiDeps, type WebEnv } from "../context.js";
import type { DashboardHome } from "./home.js";
import { createDashboardApi, createWebGovernanceApi } from "./index.js";

const NOW = new Date("2026-11-03T12:00:00Z");

function webApp(deps: WebApiDeps, account: Partial<SessionAccount> = {}, language: "nl" | "en" = "nl") {
  const app = new Hono<WebEnv>();
  app.use("*", testAccount(account, language));
  app.route("/dashboard", createDashboardApi(deps));
  app.route("/governance", createWebGovernanceApi(deps));
  return app;
}

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("dashboard home and governance for the web app (SQLite)", () => {
  let dir: string;
  let store: Store;
  let deps: WebApiDeps;
  let owner: Hono<WebEnv>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "pw-dash-"));
    store = await openStore({ dataDir: dir });
    deps = { store, governance: new GovernanceService(store, { now: () => NOW }), clock: () => NOW.getTime() };
    owner = webApp(deps, { role: "owner", name: "fenna", displayName: "Fenna Wiersma" });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const home = async (app = owner): Promise<DashboardHome> => {
    const response = await app.request("/dashboard/home");
    expect(response.status).toBe(200);
    return (await response.json()) as DashboardHome;
  };

  it("starts with a low score, three next steps that link to their page and no gateway", async () => {
    const first = await home();
    expect(first.score.total).toBe(12);
    expect(first.rules).toHaveLength(12);
    expect(first.score.points).toBeLessThan(first.score.max);
    expect(first.nextActions).toHaveLength(3);
    // Unmet start-here rules come first, as the guidance says.
    expect(first.nextActions[0]?.rule).toBe(1);
    expect(first.nextActions[1]?.rule).toBe(2);
    // An empty inventory fails several rules: its step is listed once, for all of them.
    expect(first.nextActions[0]?.rules).toEqual(expect.arrayContaining([1, 3, 4]));
    expect(new Set(first.nextActions.map((a) => a.text.nl)).size).toBe(3);
    expect(first.nextActions[0]?.link).toBe("/governance/tools");
    expect(first.nextActions[0]?.text.nl).toMatch(/inventaris/);
    expect(first.spend).toEqual({ configured: false, link: "/settings" });
    expect(first.gateway).toEqual({ configured: false, link: "/settings" });
    expect(first.incidents).toEqual([]);
    expect(first.toolsAwaitingApproval).toEqual([]);
  });

  it("reflects a training and a tool in the score and the next steps", async () => {
    const before = await home();
    const training = await owner.request(
      "/governance/trainings",
      json(sampleTraining({ id: undefined as unknown as string, date: "2026-10-20" })),
    );
    expect(training.status).toBe(201);
    const afterTraining = await home();
    const rule12 = (h: DashboardHome) => h.rules.find((r) => r.id === "train-every-quarter")?.status;
    expect(rule12(before)).toBe("not");
    expect(rule12(afterTraining)).not.toBe("not");
    expect(afterTraining.score.points).toBeGreaterThan(before.score.points);

    const tool = await owner.request(
      "/governance/tools",
      json({ catalogueEntryId: "openai-chatgpt-free", dataCategories: ["customer"], responsiblePerson: "Fenna" }),
    );
    expect(tool.status).toBe(201);
    const created = (await tool.json()) as { tool: { id: string; approval: { requestedBy?: string } } };
    // The web session fills in who asked.
    expect(created.tool.approval.requestedBy).toBe("Fenna Wiersma");
    const withTool = await home();
    expect(withTool.toolsAwaitingApproval).toHaveLength(1);
    expect(withTool.toolsAwaitingApproval[0]?.name).toMatch(/ChatGPT/);
    expect(withTool.toolsAwaitingApproval[0]?.warnings.length).toBeGreaterThan(0);
    // A free tool for customer data: rule 1 is now broken and stays the first step.
    expect(withTool.nextActions[0]?.ruleId).toBe("no-customer-data-in-free-tools");
    expect(withTool.nextActions[0]?.text.nl).toMatch(/Stop met klantgegevens/);

    const decided = await owner.request(
      `/governance/tools/${created.tool.id}/decision`,
      json({ decision: "rejected", reason: "Gratis versie" }),
    );
    expect(decided.status).toBe(200);
    expect(((await decided.json()) as { tool: { approval: { decidedBy: string } } }).tool.approval.decidedBy).toBe(
      "Fenna Wiersma",
    );
    expect((await home()).toolsAwaitingApproval).toEqual([]);
  });

  it("lists open incidents with the deadline 72 hours after discovery, overdue ones flagged", async () => {
    const fresh = await owner.request(
      "/governance/incidents",
      json(sampleIncident({ id: "mail-verkeerd", discoveredAt: "2026-11-03T09:30:00+01:00" })),
    );
    expect(fresh.status).toBe(201);
    await owner.request(
      "/governance/incidents",
      json(sampleIncident({ id: "oud-lek", title: "Oud lek", discoveredAt: "2026-10-29T08:00:00Z" })),
    );
    const { incidents } = await home();
    expect(incidents.map((i) => i.id)).toEqual(["oud-lek", "mail-verkeerd"]);
    const current = incidents.find((i) => i.id === "mail-verkeerd");
    expect(current?.deadline).toBe("2026-11-06T08:30:00.000Z");
    expect(current?.overdue).toBe(false);
    expect(current?.running).toBe(true);
    expect(incidents.find((i) => i.id === "oud-lek")?.overdue).toBe(true);
  });

  it("refuses the home to members and limits members to requests on the governance API", async () => {
    const member = webApp(deps, { role: "member", name: "ruud", displayName: "Ruud Kamphuis" });
    const refused = await member.request("/dashboard/home");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");

    expect((await member.request("/governance/catalogue")).status).toBe(200);
    expect((await member.request("/governance/incidents")).status).toBe(403);
    expect((await member.request("/governance/register/export?format=csv")).status).toBe(403);
    expect((await member.request("/governance/check")).status).toBe(403);

    // A member asks for a tool: it is always a request in their name, whatever they send.
    const asked = await member.request(
      "/governance/tools",
      json({
        catalogueEntryId: "deepl-pro",
        dataCategories: ["public"],
        responsiblePerson: "Ruud Kamphuis",
        approval: { status: "approved", decidedBy: "Ruud", decidedOn: "2026-11-03", reason: "Voor vertalingen" },
      }),
    );
    expect(asked.status).toBe(201);
    const view = (await asked.json()) as { tool: { id: string; approval: Record<string, string> } };
    expect(view.tool.approval).toEqual({
      status: "requested",
      requestedBy: "Ruud Kamphuis",
      requestedOn: "2026-11-03",
      reason: "Voor vertalingen",
    });
    const decide = await member.request(`/governance/tools/${view.tool.id}/decision`, json({ decision: "approved" }));
    expect(decide.status).toBe(403);
  });

  it("answers validation errors with the fields, in the session's language", async () => {
    const english = webApp(deps, { role: "owner" }, "en");
    const bad = await english.request("/governance/contacts", json({ role: "it-supplier", name: "" }));
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { message: string; details: { fields: { field: string; message: string }[] } };
    };
    expect(body.error.message).toBe("The input is not valid");
    expect(body.error.details.fields.map((f) => f.field)).toEqual(expect.arrayContaining(["name"]));
  });
});

describe("dashboard spend and gateway line with a gateway on a mock upstream", () => {
  const BUDGETS = "budgets:\n  perUser:\n    monthly: { soft: 5, hard: 10 }\n    daily: { hard: 2 }\n";
  let dir: string;
  let store: Store;
  let upstream: MockUpstream;
  let gateway: GatewayInstance;
  let config: PoortwachterConfig;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pw-dash-gw-"));
    upstream = await startMockUpstream();
    config = parseConfig(
      `providers:\n  - id: openai\n    type: openai\n    baseUrl: ${upstream.url}/openai/v1\n    apiKey: sk-upstream\n    contract: business\n    dpaSigned: true\n    maxRetries: 0\n    models: [gpt-4.1]\nsecurity:\n  vaultKey: ${randomBytes(32).toString("hex")}\n${BUDGETS}`,
      {},
      "test.yaml",
    );
    store = await openStore({ dataDir: dir });
    gateway = await createGateway({ config, store, dataDir: dir, verifyAdminToken: async () => false });
  });
  afterAll(async () => {
    await gateway.close();
    await store.close();
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("counts this month's spend per user against the monthly budget and today's requests", async () => {
    const deps: WebApiDeps = { store, governance: new GovernanceService(store), gateway, config, clock: Date.now };
    const app = webApp(deps);
    const before = (await (await app.request("/dashboard/home")).json()) as DashboardHome;
    if (!before.gateway.configured || !before.spend.configured) throw new Error("gateway expected");
    expect(before.gateway.providers).toEqual(["openai"]);
    expect(before.gateway.requestsToday).toBe(0);
    expect(before.spend.users).toEqual([]);
    // No keys yet: rule 8 sees a gateway without personal keys.
    expect(before.rules.find((r) => r.id === "cost-limits-on-api-keys")?.status).toBe("partly");

    const { key } = await gateway.accounting.identity.createKey({ user: "tester" });
    const response = await gateway.routes.request("/v1/chat/completions", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({
        model: "gpt-4.1",
        messages: [{ role: "user", content: "Schrijf een korte groet voor de nieuwsbrief." }],
      }),
    });
    expect(response.status).toBe(200);
    await response.text();

    // The check page sees the new key with its limits without the home being opened first.
    const check = (await (await app.request("/governance/check")).json()) as CheckResult;
    expect(check.results.find((r) => r.id === "cost-limits-on-api-keys")?.status).toBe("met");

    const after = (await (await app.request("/dashboard/home")).json()) as DashboardHome;
    if (!after.gateway.configured || !after.spend.configured) throw new Error("gateway expected");
    expect(after.gateway.requestsToday).toBe(1);
    expect(after.gateway.blockedToday).toBe(0);
    expect(after.spend.requests).toBe(1);
    expect(after.spend.month).toMatch(/^\d{4}-\d{2}$/);
    expect(after.spend.limits).toEqual({ perUser: { soft: 5, hard: 10 } });
    const tester = after.spend.users.find((u) => u.name === "tester");
    expect(tester).toMatchObject({ softEur: 5, hardEur: 10 });
    expect(tester?.spentEur).toBeGreaterThan(0);
    expect(after.spend.totalEur).toBe(tester?.spentEur);
    // The gateway now feeds rule 8: the tester's key has a daily and a monthly limit.
    expect(after.rules.find((r) => r.id === "cost-limits-on-api-keys")?.status).toBe("met");
  });
});
