import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKey, post, type Setup, setup } from "./gateway-harness.js";

const PROMPT = "Schrijf een korte mail aan Pieter van Dijk (pieter.vandijk@voorbeeld.nl) over de offerte.";

async function auditRecords(s: Setup) {
  await s.instance.gateway.gateway.idle();
  await s.instance.gateway.accounting.audit.flush();
  return s.instance.gateway.accounting.auditLog.query({ limit: 100_000 });
}

describe("budgets and rate limits", () => {
  let hard: Setup;
  let soft: Setup;
  let rate: Setup;
  beforeAll(async () => {
    hard = await setup("budgets:\n  perKey:\n    daily: { hard: 0.001 }\n");
    soft = await setup("budgets:\n  perUser:\n    daily: { soft: 0.000001, hard: 100 }\n");
    rate = await setup("rateLimits:\n  requestsPerMinute: 2\n");
  });
  afterAll(async () => {
    await Promise.all([hard.close(), soft.close(), rate.close()]);
  });

  it("refuses a request that could pass the hard limit: 402 in each protocol's shape", async () => {
    const openai = await post(hard, "/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(openai.status).toBe(402);
    expect(Number(openai.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await openai.json()) as { error: { type: string; code: string; message: string } };
    expect(body.error.type).toBe("insufficient_quota");
    expect(body.error.message).toContain("dagbudget");
    const anthropic = await post(hard, "/v1/messages", {
      model: "claude-sonnet-4-5",
      max_tokens: 1000,
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(anthropic.status).toBe(402);
    expect(((await anthropic.json()) as { error: { type: string } }).error.type).toBe("billing_error");
    expect(hard.upstream.requests).toHaveLength(0);
  });

  it("lets a cheap request under the hard limit through", async () => {
    // A local model costs nothing, so its reservation fits any budget.
    const response = await post(hard, "/v1/chat/completions", {
      model: "llama3.1:8b",
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(response.status).toBe(200);
  });

  it("warns past the soft limit with a header and an audit reason", async () => {
    soft.upstream.setDefaultReply({ text: "ok" });
    const response = await post(soft, "/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-poortwachter-budget-warning")).toBe("user-daily");
    const records = await auditRecords(soft);
    expect(records.at(-1)?.reasons).toContain("budget_soft_user_daily");
    expect(records.at(-1)?.costMicros).toBeGreaterThan(0);
  });

  it("answers 429 with retry-after past the request rate", async () => {
    const send = () =>
      post(rate, "/v1/chat/completions", { model: "gpt-4.1", messages: [{ role: "user", content: "Hallo" }] });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await limited.json()) as { error: { type: string } };
    expect(body.error.type).toBe("rate_limit_error");
    expect(rate.upstream.requests).toHaveLength(2);
  });
});

describe("upstream failures, cancellation and malformed requests", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup("", { upstreamTimeoutMs: 400 });
  });
  afterAll(async () => {
    await s.close();
  });
  beforeEach(() => {
    s.upstream.reset();
  });

  it("closes the upstream connection when the client aborts mid-stream, and settles the budget by estimate", async () => {
    s.upstream.reply({ text: ["Beste "], neverEnd: "trickle", chunkDelayMs: 10 });
    const abort = new AbortController();
    const response = await post(
      s,
      "/v1/chat/completions",
      { model: "gpt-4.1", stream: true, messages: [{ role: "user", content: PROMPT }] },
      {},
      abort.signal,
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.read();
    abort.abort();
    const recorded = s.upstream.lastRequest();
    await recorded?.finished;
    expect(recorded?.closedByClient).toBe(true);

    let last: Awaited<ReturnType<typeof auditRecords>>[number] | undefined;
    for (let i = 0; i < 50 && last?.errorCode !== "client_closed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      last = (await auditRecords(s)).at(-1);
    }
    expect(last?.errorCode).toBe("client_closed");
    expect(last?.reasons).toContain("usage_estimated");
    // The reservation (prompt + 4096 output tokens) was replaced by the much smaller estimate.
    const auth = await s.instance.gateway.accounting.identity.authenticate(s.key);
    if (!auth.ok) throw new Error("key not valid");
    const status = await s.instance.gateway.accounting.budgets.status(auth.identity);
    const keyDaily = status.find((line) => line.scope === "key" && line.period === "daily");
    expect(keyDaily?.spentEur).toBeGreaterThan(0);
    expect(keyDaily?.spentEur).toBeLessThan(0.001);
  });

  it("maps an upstream 500 to 502 in the client's shape", async () => {
    s.upstream.reply({ status: 500, errorMessage: "kapot" });
    const response = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { type: string } };
    expect(body.error.type).toBe("api_error");
  });

  it("passes an upstream 429 on with its retry-after, and Anthropic overload as 529", async () => {
    s.upstream.reply({ status: 429, headers: { "retry-after": "30" } }, { status: 529 });
    const limited = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    const overloaded = await post(s, "/v1/messages", {
      model: "claude-sonnet-4-5",
      max_tokens: 10,
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(overloaded.status).toBe(529);
    expect(((await overloaded.json()) as { error: { type: string } }).error.type).toBe("overloaded_error");
  });

  it("times out a silent upstream with 504", async () => {
    s.upstream.reply({ hang: true });
    const response = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(response.status).toBe(504);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe("timeout_error");
  });

  it("forwards an error that arrives after HTTP 200 as a stream error event", async () => {
    s.upstream.reply({ text: ["een ", "twee ", "drie"], errorAfterDeltas: 1 });
    const response = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      stream: true,
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('"error"');
    expect(text).not.toContain("drie");
  });

  it("answers malformed requests with 400 in the client's protocol", async () => {
    const notJson = await post(s, "/v1/chat/completions", "{niet json");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");

    const noMessages = await post(s, "/v1/chat/completions", { model: "gpt-4.1" });
    expect(noMessages.status).toBe(400);
    expect(((await noMessages.json()) as { error: { param: string } }).error.param).toBe("messages");

    const noMaxTokens = await post(s, "/v1/messages", {
      model: "claude-sonnet-4-5",
      messages: [{ role: "user", content: "Hallo" }],
    });
    expect(noMaxTokens.status).toBe(400);
    const body = (await noMaxTokens.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe("error");
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain("max_tokens");
    expect(s.upstream.requests).toHaveLength(0);
  });

  it("refuses a body above the size limit with 413", async () => {
    const huge = JSON.stringify({
      model: "gpt-4.1",
      messages: [{ role: "user", content: "a".repeat(9 * 1024 * 1024) }],
    });
    const response = await post(s, "/v1/messages", huge);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { type: string; error: { type: string } };
    expect(body.error.type).toBe("request_too_large");
  });

  it("refuses requests without a valid key with 401 and a Dutch message", async () => {
    const none = await fetch(`${s.instance.url}/v1/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "gpt-4.1", messages: [{ role: "user", content: "Hallo" }] }),
    });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { message: string } }).error.message).toContain("Geen API-sleutel");
    const wrong = await post({ instance: s.instance, key: "pw-AAAAAAAAAA-nope" }, "/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [],
    });
    expect(wrong.status).toBe(401);
  });
});

describe("admin API", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });
  afterAll(async () => {
    await s.close();
  });

  const admin = (path: string, init: RequestInit = {}, token = s.instance.adminToken) =>
    fetch(`${s.instance.url}/api/gateway${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });

  it("requires the admin token", async () => {
    expect((await admin("/keys", {}, "pwa_wrong")).status).toBe(401);
  });

  it("creates, lists and revokes keys; a revoked key stops working", async () => {
    const key = await createKey(s.instance, "anna", "sales");
    const listed = (await (await admin("/keys?user=anna")).json()) as { keys: Array<{ id: string; team: string }> };
    expect(listed.keys).toHaveLength(1);
    expect(listed.keys[0]?.team).toBe("sales");
    expect(JSON.stringify(listed)).not.toContain(key);
    const user = { instance: s.instance, key };
    s.upstream.setDefaultReply({ text: "ok" });
    expect(
      (await post(user, "/v1/chat/completions", { model: "gpt-4.1", messages: [{ role: "user", content: "Hoi" }] }))
        .status,
    ).toBe(200);
    expect((await admin(`/keys/${listed.keys[0]?.id}`, { method: "DELETE" })).status).toBe(200);
    const after = await post(user, "/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: "Hoi" }],
    });
    expect(after.status).toBe(401);
    const teams = (await (await admin("/teams")).json()) as { teams: Array<{ name: string }> };
    expect(teams.teams.map((t) => t.name)).toContain("sales");
  });

  it("exports the audit log as CSV without personal data", async () => {
    s.upstream.setDefaultReply({ text: "Goed, [PERSOON_1]." });
    await post(s, "/v1/chat/completions", { model: "gpt-4.1", messages: [{ role: "user", content: PROMPT }] });
    await s.instance.gateway.gateway.idle();
    await s.instance.gateway.accounting.audit.flush();
    const response = await admin("/audit?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const csv = await response.text();
    expect(csv).toContain("gpt-4.1");
    expect(csv).toContain("tester");
    for (const value of ["Pieter", "van Dijk", "pieter.vandijk@voorbeeld.nl"]) expect(csv).not.toContain(value);
  });
});
