import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_CODE,
  type GatewayAuditRepository,
  type StoredAuditRecord,
  storedAuditRecordSchema,
} from "../../store/repositories/gateway-audit.js";
import { createGatewayRepositories } from "../../store/repositories/gateway-repositories.js";
import { type Backend, type TestStore, testBackends } from "../../store/test-helpers/backends.js";
import { AuditLog } from "./accounting.js";
import {
  type AuditCode,
  type AuditDraft,
  type AuditRecord,
  auditCode,
  newAuditRecord,
  REDACTED,
  sanitizeAuditRecord,
  toolFromHeaders,
} from "./audit.js";
import { auditToCsv } from "./audit-export.js";
import { AuditWriter } from "./audit-writer.js";
import { amsterdamDay } from "./windows.js";

const c = (value: string) => auditCode(value);

function draft(overrides: Partial<AuditDraft> = {}): AuditDraft {
  return {
    user: c("anouk"),
    team: c("verkoop"),
    keyId: c("Ab12Cd34Ef"),
    tool: c("curl/8.5.0"),
    endpoint: c("/v1/chat/completions"),
    protocol: "openai",
    provider: c("openai"),
    modelRequested: c("gpt-4.1"),
    modelUsed: c("gpt-4.1"),
    tier: "customer",
    classification: "customer",
    decision: "forward",
    reasons: [c("pseudonymised")],
    entityCounts: { PERSON: 2, EMAIL: 1 },
    toolCalls: false,
    promptInjection: false,
    tokensIn: 120,
    tokensOut: 80,
    costMicros: 880,
    latencyMs: 412,
    upstreamStatus: 200,
    httpStatus: 200,
    errorCode: null,
    ...overrides,
  };
}

const EMAIL = "jan.jansen@voorbeeld.nl";
const STRING_FIELDS = [
  "user",
  "team",
  "keyId",
  "tool",
  "endpoint",
  "provider",
  "modelRequested",
  "modelUsed",
  "errorCode",
] as const;

describe("audit codes", () => {
  it("keeps codes and replaces free text", () => {
    expect(auditCode("claude-sonnet-4-5-20250929")).toBe("claude-sonnet-4-5-20250929");
    expect(auditCode("llama3.1:8b")).toBe("llama3.1:8b");
    expect(auditCode(EMAIL)).toBe(REDACTED);
    expect(auditCode("Jan de Vries")).toBe(REDACTED);
    expect(auditCode("111222333")).toBe(REDACTED);
  });

  it("names the tool from the header or the user agent's product token", () => {
    expect(toolFromHeaders("continue", "Mozilla/5.0")).toBe("continue");
    expect(toolFromHeaders(undefined, "OpenAI/Python 1.52.0")).toBe("OpenAI/Python");
    expect(toolFromHeaders(undefined, "curl/8.5.0")).toBe("curl/8.5.0");
    expect(toolFromHeaders(undefined, `${EMAIL} my-bot`)).toBe(REDACTED);
    expect(toolFromHeaders(undefined, undefined)).toBeNull();
  });

  it("sanitises a record smuggled past the types, in every string field", () => {
    for (const field of STRING_FIELDS) {
      const record = { ...newAuditRecord(draft()), [field]: EMAIL as AuditCode } as AuditRecord;
      const clean = sanitizeAuditRecord(record);
      expect(JSON.stringify(clean)).not.toContain(EMAIL);
      expect(clean[field]).toBe(REDACTED);
    }
    const withReason = { ...newAuditRecord(draft()), reasons: [EMAIL as AuditCode] };
    expect(sanitizeAuditRecord(withReason).reasons).toEqual([REDACTED]);
    const withEntity = { ...newAuditRecord(draft()), entityCounts: { [EMAIL]: 1 } };
    expect(sanitizeAuditRecord(withEntity).entityCounts).toEqual({});
  });

  it("gives every record an id the repository accepts (no run of nine digits in it)", () => {
    for (let i = 0; i < 2000; i++) expect(AUDIT_CODE.test(newAuditRecord(draft()).id)).toBe(true);
  });

  it("always yields a record the repository accepts, whatever junk the fields hold", () => {
    const junk = fc.oneof(fc.anything(), fc.string(), fc.double(), fc.constantFrom(EMAIL, "Jan de Vries", 404, -1));
    const fields = Object.keys(newAuditRecord(draft())) as (keyof AuditRecord)[];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), junk), (overrides) => {
        const record = { ...newAuditRecord(draft()), ...overrides } as AuditRecord;
        const clean = sanitizeAuditRecord(record);
        expect(storedAuditRecordSchema.safeParse(clean).success).toBe(true);
        expect(JSON.stringify(clean)).not.toContain(EMAIL);
      }),
      { numRuns: 500 },
    );
  });
});

