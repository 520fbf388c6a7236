import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../config/load.js";
import { openSqliteTestStore, type TestStore } from "../../store/test-helpers/backends.js";
import { Accounting } from "./accounting.js";
import { auditCode, newAuditRecord } from "./audit.js";
import { accountingOptionsFromConfig } from "./from-config.js";

const CONFIG = `
providers:
  - id: lokaal
    type: openai-compatible
    baseUrl: http://127.0.0.1:11434/v1
    local: true
    models: [llama3.1:8b]
  - id: openai
    type: openai
    apiKey: sk-test
    models:
      - gpt-4.1
      - { name: gpt-4.1-mini, alias: huismodel, inputPricePerMTok: 10, outputPricePerMTok: 20 }
budgets:
  perTeam: { daily: { soft: 0.02, hard: 0.05 } }
rateLimits: { requestsPerMinute: 5 }
`;

describe("accounting for one gateway request", () => {
  let test: TestStore;
  let accounting: Accounting;
  const now = Date.parse("2030-03-13T10:00:00Z");

  beforeAll(async () => {
    test = await openSqliteTestStore();
    const config = parseConfig(CONFIG, {});
    accounting = new Accounting({ db: test.store.db, ...accountingOptionsFromConfig(config), clock: () => now });
  });
  afterAll(async () => {
    await accounting.close();
    await test.dispose();
  });

  it("prices from the config: local models free, catalogue prices by public name", () => {
    expect(accounting.prices.cost("llama3.1:8b", { inputTokens: 1e6, outputTokens: 1e6 }).micros).toBe(0);
    expect(accounting.prices.cost("huismodel", { inputTokens: 1e6, outputTokens: 1e6 }).eur).toBe(30);
  });

  it("admits, settles, warns above the soft limit, refuses above the hard limit, and audits", async () => {
    const { key } = await accounting.identity.createKey({ user: "anouk", team: "verkoop" });
    const auth = await accounting.identity.authenticate(key);
    if (!auth.ok) throw new Error(auth.code);
    const who = auth.identity;

    // huismodel: 1000 prompt tokens + 1000 output tokens may cost 0.03 EUR.
    const first = await accounting.admit(who, { model: "huismodel", promptChars: 4000, maxOutputTokens: 1000 });
    if (!first.ok) throw new Error(first.code);
    expect(first.estimate.eur).toBeCloseTo(0.03, 6);
    expect(first.headers).toEqual({ "x-poortwachter-budget-warning": "team-daily" });
    expect(first.reasons).toEqual(["budget_soft_team_daily"]);
    const cost = await first.finish({ inputTokens: 900, outputTokens: 100 });
    expect(cost.eur).toBeCloseTo(0.011, 6);

    // 0.011 spent + 0.03 reserved fits under 0.05; a third concurrent one would not.
    const second = await accounting.admit(who, { model: "huismodel", promptChars: 4000, maxOutputTokens: 1000 });
    expect(second.ok).toBe(true);
    const third = await accounting.admit(who, { model: "huismodel", promptChars: 4000, maxOutputTokens: 1000 });
    expect(third).toMatchObject({ ok: false, code: "budget_exceeded", status: 429, retryAfterSeconds: 13 * 3600 });
    if (!third.ok) expect(third.message.nl).toContain("dagbudget van je team");
    if (second.ok) await second.abort();
    expect((await accounting.admit(who, { model: "llama3.1:8b", promptChars: 10, maxOutputTokens: 10 })).ok).toBe(true);

    accounting.audit.record(
      newAuditRecord({
        user: auditCode(who.user),
        team: auditCode(who.team ?? ""),
        keyId: auditCode(who.keyId),
        tool: null,
        endpoint: auditCode("/v1/chat/completions"),
        protocol: "openai",
        provider: auditCode("openai"),
        modelRequested: auditCode("huismodel"),
        modelUsed: auditCode("huismodel"),
        tier: "customer",
        classification: "public",
        decision: "forward",
        reasons: first.reasons.map(auditCode),
        entityCounts: {},
        toolCalls: false,
        promptInjection: false,
        tokensIn: 900,
        tokensOut: 100,
        costMicros: cost.micros,
        latencyMs: 5,
        upstreamStatus: 200,
        httpStatus: 200,
        errorCode: null,
      }),
    );
    await accounting.audit.flush();
    const [record] = await accounting.auditLog.query({ user: "anouk" });
    expect(record).toMatchObject({ costMicros: 11_000, reasons: ["budget_soft_team_daily"] });
  });

  it("refuses past the request rate with Retry-After", async () => {
    const { key } = await accounting.identity.createKey({ user: "bram" });
    const auth = await accounting.identity.authenticate(key);
    if (!auth.ok) throw new Error(auth.code);
    const outcomes = [];
    for (let i = 0; i < 6; i++) {
      const a = await accounting.admit(auth.identity, { model: "llama3.1:8b", promptChars: 10, maxOutputTokens: 10 });
      if (a.ok) await a.finish({ inputTokens: 3, outputTokens: 10 });
      outcomes.push(a);
    }
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
    expect(outcomes[5]).toMatchObject({ ok: false, code: "rate_limited", headers: { "retry-after": "12" } });
  });
});
