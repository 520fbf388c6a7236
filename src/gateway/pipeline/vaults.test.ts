import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MemoryVault, Session } from "../../pseudonymize/index.js";
import { openTestRedis, redisAvailable, type TestRedis } from "../../store/counters/redis-test-helpers.js";
import { VaultRepository } from "../../store/repositories/vault.js";
import { type TestStore, testBackends } from "../../store/test-helpers/backends.js";
import { type ConversationSessions, LocalSessions } from "./conversation.js";
import { RedisVault } from "./redis-vault.js";
import { SqlVault } from "./sql-vault.js";

const KEY = randomBytes(32);
const nextTask = () => new Promise((resolve) => setImmediate(resolve));
const backends = await testBackends();
const withRedis = await redisAvailable();

/** A distinct made-up person per index: `Anna Jansen0`, `Anna Jansen1`, ... are different surnames. */
const person = (i: number) => `Sanne Verbeek${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`;

/**
 * Many requests of one conversation at once, each bringing its own value and one shared value:
 * every value must end up with exactly one number and no number with two values.
 */
async function allocateConcurrently(sessions: ConversationSessions, sessionId: string, values: readonly string[]) {
  const issued = await Promise.all(
    values.map(async (value) => {
      const { result } = await sessions.update(sessionId, (session) => ({
        own: session.placeholderFor("EMAIL", value),
        shared: session.placeholderFor("EMAIL", "gedeeld@voorbeeld.nl"),
      }));
      return { value, ...result };
    }),
  );
  return issued;
}

function expectConsistent(issued: Array<{ value: string; own: string; shared: string }>): void {
  const own = issued.map((i) => i.own);
  // No two values share a placeholder, and the shared value has one placeholder everywhere.
  expect(new Set(own).size).toBe(issued.length);
  expect(new Set(issued.map((i) => i.shared)).size).toBe(1);
  expect(own).not.toContain(issued[0]?.shared);
}

