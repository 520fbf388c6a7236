import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/index.js";
import { type MockUpstream, startMockUpstream } from "../src/gateway/testing/mock-upstream.js";
import {
  openTestRedis,
  redisAvailable,
  TEST_REDIS_URL,
  type TestRedis,
} from "../src/store/counters/redis-test-helpers.js";
import { dropSchema, postgresReachable, TEST_DATABASE_URL } from "../src/store/test-helpers/backends.js";
import { createKey, gatewayYaml, type Instance, post, startInstance } from "./gateway-harness.js";

async function backendsAvailable(): Promise<boolean> {
  const pg = await postgresReachable();
  if (!pg && (process.env.CI === "true" || process.env.CI === "1")) {
    throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable; it is required when CI is set`);
  }
  const redis = await redisAvailable();
  if (!pg) process.stderr.write(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable: skipping the scale-out test\n`);
  return pg && redis;
}

const available = await backendsAvailable();

describe.skipIf(!available)("two instances sharing PostgreSQL and Redis", () => {
  const schema = `pw_test_${randomBytes(6).toString("hex")}`;
  let upstream: MockUpstream;
  let redis: TestRedis;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    upstream = await startMockUpstream();
    redis = openTestRedis();
    const config = parseConfig(
      gatewayYaml(upstream.url, "budgets:\n  perKey:\n    daily: { hard: 0.5 }\n"),
      {},
      "scaleout.yaml",
    );
    const shared = {
      config,
      databaseUrl: TEST_DATABASE_URL,
      schema,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: redis.prefix,
    };
    // One after the other: the first one runs the migrations.
    a = await startInstance(shared);
    b = await startInstance(shared);
    // The admin token is created once, by the first instance; the second shares it.
    b.adminToken = a.adminToken;
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await upstream?.close();
    await redis?.dispose();
    await dropSchema(schema);
  });

  it("shares keys, the vault, budgets and the audit log", async () => {
    const key = await createKey(a, "pieter");
    const headers = { "x-poortwachter-conversation": "gedeeld-1" };
    const prompt = "Maak een offerte voor Sanne de Graaf, sanne.degraaf@voorbeeld.nl.";

    // A key created on A works on B at once; the conversation started on A restores on B.
    upstream.reply({ text: "Genoteerd." });
    const first = await post(
      { instance: a, key },
      "/v1/chat/completions",
      {
        model: "gpt-4.1",
        max_tokens: 100,
        messages: [{ role: "user", content: prompt }],
      },
      headers,
    );
    expect(first.status).toBe(200);

    upstream.reply({ text: "Offerte voor [PERSOON_1] ([EMAIL_1])." });
    const second = await post(
      { instance: b, key },
      "/v1/chat/completions",
      {
        model: "llama3.1:8b",
        messages: [{ role: "user", content: prompt }],
      },
      headers,
    );
    expect(second.status).toBe(200);
    const body = (await second.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]?.message.content).toBe("Offerte voor Sanne de Graaf (sanne.degraaf@voorbeeld.nl).");
    for (const request of upstream.requests) {
      expect(request.bodyText).not.toContain("Sanne");
      expect(request.bodyText).not.toContain("sanne.degraaf");
    }

    // An answer of about EUR 0.69 on A, against a EUR 0.50 daily limit: B refuses the next request.
    upstream.reply({ text: "Lang antwoord.", usage: { input: 1000, output: 100_000 } });
    const expensive = await post({ instance: a, key }, "/v1/chat/completions", {
      model: "gpt-4.1",
      max_tokens: 100,
      messages: [{ role: "user", content: "Schrijf een lang verhaal" }],
    });
    expect(expensive.status).toBe(200);
    await a.gateway.gateway.idle();
    const refused = await post({ instance: b, key }, "/v1/chat/completions", {
      model: "gpt-4.1",
      max_tokens: 100,
      messages: [{ role: "user", content: "Nog een vraag" }],
    });
    expect(refused.status).toBe(402);

    await a.gateway.gateway.idle();
    await a.gateway.accounting.audit.flush();
    await b.gateway.gateway.idle();
    await b.gateway.accounting.audit.flush();
    const records = await a.gateway.accounting.auditLog.query({ user: "pieter" });
    expect(records.map((r) => r.httpStatus).sort()).toEqual([200, 200, 200, 402]);
  });
});