const backends: Backend[] = await testBackends();

describe.each(backends.map((b) => [b.name, b] as const))("audit log on %s", (_name, backend) => {
  let test: TestStore;
  let repo: GatewayAuditRepository;

  beforeAll(async () => {
    test = await backend.open();
    repo = createGatewayRepositories(test.store.db, { auditDayOf: amsterdamDay }).audit;
  });
  afterAll(async () => {
    await test.dispose();
  });

  it("rejects a record with an e-mail address in any field when inserted directly", async () => {
    const valid = sanitizeAuditRecord(newAuditRecord(draft()));
    for (const field of [...STRING_FIELDS, "id"] as const) {
      await expect(repo.insertMany([{ ...valid, id: `x-${field}`, [field]: EMAIL }])).rejects.toThrow(/not a code/);
    }
    await expect(repo.insertMany([{ ...valid, reasons: [EMAIL] }])).rejects.toThrow(/not a code/);
    await expect(repo.insertMany([{ ...valid, entityCounts: { [EMAIL]: 1 } }])).rejects.toThrow();
    await expect(
      repo.insertMany([{ ...valid, prompt: "Beste Jan" } as unknown as StoredAuditRecord]),
    ).rejects.toThrow();
    expect(await repo.query()).toEqual([]);
  });

  it("writes through the buffered writer, then filters, exports and aggregates", async () => {
    const writer = new AuditWriter(repo, { flushIntervalMs: 10_000 });
    // 23:30 UTC on 9 March is 00:30 on 10 March in Amsterdam: the dashboard's day is the local one.
    writer.record(newAuditRecord(draft({ time: "2026-03-09T23:30:00.000Z" })));
    writer.record(
      newAuditRecord(
        draft({
          time: "2026-03-10T08:00:00.000Z",
          user: c("bram"),
          decision: "block",
          reasons: [c("bsn_blocked")],
          entityCounts: { BSN: 1 },
          costMicros: 0,
          tokensIn: 0,
          tokensOut: 0,
          httpStatus: 403,
          upstreamStatus: null,
          errorCode: c("policy_block"),
        }),
      ),
    );
    writer.record(
      newAuditRecord(
        draft({
          time: "2026-03-11T08:00:00.000Z",
          team: c("inkoop"),
          decision: "reroute",
          modelUsed: c("llama3.1:8b"),
        }),
      ),
    );
    const smuggled = { ...newAuditRecord(draft({ time: "2026-03-11T09:00:00.000Z" })), tool: EMAIL as AuditCode };
    writer.record(smuggled);
    expect(writer.stats.queued).toBe(4);
    await writer.close();
    expect(writer.stats).toMatchObject({ queued: 0, written: 4, dropped: 0 });

    const all = await repo.query();
    expect(all).toHaveLength(4);
    expect(JSON.stringify(all)).not.toContain(EMAIL);
    expect(all[3]?.tool).toBe(REDACTED);
    expect(all[0]).toMatchObject({
      user: "anouk",
      entityCounts: { PERSON: 2, EMAIL: 1 },
      toolCalls: false,
      costMicros: 880,
    });

    expect((await repo.query({ decision: "block" })).map((r) => r.user)).toEqual(["bram"]);
    expect(await repo.query({ team: "inkoop" })).toHaveLength(1);
    expect(await repo.query({ from: "2026-03-10T00:00:00.000Z", to: "2026-03-11T00:00:00.000Z" })).toHaveLength(1);
    expect(await repo.query({ user: "bram", team: "verkoop" })).toHaveLength(1);

    expect(await repo.requestsPerDay()).toEqual([
      { day: "2026-03-10", requests: 2, blocked: 1, rerouted: 0 },
      { day: "2026-03-11", requests: 2, blocked: 0, rerouted: 1 },
    ]);
    expect(await repo.entitiesPerType({ fromDay: "2026-03-10", toDay: "2026-03-10" })).toEqual([
      { entityType: "BSN", count: 1 },
      { entityType: "EMAIL", count: 1 },
      { entityType: "PERSON", count: 2 },
    ]);
    const spend = await repo.spendPerDay({ fromDay: "2026-03-11" });
    expect(spend).toEqual([
      {
        day: "2026-03-11",
        team: "inkoop",
        model: "llama3.1:8b",
        requests: 1,
        tokensIn: 120,
        tokensOut: 80,
        costMicros: 880,
      },
      {
        day: "2026-03-11",
        team: "verkoop",
        model: "gpt-4.1",
        requests: 1,
        tokensIn: 120,
        tokensOut: 80,
        costMicros: 880,
      },
    ]);

    const log = new AuditLog(repo);
    const csv = await log.export("csv", { decision: "block" });
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^id,time,user,team,key_id,tool,/);
    expect(lines[1]).toContain(",bram,verkoop,");
    expect(lines[1]).toContain(",bsn_blocked,BSN=1,false,false,0,0,0.000000,");
    const json = JSON.parse(await log.export("json", { team: "inkoop" })) as { costEur: number; decision: string }[];
    expect(json).toEqual([expect.objectContaining({ decision: "reroute", costEur: 0.00088 })]);
  });
});