describe.each(backends)("SqlVault on $name", (backend) => {
  let db: TestStore;
  let now = Date.parse("2026-03-01T10:00:00Z");

  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it("stores sealed sessions only, restores them, and expires and purges them", async () => {
    const repo = new VaultRepository(db.store.db);
    const vault = await SqlVault.create(repo, { key: KEY, ttlSeconds: 60, now: () => now, purgeIntervalMs: 0 });
    const session = new Session({ id: "conv-sql-1" });
    const placeholder = session.placeholderFor("PERSON", "Joyce van der Linden");
    await vault.put(session);

    const row = await db.store.db.selectFrom("vault_sessions").selectAll().executeTakeFirstOrThrow();
    expect(row.session_id).toBe("conv-sql-1");
    expect(row.sealed).not.toContain("Joyce");
    expect(Buffer.from(row.sealed, "base64").toString("latin1")).not.toContain("Joyce");

    const restored = await vault.get("conv-sql-1");
    expect(restored?.resolve("PERSOON", placeholder.match(/\d+/)?.[0] ?? "")).toBe("Joyce van der Linden");

    // A sealed session copied under another id does not open.
    await db.store.db
      .insertInto("vault_sessions")
      .values({ ...row, session_id: "conv-sql-other" })
      .execute();
    await expect(vault.get("conv-sql-other")).rejects.toThrow();

    now += 61_000;
    expect(await vault.get("conv-sql-1")).toBeUndefined();
    expect(await vault.purge()).toBe(2);
    expect(await repo.count(new Date(now))).toBe(0);
    await vault.close();
  });

  it("looks sessions up with a query compiled once: the right row, none expired, none of another id", async () => {
    const repo = new VaultRepository(db.store.db);
    const t = new Date("2026-03-01T10:00:00Z");
    const later = (seconds: number) => new Date(t.getTime() + seconds * 1000);
    await repo.putMany(
      [
        { sessionId: "conv-get-a", sealed: "c2VhbGVkLWE=", expiresAt: later(60) },
        { sessionId: "conv-get-b", sealed: "c2VhbGVkLWI=", expiresAt: later(120) },
      ],
      t,
    );
    expect(await repo.get("conv-get-a", t)).toEqual({
      sessionId: "conv-get-a",
      sealed: "c2VhbGVkLWE=",
      expiresAt: later(60),
    });
    const selectFrom = vi.spyOn(Kysely.prototype, "selectFrom");
    expect((await repo.get("conv-get-b", t))?.sealed).toBe("c2VhbGVkLWI=");
    expect(await repo.get("conv-get-a", later(60))).toBeUndefined();
    expect((await repo.get("conv-get-b", later(60)))?.sealed).toBe("c2VhbGVkLWI=");
    expect(await repo.get("conv-get-c", t)).toBeUndefined();
    expect(selectFrom).not.toHaveBeenCalled();
    selectFrom.mockRestore();
  });

  it("writes the puts of one moment in one batch, the last state of a session winning", async () => {
    const repo = new VaultRepository(db.store.db);
    const vault = await SqlVault.create(repo, { key: KEY, ttlSeconds: 3600, purgeIntervalMs: 0 });
    const sessions = Array.from({ length: 250 }, (_, i) => new Session({ id: `conv-batch-${i}` }));
    const first = sessions[0] as Session;
    first.placeholderFor("EMAIL", "eerste@voorbeeld.nl");
    const early = vault.put(first);
    first.placeholderFor("EMAIL", "tweede@voorbeeld.nl");
    await Promise.all([early, ...sessions.map((s) => vault.put(s))]);
    expect(await repo.count()).toBe(250);
    expect((await vault.get("conv-batch-0"))?.size).toBe(2);
    await vault.close();
  });

  it("starts a conversation afresh when its stored session was sealed under another key", async () => {
    const repo = new VaultRepository(db.store.db);
    const old = await SqlVault.create(repo, { key: randomBytes(32), ttlSeconds: 3600, purgeIntervalMs: 0 });
    const before = new Session({ id: "conv-rekeyed" });
    before.placeholderFor("EMAIL", "oud@voorbeeld.nl");
    before.placeholderFor("EMAIL", "ouder@voorbeeld.nl");
    await old.put(before);
    const rekeyed = await SqlVault.create(repo, { key: KEY, ttlSeconds: 3600, purgeIntervalMs: 0 });
    await expect(rekeyed.get("conv-rekeyed")).rejects.toThrow(/decryption failed/);
    const errors: unknown[] = [];
    const sessions = new LocalSessions(rekeyed, { onError: (e) => errors.push(e) });
    const { result } = await sessions.update("conv-rekeyed", (s) => s.placeholderFor("EMAIL", "nieuw@voorbeeld.nl"));
    expect(result).toBe("[EMAIL_1]");
    expect(errors).toHaveLength(1);
    await sessions.close();
    expect((await rekeyed.get("conv-rekeyed"))?.resolve("EMAIL", "1")).toBe("nieuw@voorbeeld.nl");
  });

  it("gives every value one number under concurrent requests, and keeps them across a restart", async () => {
    const repo = new VaultRepository(db.store.db);
    const vault = await SqlVault.create(repo, { key: KEY, ttlSeconds: 3600, purgeIntervalMs: 0 });
    const sessions = new LocalSessions(vault);
    const values = Array.from({ length: 40 }, (_, i) => `klant${i}@voorbeeld.nl`);
    const issued = await allocateConcurrently(sessions, "conv-race-sql", values);
    expectConsistent(issued);
    await sessions.close();
    await vault.close();

    // A new process on the same database: same placeholders for the same values.
    const again = new LocalSessions(await SqlVault.create(repo, { key: KEY, ttlSeconds: 3600, purgeIntervalMs: 0 }));
    const { result } = await again.update("conv-race-sql", (session) =>
      values.map((value) => session.placeholderFor("EMAIL", value)),
    );
    expect(result).toEqual(issued.map((i) => i.own));
    await again.close();
  });
});

