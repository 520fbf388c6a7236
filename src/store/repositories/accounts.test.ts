import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuplicateIdError } from "../errors.js";
import { type TestStore, testBackends } from "../test-helpers/backends.js";
import { AccountsRepository, type NewAccount } from "./accounts.js";

const backends = await testBackends();
const NOW = new Date("2026-11-23T10:00:00.000Z");

function account(name: string, role: NewAccount["role"] = "member"): NewAccount {
  return {
    id: `acc_${name}`,
    name,
    displayName: name,
    role,
    team: null,
    language: "nl",
    passwordHash: "$argon2id$…",
    passwordChangeRequired: role === "member",
    createdAt: NOW.toISOString(),
  };
}

describe.each(backends)("accounts repository on $name", (backend) => {
  let t: TestStore;
  let repo: AccountsRepository;
  beforeEach(async () => {
    t = await backend.open();
    repo = new AccountsRepository(t.store.db);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("stores accounts with unique names and counts active owners", async () => {
    await repo.insert(account("marieke", "owner"));
    await repo.insert(account("jan"));
    await expect(repo.insert({ ...account("jan"), id: "acc_other" })).rejects.toBeInstanceOf(DuplicateIdError);
    expect(await repo.count()).toBe(2);
    expect(await repo.countActiveOwners()).toBe(1);
    const jan = await repo.getByName("jan");
    expect(jan).toMatchObject({ role: "member", passwordChangeRequired: true, disabledAt: null, totpLastStep: null });
    await repo.update("acc_marieke", { disabledAt: NOW.toISOString() }, NOW);
    expect(await repo.countActiveOwners()).toBe(0);
    expect((await repo.list()).map((a) => a.name)).toEqual(["jan", "marieke"]);
  });

  it("claims each TOTP step once, only moving forward (large steps fit)", async () => {
    await repo.insert(account("marieke", "owner"));
    const step = Math.floor(NOW.getTime() / 30_000);
    expect(await repo.claimTotpStep("acc_marieke", step)).toBe(true);
    expect(await repo.claimTotpStep("acc_marieke", step)).toBe(false);
    expect(await repo.claimTotpStep("acc_marieke", step - 1)).toBe(false);
    expect(await repo.claimTotpStep("acc_marieke", step + 1)).toBe(true);
    expect((await repo.get("acc_marieke"))?.totpLastStep).toBe(step + 1);
  });

  it("keeps sessions, recovery codes, throttles and the audit", async () => {
    await repo.insert(account("jan"));
    const session = {
      idHash: "h1",
      accountId: "acc_jan",
      stage: "active" as const,
      csrfHash: "c1",
      createdAt: NOW.toISOString(),
      lastSeenAt: NOW.toISOString(),
      expiresAt: "2026-11-30T10:00:00.000Z",
      browser: "Firefox",
      os: "Windows",
      ipPrefix: "192.0.2.0/24",
    };
    await repo.insertSession(session);
    await repo.insertSession({ ...session, idHash: "h2", expiresAt: "2026-11-23T09:00:00.000Z" });
    await repo.deleteExpiredSessions(NOW.toISOString());
    expect(await repo.getSession("h1")).toEqual(session);
    expect(await repo.getSession("h2")).toBeUndefined();

    await repo.replaceRecoveryCodes("acc_jan", ["a", "b"]);
    expect(await repo.consumeRecoveryCode("acc_jan", "a", NOW.toISOString())).toBe(true);
    expect(await repo.consumeRecoveryCode("acc_jan", "a", NOW.toISOString())).toBe(false);
    expect(await repo.unusedRecoveryCodes("acc_jan")).toBe(1);

    await repo.setThrottle({ key: "name:jan", failures: 1, lockedUntil: null }, NOW.toISOString());
    await repo.setThrottle(
      { key: "name:jan", failures: 5, lockedUntil: "2026-11-23T10:00:30.000Z" },
      NOW.toISOString(),
    );
    expect(await repo.getThrottle("name:jan")).toEqual({
      key: "name:jan",
      failures: 5,
      lockedUntil: "2026-11-23T10:00:30.000Z",
    });
    await repo.deleteStaleThrottles("2026-11-24T10:00:00.000Z", "2026-11-23T10:00:10.000Z");
    expect(await repo.getThrottle("name:jan")).toBeDefined();
    await repo.deleteStaleThrottles("2026-11-24T10:00:00.000Z", "2026-11-24T10:00:00.000Z");
    expect(await repo.getThrottle("name:jan")).toBeUndefined();

    for (const [i, action] of ["account.created", "account.role_changed"].entries()) {
      await repo.insertAudit({
        id: `a${i}`,
        time: `2026-11-23T10:0${i}:00.000Z`,
        actorId: "acc_x",
        actorName: "marieke",
        action,
        target: "jan",
        details: { n: i },
      });
    }
    expect((await repo.listAudit()).map((a) => a.action)).toEqual(["account.role_changed", "account.created"]);
    expect((await repo.listAudit({ before: "2026-11-23T10:01:00.000Z" })).map((a) => a.details)).toEqual([{ n: 0 }]);
  });

  it("lists and counts logged-in sessions only, and ends all but one", async () => {
    await repo.insert(account("jan"));
    await repo.insert(account("piet"));
    const base = {
      accountId: "acc_jan",
      stage: "active" as const,
      csrfHash: "c",
      createdAt: "2026-11-23T08:00:00.000Z",
      lastSeenAt: "2026-11-23T09:00:00.000Z",
      expiresAt: "2026-11-30T08:00:00.000Z",
      browser: null,
      os: null,
      ipPrefix: null,
    };
    await repo.insertSession({ ...base, idHash: "old", lastSeenAt: "2026-11-23T09:00:00.000Z" });
    await repo.insertSession({ ...base, idHash: "new", lastSeenAt: "2026-11-23T09:59:00.000Z", browser: "Safari" });
    await repo.insertSession({ ...base, idHash: "pending", stage: "totp" });
    await repo.insertSession({ ...base, idHash: "idle", lastSeenAt: "2026-11-22T09:00:00.000Z" });
    await repo.insertSession({ ...base, idHash: "expired", expiresAt: "2026-11-23T09:30:00.000Z" });
    await repo.insertSession({ ...base, idHash: "piet1", accountId: "acc_piet" });
    const window = { seenAfter: "2026-11-22T22:00:00.000Z", expiresAfter: NOW.toISOString() };
    const listed = await repo.listActiveSessions("acc_jan", window);
    expect(listed.map((s) => s.idHash)).toEqual(["new", "old"]);
    expect(listed[0]).toMatchObject({ browser: "Safari", os: null, ipPrefix: null });
    expect(Object.fromEntries(await repo.countActiveSessions(window))).toEqual({ acc_jan: 2, acc_piet: 1 });
    expect(await repo.deleteSessionsOf("acc_jan", "new")).toBe(4);
    expect((await repo.listActiveSessions("acc_jan", window)).map((s) => s.idHash)).toEqual(["new"]);
    expect(await repo.getSession("piet1")).toBeDefined();
  });

  it("removes an account with its sessions, recovery codes and conversations, and nobody else's", async () => {
    await repo.insert(account("jan"));
    await repo.insert(account("piet"));
    for (const [idHash, accountId] of [
      ["s1", "acc_jan"],
      ["s2", "acc_jan"],
      ["s3", "acc_piet"],
    ] as const) {
      await repo.insertSession({
        idHash,
        accountId,
        stage: "active",
        csrfHash: "c",
        createdAt: NOW.toISOString(),
        lastSeenAt: NOW.toISOString(),
        expiresAt: "2026-11-30T10:00:00.000Z",
        browser: null,
        os: null,
        ipPrefix: null,
      });
    }
    await repo.replaceRecoveryCodes("acc_jan", ["a", "b", "c"]);
    await repo.replaceRecoveryCodes("acc_piet", ["d"]);
    const chat = {
      title_sealed: "x",
      content_sealed: "y",
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    };
    await t.store.db
      .insertInto("chat_conversations")
      .values([
        { ...chat, id: "c1", account_id: "acc_jan" },
        { ...chat, id: "c2", account_id: "acc_piet" },
      ])
      .execute();

    expect(await repo.removeAccount("acc_jan")).toEqual({ sessions: 2, recoveryCodes: 3, conversations: 1 });
    expect(await repo.get("acc_jan")).toBeUndefined();
    expect(await repo.getSession("s1")).toBeUndefined();
    expect(await repo.getSession("s3")).toBeDefined();
    expect(await repo.unusedRecoveryCodes("acc_jan")).toBe(0);
    expect(await repo.unusedRecoveryCodes("acc_piet")).toBe(1);
    const left = await t.store.db.selectFrom("chat_conversations").select("id").execute();
    expect(left.map((r) => r.id)).toEqual(["c2"]);
    await expect(repo.removeAccount("acc_jan")).rejects.toThrow();
  });
});
