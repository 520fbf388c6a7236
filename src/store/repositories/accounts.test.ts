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
});
