import { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Backend, type TestStore, testBackends } from "../test-helpers/backends.js";
import type { StoredAuditRecord } from "./gateway-audit.js";
import { GatewayAuditRepository } from "./gateway-audit.js";

const backends: Backend[] = await testBackends();

function record(i: number): StoredAuditRecord {
  // Values differ per record and per column, nulls included, so a value in the wrong column shows.
  return {
    id: `rec-${String(i).padStart(3, "0")}`,
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    user: i % 3 === 0 ? null : `user${i}`,
    team: i % 2 === 0 ? `team${i}` : null,
    keyId: `key${i}`,
    tool: i % 4 === 0 ? null : `tool${i}`,
    endpoint: "/v1/chat/completions",
    protocol: i % 2 === 0 ? "openai" : "anthropic",
    provider: `prov${i}`,
    modelRequested: `model-req-${i}`,
    modelUsed: i % 5 === 0 ? null : `model-used-${i}`,
    tier: i % 2 === 0 ? "sensitive" : null,
    classification: i % 3 === 0 ? "special" : "customer",
    decision: i % 3 === 0 ? "block" : "forward",
    reasons: [`reason${i}`],
    entityCounts: i % 4 === 0 ? {} : { PERSON: i, EMAIL: i + 1 },
    toolCalls: i % 2 === 0,
    promptInjection: i % 3 === 1,
    tokensIn: 10 * i,
    tokensOut: 7 * i,
    costMicros: 13 * i,
    latencyMs: i,
    upstreamStatus: i % 4 === 0 ? null : 200 + (i % 3),
    httpStatus: 200 + (i % 7),
    errorCode: i % 6 === 0 ? `err${i}` : null,
  };
}

describe.each(backends.map((b) => [b.name, b] as const))("cached audit inserts on %s", (_name, backend) => {
  let test: TestStore;
  beforeAll(async () => {
    test = await backend.open();
  });
  afterAll(async () => {
    await test.dispose();
  });

  it("writes every value into its column, batch after batch of the same and other sizes", async () => {
    const repo = new GatewayAuditRepository(test.store.db);
    const written: StoredAuditRecord[] = [];
    let next = 1;
    const insert = async (sizes: number[]) => {
      for (const size of sizes) {
        const batch = Array.from({ length: size }, () => record(next++));
        await repo.insertMany(batch);
        written.push(...batch);
      }
    };
    await insert([1, 3, 45]);
    // Batches of row counts seen before (1, 3, 30 and 15 audit rows) build no statement again.
    const insertInto = vi.spyOn(Kysely.prototype, "insertInto");
    await insert([3, 1, 45, 1]);
    expect(insertInto.mock.calls.filter(([table]) => table === "gateway_audit")).toEqual([]);
    insertInto.mockRestore();
    expect(await repo.query({ limit: 1000 })).toEqual(written);
    const expectedEntities = new Map<string, number>();
    for (const r of written)
      for (const [type, n] of Object.entries(r.entityCounts))
        expectedEntities.set(type, (expectedEntities.get(type) ?? 0) + n);
    expect(await repo.entitiesPerType()).toEqual(
      [...expectedEntities]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([entityType, count]) => ({ entityType, count })),
    );
  });
});
