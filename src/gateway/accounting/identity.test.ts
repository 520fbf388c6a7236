import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayRepositories } from "../../store/repositories/gateway-repositories.js";
import { type Backend, type TestStore, testBackends } from "../../store/test-helpers/backends.js";
import { apiKeyId, hashApiKey, parseDuration, presentedApiKey } from "./api-keys.js";
import { IdentityService } from "./identity.js";

const backends: Backend[] = await testBackends();

describe.each(backends.map((b) => [b.name, b] as const))("identity on %s", (_name, backend) => {
  let test: TestStore;
  let now = Date.parse("2026-03-10T09:00:00Z");
  const clock = () => now;
  const service = (cacheTtlMs = 5000) =>
    new IdentityService(createGatewayRepositories(test.store.db).identity, { clock, cacheTtlMs });

  beforeAll(async () => {
    test = await backend.open();
  });
  afterAll(async () => {
    await test.dispose();
  });

  it("creates a key once, stores only its hash, and authenticates it", async () => {
    const identity = service();
    const created = await identity.createKey({ user: "anouk", team: "verkoop" });
    expect(created.key).toMatch(/^pw-[0-9A-Za-z]{10}-[A-Za-z0-9_-]{43}$/);
    expect(created.view).toMatchObject({ user: "anouk", team: "verkoop", status: "active", expiresAt: null });
    const stored = await createGatewayRepositories(test.store.db).identity.getKey(created.view.id);
    expect(stored?.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key.slice(14));
    expect(await identity.authenticate(created.key)).toEqual({
      ok: true,
      identity: { keyId: created.view.id, user: "anouk", team: "verkoop" },
    });
    expect(JSON.stringify(await identity.listKeys())).not.toContain(created.key.slice(14));
  });

  it("creates users and teams on the fly; a key inherits the user's team", async () => {
    const identity = service();
    await identity.createKey({ user: "bram", team: "inkoop" });
    const second = await identity.createKey({ user: "bram" });
    expect(second.view.team).toBe("inkoop");
    expect((await identity.listUsers("inkoop")).map((u) => u.name)).toEqual(["bram"]);
    expect((await identity.listTeams()).map((t) => t.name)).toEqual(expect.arrayContaining(["inkoop", "verkoop"]));
    await expect(identity.addUser("bram")).rejects.toThrow(/already exists/);
    await expect(identity.addUser("bram@example.nl")).rejects.toThrow(/ongeldige gebruikersnaam/);
    await expect(identity.addTeam("team met spaties")).rejects.toThrow(/ongeldige teamnaam/);
  });

  it("says why a key is refused: missing, invalid, revoked or expired", async () => {
    const identity = service();
    const created = await identity.createKey({ user: "carla", expiresInMs: parseDuration("1d") });
    expect(await identity.authenticate(undefined)).toEqual({ ok: false, code: "missing" });
    expect(await identity.authenticate("sk-not-ours")).toEqual({ ok: false, code: "invalid" });
    const forged = created.key.slice(0, -1) + (created.key.endsWith("A") ? "B" : "A");
    expect(await identity.authenticate(forged)).toEqual({ ok: false, code: "invalid" });
    now += 86_400_000;
    expect(await identity.authenticate(created.key)).toEqual({ ok: false, code: "expired" });
    expect((await identity.listKeys({ user: "carla" }))[0]?.status).toBe("expired");
    const other = await identity.createKey({ user: "carla" });
    await identity.revokeKey(other.view.id);
    expect(await identity.authenticate(other.key)).toEqual({ ok: false, code: "revoked" });
  });

  it("honours a revocation from another instance within the cache window", async () => {
    const gateway = service(5000);
    const admin = service(5000);
    const created = await admin.createKey({ user: "daan" });
    expect((await gateway.authenticate(created.key)).ok).toBe(true);
    await admin.revokeKey(created.view.id);
    // Still cached on the gateway instance: within the window the key may work...
    now += 4000;
    expect((await gateway.authenticate(created.key)).ok).toBe(true);
    // ...but not after it.
    now += 1001;
    expect(await gateway.authenticate(created.key)).toEqual({ ok: false, code: "revoked" });
  });

  it("revokes at once on the instance that revoked", async () => {
    const identity = service(60_000);
    const created = await identity.createKey({ user: "eva" });
    expect((await identity.authenticate(created.key)).ok).toBe(true);
    await identity.revokeKey(`pw-${created.view.id}-…`);
    expect(await identity.authenticate(created.key)).toEqual({ ok: false, code: "revoked" });
  });
});

describe("api key helpers", () => {
  it("reads the key from either protocol's header", () => {
    expect(presentedApiKey({ authorization: "Bearer pw-abc" })).toBe("pw-abc");
    expect(presentedApiKey({ authorization: "bearer   pw-abc " })).toBe("pw-abc");
    expect(presentedApiKey({ "x-api-key": "pw-xyz" })).toBe("pw-xyz");
    expect(presentedApiKey({})).toBeUndefined();
  });

  it("parses durations and rejects nonsense", () => {
    expect(parseDuration("90d")).toBe(90 * 86_400_000);
    expect(parseDuration("12h")).toBe(12 * 3_600_000);
    expect(() => parseDuration("0d")).toThrow(/ongeldige duur/);
    expect(() => parseDuration("soon")).toThrow(/ongeldige duur/);
  });

  it("finds the id only in a well-formed key", () => {
    expect(apiKeyId(`pw-ABCDEFGHIJ-${"a".repeat(43)}`)).toBe("ABCDEFGHIJ");
    expect(apiKeyId(`pw-ABCDEFGHIJ-${"a".repeat(42)}`)).toBeUndefined();
  });
});