describe("audit writer", () => {
  const sinkRecords: StoredAuditRecord[][] = [];
  const sink = {
    async insertMany(records: readonly StoredAuditRecord[]) {
      sinkRecords.push([...records]);
    },
  };

  it("drops and counts records beyond its bound instead of growing", async () => {
    const writer = new AuditWriter(sink, { maxQueue: 3, batchSize: 100, flushIntervalMs: 10_000 });
    for (let i = 0; i < 5; i++) writer.record(newAuditRecord(draft()));
    expect(writer.stats).toMatchObject({ queued: 3, dropped: 2 });
    await writer.close();
    expect(writer.stats).toMatchObject({ queued: 0, written: 3 });
    writer.record(newAuditRecord(draft()));
    expect(writer.stats.dropped).toBe(3);
  });

  it("keeps records queued when the database fails, and writes them later", async () => {
    let fail = true;
    const errors: unknown[] = [];
    const flaky = {
      async insertMany(_records: readonly StoredAuditRecord[]) {
        if (fail) throw new Error("database down");
      },
    };
    const writer = new AuditWriter(flaky, { flushIntervalMs: 10_000, onError: (e) => errors.push(e) });
    writer.record(newAuditRecord(draft()));
    await writer.flush();
    expect(errors).toHaveLength(1);
    expect(writer.stats).toMatchObject({ queued: 1, written: 0, failedWrites: 1 });
    fail = false;
    await writer.close();
    expect(writer.stats).toMatchObject({ queued: 0, written: 1 });
  });

  it("exports CSV cells safely", () => {
    const record = sanitizeAuditRecord(newAuditRecord(draft({ reasons: [c("a"), c("b")] })));
    expect(auditToCsv([record]).split("\r\n")[1]).toContain(",a b,EMAIL=1 PERSON=2,");
  });
});