describe("LocalSessions", () => {
  it("allocates atomically for any interleaving of requests (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 40 }),
        async (people, delays) => {
          const vault = await MemoryVault.create({ key: KEY });
          const sessions = new LocalSessions(vault, { flushIntervalMs: 1 });
          const issued = await Promise.all(
            people.map(async (p, i) => {
              // Requests arrive in a random order, some while the first load is still running.
              await new Promise((resolve) => setTimeout(resolve, delays[i % delays.length]));
              const { result } = await sessions.update("conv-prop", (s) => s.placeholderFor("PERSON", person(p)));
              return [p, result] as const;
            }),
          );
          const byPerson = new Map<number, Set<string>>();
          for (const [p, placeholder] of issued) byPerson.set(p, (byPerson.get(p) ?? new Set()).add(placeholder));
          for (const set of byPerson.values()) expect(set.size).toBe(1);
          const all = [...byPerson.values()].map((set) => [...set][0]);
          expect(new Set(all).size).toBe(byPerson.size);
          await sessions.close();
          // The vault holds the final state: every placeholder resolves to its person.
          const stored = (await vault.get("conv-prop")) as Session;
          for (const [p, placeholder] of issued) {
            const [, label, digits] = /\[([A-Z_]+)_(\d+)\]/.exec(placeholder) ?? [];
            expect(stored.resolve(label ?? "", digits ?? "")).toBe(person(p));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("writes a changed session once per flush, and nothing for a request that changed nothing", async () => {
    const vault = await MemoryVault.create({ key: KEY });
    let puts = 0;
    const counting = {
      get: (id: string) => vault.get(id),
      put: (session: Session) => {
        puts += 1;
        return vault.put(session);
      },
      delete: (id: string) => vault.delete(id),
    };
    const sessions = new LocalSessions(counting, { flushIntervalMs: 10_000 });
    for (let i = 0; i < 5; i++) await sessions.update("conv-w", (s) => s.placeholderFor("EMAIL", `a${i}@voorbeeld.nl`));
    expect(puts).toBe(0);
    await sessions.flush();
    expect(puts).toBe(1);
    await sessions.update("conv-w", (s) => s.placeholderFor("EMAIL", "a1@voorbeeld.nl"));
    await sessions.flush();
    expect(puts).toBe(1);
    expect((await vault.get("conv-w"))?.size).toBe(5);
  });

  it("writes a name variant merged into a known person, which changes what restore puts back", async () => {
    const vault = await MemoryVault.create({ key: KEY });
    const sessions = new LocalSessions(vault, { flushIntervalMs: 10_000 });
    await sessions.update("conv-v", (s) => s.placeholderFor("PERSON", "De Vries"));
    await sessions.flush();
    // Same number, no new placeholder: only the value behind it becomes more complete.
    const { result } = await sessions.update("conv-v", (s) => s.placeholderFor("PERSON", "Jan de Vries"));
    expect(result).toBe("[PERSOON_1]");
    await sessions.flush();
    expect((await vault.get("conv-v"))?.resolve("PERSOON", "1")).toBe("Jan de Vries");
  });

  it("never writes one session twice at once, and writes a change made meanwhile afterwards", async () => {
    const vault = await MemoryVault.create({ key: KEY });
    let running = 0;
    let most = 0;
    let started: () => void = () => {};
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gated = {
      get: (id: string) => vault.get(id),
      put: async (session: Session) => {
        running += 1;
        most = Math.max(most, running);
        const sealed = vault.put(session);
        started();
        await gate;
        await sealed;
        running -= 1;
      },
      delete: (id: string) => vault.delete(id),
    };
    const sessions = new LocalSessions(gated, { flushIntervalMs: 1 });
    await sessions.update("conv-slow", (s) => s.placeholderFor("EMAIL", "eerste@voorbeeld.nl"));
    await firstStarted;
    // The first write is running now; this change must wait for it, not race it.
    await sessions.update("conv-slow", (s) => s.placeholderFor("EMAIL", "tweede@voorbeeld.nl"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(running).toBe(1);
    release();
    await sessions.close();
    expect(most).toBe(1);
    expect((await vault.get("conv-slow"))?.size).toBe(2);
  });

  it("keeps a change whose write failed and writes it on the next flush", async () => {
    const vault = await MemoryVault.create({ key: KEY });
    let fail = true;
    const errors: unknown[] = [];
    const flaky = {
      get: (id: string) => vault.get(id),
      put: (session: Session) => (fail ? Promise.reject(new Error("database is gone")) : vault.put(session)),
      delete: (id: string) => vault.delete(id),
    };
    const sessions = new LocalSessions(flaky, { flushIntervalMs: 10_000, onError: (e) => errors.push(e) });
    await sessions.update("conv-f", (s) => s.placeholderFor("IBAN", "NL20INGB0001234567"));
    await sessions.flush();
    expect(errors).toHaveLength(1);
    expect(await vault.get("conv-f")).toBeUndefined();
    fail = false;
    await sessions.close();
    expect((await vault.get("conv-f"))?.size).toBe(1);
  });

  it("lets idle and least recently used sessions leave memory, never one with an unwritten change", async () => {
    let now = 0;
    const vault = await MemoryVault.create({ key: KEY });
    const sessions = new LocalSessions(vault, { maxLive: 3, idleMs: 1000, flushIntervalMs: 10_000, now: () => now });
    for (let i = 0; i < 5; i++) {
      await sessions.update(`conv-${i}`, (s) => s.placeholderFor("EMAIL", `x${i}@voorbeeld.nl`));
      await nextTask();
    }
    // All five hold unwritten changes: none may be dropped.
    expect(sessions.liveCount).toBe(5);
    await sessions.flush();
    await sessions.update("conv-5", () => undefined);
    await nextTask();
    expect(sessions.liveCount).toBe(3);
    now += 5000;
    await sessions.update("conv-6", () => undefined);
    await nextTask();
    expect(sessions.liveCount).toBe(1);
    // Back from the vault after leaving memory.
    const { result } = await sessions.update("conv-0", (s) => s.placeholderFor("EMAIL", "x0@voorbeeld.nl"));
    expect(result).toBe("[EMAIL_1]");
  });
});

describe.skipIf(!withRedis)("RedisVault", () => {
  let redis: TestRedis;
  beforeAll(() => {
    redis = openTestRedis();
  });
  afterAll(async () => {
    await redis?.dispose();
  });

  it("gives every value one number when two instances allocate in one conversation at once", async () => {
    const a = await RedisVault.create(redis.client(), { key: KEY, ttlSeconds: 600, prefix: redis.prefix });
    const b = await RedisVault.create(redis.client(), { key: KEY, ttlSeconds: 600, prefix: redis.prefix });
    const values = Array.from({ length: 30 }, (_, i) => `klant${i}@voorbeeld.nl`);
    const [fromA, fromB] = await Promise.all([
      allocateConcurrently(a, "conv-race-redis", values.slice(0, 15)),
      allocateConcurrently(b, "conv-race-redis", values.slice(15)),
    ]);
    expectConsistent([...fromA, ...fromB]);
    // Both instances read the same final state, holding every value.
    const stored = (await b.get("conv-race-redis")) as Session;
    expect(stored.size).toBe(31);
    for (const { value, own } of [...fromA, ...fromB]) {
      const digits = /_(\d+)\]/.exec(own)?.[1] ?? "";
      expect(stored.resolve("EMAIL", digits)).toBe(value);
    }
  });

  it("never writes back over a change another instance made in between", async () => {
    const clientA = redis.client();
    const a = await RedisVault.create(clientA, { key: KEY, ttlSeconds: 600, prefix: redis.prefix });
    const b = await RedisVault.create(redis.client(), { key: KEY, ttlSeconds: 600, prefix: redis.prefix });
    // Instance B commits after A has read and allocated, right before A writes back.
    let interfere: (() => Promise<unknown>) | undefined = () =>
      b.update("conv-cas", (s) => s.placeholderFor("PHONE", "06-48213377"));
    const evalsha = clientA.evalsha.bind(clientA);
    clientA.evalsha = (async (...args: Parameters<typeof evalsha>) => {
      const before = interfere;
      interfere = undefined;
      if (before) await before();
      return evalsha(...args);
    }) as typeof clientA.evalsha;
    let attempts = 0;
    const { result } = await a.update("conv-cas", (session) => {
      attempts += 1;
      return session.placeholderFor("PHONE", "06-11223344");
    });
    expect(attempts).toBe(2);
    expect(result).toBe("[TELEFOON_2]");
    const stored = (await a.get("conv-cas")) as Session;
    expect(stored.resolve("TELEFOON", "1")).toBe("06-48213377");
    expect(stored.resolve("TELEFOON", "2")).toBe("06-11223344");
  });
});
