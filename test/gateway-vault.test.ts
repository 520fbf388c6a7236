import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** The placeholders the upstream received in one request, in order of appearance. */
function placeholdersIn(bodyText: string): string[] {
  return bodyText.match(/\[[A-Z_]+_\d+\]/g) ?? [];
}

async function answer(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
  return body.choices[0]?.message.content ?? "";
}

const SURNAMES = ["Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker"];
const PEOPLE = SURNAMES.flatMap((surname) => [`Sanne ${surname}`, `Thijs ${surname}sma`]);

/**
 * Twenty requests of one conversation at once (spread over the given instances), each naming its
 * own person and one shared person; then a follow-up naming everyone. Every person must have one
 * placeholder, no two people the same, and every placeholder must restore to its own person.
 */
async function concurrentConversation(
  upstream: MockUpstream,
  instances: Instance[],
  key: string,
  conversation: string,
) {
  const headers = { "x-poortwachter-conversation": conversation };
  upstream.requests.length = 0;
  const replies = await Promise.all(
    PEOPLE.map((name, i) =>
      post(
        { instance: instances[i % instances.length] as Instance, key },
        "/v1/chat/completions",
        {
          model: "gpt-4.1",
          messages: [{ role: "user", content: `Taak ${i}: stuur een bedankje aan ${name} namens Karin de Boer.` }],
        },
        headers,
      ),
    ),
  );
  for (const reply of replies) expect(reply.status).toBe(200);
  expect(upstream.requests).toHaveLength(PEOPLE.length);
  const boss = placeholdersIn(upstream.requests[0]?.bodyText ?? "")[1] as string;
  // Each request held its own person and the shared one, in that order.
  const own = PEOPLE.map((name, i) => {
    const request = upstream.requests.find((r) => r.bodyText.includes(`Taak ${i}:`));
    expect(request?.bodyText).not.toContain(name);
    const [person, shared] = placeholdersIn(request?.bodyText ?? "");
    expect(shared).toBe(boss);
    return person as string;
  });
  // Twenty people, twenty placeholders, none of them the shared person's.
  expect(new Set(own).size).toBe(PEOPLE.length);
  expect(own).not.toContain(boss);

  // A follow-up naming everyone: each person keeps the placeholder of their first request, and
  // every number restores to the one person it was given to.
  upstream.reply({ text: [...own, boss].join(", ") });
  const all = await post(
    { instance: instances[0] as Instance, key },
    "/v1/chat/completions",
    { model: "gpt-4.1", messages: [{ role: "user", content: `Zet in een lijst: ${PEOPLE.join(", ")}.` }] },
    headers,
  );
  expect(await answer(all)).toBe([...PEOPLE, "Karin de Boer"].join(", "));
  expect(placeholdersIn(upstream.requests.at(-1)?.bodyText ?? "")).toEqual(own);
}

describe("the vault on a single machine (no Redis)", () => {
  let upstream: MockUpstream;
  let dataDir: string;

  beforeAll(async () => {
    upstream = await startMockUpstream();
    dataDir = mkdtempSync(join(tmpdir(), "pw-vault-"));
  });

  afterAll(async () => {
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () => startInstance({ config: parseConfig(gatewayYaml(upstream.url), {}, "vault.yaml"), dataDir });

  it("restores a placeholder from before a restart of the gateway on the same data directory", async () => {
    let instance: Instance = await start();
    const key = await createKey(instance, "marloes");
    const headers = { "x-poortwachter-conversation": "offerte-bakkerij" };
    upstream.reply({ text: "Genoteerd." });
    const first = await post(
      { instance, key },
      "/v1/chat/completions",
      {
        model: "gpt-4.1",
        messages: [{ role: "user", content: "Schrijf een offerte voor Annelies Verbeek, a.verbeek@korenaar.nl." }],
      },
      headers,
    );
    expect(await answer(first)).toBe("Genoteerd.");
    const sent = upstream.requests.at(-1)?.bodyText ?? "";
    expect(sent).not.toContain("Annelies");
    expect(placeholdersIn(sent)).toEqual(["[PERSOON_1]", "[EMAIL_1]"]);
    // A graceful stop writes what is still pending.
    await instance.close();

    instance = await start();
    try {
      // The model refers back to the earlier placeholders; the new process restores them.
      upstream.reply({ text: "Offerte voor [PERSOON_1] is verstuurd naar [EMAIL_1]." });
      const second = await post(
        { instance, key },
        "/v1/chat/completions",
        { model: "gpt-4.1", messages: [{ role: "user", content: "Is de offerte verstuurd?" }] },
        headers,
      );
      expect(await answer(second)).toBe("Offerte voor Annelies Verbeek is verstuurd naar a.verbeek@korenaar.nl.");
      // The sealed session is in the database, and nothing readable is.
      const rows = await instance.store.db.selectFrom("vault_sessions").selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(Buffer.from(row.sealed, "base64").toString("latin1")).not.toContain("Verbeek");
    } finally {
      await instance.close();
    }
  });

  it("gives every person one number when many requests of one conversation arrive at once", async () => {
    const instance = await startInstance({ config: parseConfig(gatewayYaml(upstream.url), {}, "vault.yaml") });
    try {
      await concurrentConversation(upstream, [instance], await createKey(instance, "jeroen"), "gelijktijdig");
    } finally {
      await instance.close();
    }
  });
});

const scaleOut = await scaleOutAvailable();

describe.skipIf(!scaleOut)("the vault in Redis, shared by two instances", () => {
  const schema = `pw_test_${randomBytes(6).toString("hex")}`;
  let upstream: MockUpstream;
  let redis: TestRedis;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    upstream = await startMockUpstream();
    redis = openTestRedis();
    const shared = {
      config: parseConfig(gatewayYaml(upstream.url), {}, "vault-redis.yaml"),
      databaseUrl: TEST_DATABASE_URL,
      schema,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: redis.prefix,
    };
    a = await startInstance(shared);
    b = await startInstance(shared);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await upstream?.close();
    await redis?.dispose();
    await dropSchema(schema);
  });

  it("gives every person one number when requests of one conversation hit both instances at once", async () => {
    await concurrentConversation(upstream, [a, b], await createKey(a, "femke"), "gedeeld-gelijktijdig");
  });
});

/** PostgreSQL and Redis both reachable; locally skipped with a message without them, required in CI. */
async function scaleOutAvailable(): Promise<boolean> {
  const pg = await postgresReachable();
  if (!pg && (process.env.CI === "true" || process.env.CI === "1")) {
    throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable; it is required when CI is set`);
  }
  if (!pg) process.stderr.write(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable: skipping the shared-vault test\n`);
  const redisUp = await redisAvailable();
  return pg && redisUp;
}
