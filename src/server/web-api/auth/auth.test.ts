import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  listAdminActions,
  recordAdminAction,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  totpCode,
} from "../../../accounts/index.js";
import { GovernanceService } from "../../../governance/service/index.js";
import { openStore, type Store } from "../../../store/index.js";
import { GatewayIdentityRepository } from "../../../store/repositories/gateway-identity.js";
import type { WebApiDeps } from "../context.js";
import { createWebApi } from "../index.js";

const START = Date.parse("2026-11-23T09:00:00Z");
const OWNER = { name: "marieke", displayName: "Marieke de Boer", password: "lange zin met koffie en fietsen" };

/** A browser-like client: keeps cookies, echoes the CSRF cookie on writes (unless told not to). */
class Client {
  cookies = new Map<string, string>();
  constructor(
    private readonly app: Hono,
    private readonly ip = "10.0.0.1",
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { "accept-language": "nl", ...options.headers };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = this.cookies.get("pw_csrf");
    if (method !== "GET" && options.csrf !== false && csrf) headers["x-csrf-token"] = csrf;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await this.app.request(`http://poort.test/api/app${path}`, init, {
      incoming: { socket: { remoteAddress: this.ip } },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      const value = rest.join("=");
      if (!name) continue;
      if (value === "" || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

describe("accounts: set-up, login with TOTP, sessions, CSRF, admin", () => {
  let dir: string;
  let store: Store;
  let now: number;
  let app: Hono;
  let logged: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "pw-auth-"));
    store = await openStore({ dataDir: dir });
    now = START;
    const deps: WebApiDeps = {
      store,
      governance: new GovernanceService(store),
      dataDir: dir,
      clock: () => now,
    };
    app = new Hono();
    app.route("/api/app", createWebApi(deps));
    logged = [];
    for (const level of ["log", "info", "warn", "error"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
      });
    }
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Set-up plus TOTP enrolment: returns the logged-in client and the TOTP secret. */
  async function ownerWithTotp(): Promise<{ client: Client; secret: string; recoveryCodes: string[] }> {
    const client = new Client(app);
    const setup = await client.request("POST", "/auth/setup", OWNER);
    expect(setup.status).toBe(201);
    const enrol = await client.request("POST", "/auth/totp/enrol");
    const { secret } = (await enrol.json()) as { secret: string };
    const confirm = await client.request("POST", "/auth/totp/confirm", { code: totpCode(secret, now) });
    expect(confirm.status).toBe(200);
    const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
    return { client, secret, recoveryCodes };
  }

  async function loginWithTotp(secret: string, at = now): Promise<Client> {
    const client = new Client(app);
    const first = await client.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password });
    expect(await first.json()).toEqual({ totpRequired: true });
    const second = await client.request("POST", "/auth/login/totp", { code: totpCode(secret, at) });
    expect(second.status).toBe(200);
    return client;
  }

  it("creates the owner once, then answers 409, and requires TOTP enrolment before anything else", async () => {
    const anonymous = new Client(app);
    expect(await (await anonymous.request("GET", "/auth/me")).json()).toMatchObject({
      account: null,
      setupRequired: true,
    });

    const client = new Client(app);
    const setup = await client.request("POST", "/auth/setup", OWNER);
    expect(setup.status).toBe(201);
    const cookies = setup.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("pw_session="));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toMatch(/Secure/);
    expect(cookies.find((c) => c.startsWith("pw_csrf="))).not.toMatch(/HttpOnly/i);
    const state = await setup.json();
    expect(state).toMatchObject({ account: { name: "marieke", role: "owner" }, totpEnrollmentRequired: true });
    expect(JSON.stringify(state)).not.toContain(OWNER.password);

    const again = await new Client(app).request("POST", "/auth/setup", { ...OWNER, name: "indringer" });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/al ingericht/);

    // Logged in but not enrolled: other routes refuse until TOTP is on.
    const blocked = await client.request("GET", "/admin/users");
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe("totp_enrollment_required");

    const enrol = await client.request("POST", "/auth/totp/enrol");
    const enrolment = (await enrol.json()) as { secret: string; otpauthUrl: string; qrDataUrl: string };
    expect(enrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Poortwachter:marieke\?/);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await client.request("POST", "/auth/totp/confirm", { code: "000000" });
    expect(wrong.status).toBe(422);
    const confirm = await client.request("POST", "/auth/totp/confirm", { code: totpCode(enrolment.secret, now) });
    const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    expect((await client.request("GET", "/admin/users")).status).toBe(200);
    expect(await (await client.request("GET", "/auth/me")).json()).toMatchObject({
      account: { name: "marieke", totpEnabled: true },
      totpEnrollmentRequired: false,
    });

    // The TOTP secret is stored sealed, and recovery codes only as hashes.
    const row = await store.db.selectFrom("accounts").selectAll().executeTakeFirstOrThrow();
    expect(row.totp_secret).not.toContain(enrolment.secret);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const codes = await store.db.selectFrom("account_recovery_codes").select("code_hash").execute();
    expect(codes.map((c) => c.code_hash)).not.toContain(recoveryCodes[0]);
  });

  it("logs in with password and TOTP, refuses a wrong code and a replayed one, accepts ±1 step", async () => {
    const { secret } = await ownerWithTotp();
    now += 60_000;
    const client = new Client(app);
    expect(
      await (await client.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password })).json(),
    ).toEqual({ totpRequired: true });
    // Password alone is not a session.
    expect((await client.request("GET", "/admin/users")).status).toBe(401);
    expect(await (await client.request("GET", "/auth/me")).json()).toMatchObject({ account: null, totpRequired: true });

    const wrong = await client.request("POST", "/auth/login/totp", { code: "123456" });
    expect(wrong.status).toBe(401);
    // One step late (the phone's clock lags) still works.
    const late = await client.request("POST", "/auth/login/totp", { code: totpCode(secret, now - 30_000) });
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ account: { name: "marieke" } });
    expect((await client.request("GET", "/admin/users")).status).toBe(200);

    // The same code a second time, from another browser: refused as a replay.
    const other = new Client(app);
    await other.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password });
    const replay = await other.request("POST", "/auth/login/totp", { code: totpCode(secret, now - 30_000) });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe("code_reused");
    // Two steps away: refused.
    const far = await other.request("POST", "/auth/login/totp", { code: totpCode(secret, now + 90_000) });
    expect(far.status).toBe(401);
  });

  it("accepts each recovery code once", async () => {
    const { recoveryCodes } = await ownerWithTotp();
    const code = recoveryCodes[3] as string;
    const first = new Client(app);
    await first.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password });
    const ok = await first.request("POST", "/auth/login/totp", { code: code.toUpperCase() });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ usedRecoveryCode: true, recoveryCodesLeft: 9 });

    const second = new Client(app);
    await second.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password });
    expect((await second.request("POST", "/auth/login/totp", { code })).status).toBe(401);
  });

  it("locks a name out after 5 failures with a growing lock-out, and answers unknown names the same way", async () => {
    await ownerWithTotp();
    const client = new Client(app);
    const unknown = await client.request("POST", "/auth/login", { name: "bestaatniet", password: "x".repeat(12) });
    const wrongPassword = await client.request("POST", "/auth/login", { name: OWNER.name, password: "x".repeat(12) });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrongPassword.json());

    for (let i = 0; i < 4; i++) {
      expect((await client.request("POST", "/auth/login", { name: OWNER.name, password: "fout" })).status).toBe(401);
    }
    // Five failures: locked, even with the right password.
    const locked = await client.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("30");
    expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(
      /Te veel mislukte pogingen/,
    );
    const english = await client.request(
      "POST",
      "/auth/login",
      { name: OWNER.name, password: OWNER.password },
      { headers: { "accept-language": "en" } },
    );
    expect(((await english.json()) as { error: { message: string } }).error.message).toMatch(
      /Too many failed attempts/,
    );

    now += 31_000;
    expect((await client.request("POST", "/auth/login", { name: OWNER.name, password: "fout" })).status).toBe(401);
    // The sixth failure doubles the lock-out.
    const longer = await client.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password });
    expect(longer.status).toBe(429);
    expect(longer.headers.get("retry-after")).toBe("60");
    now += 61_000;
    expect(
      await (await client.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password })).json(),
    ).toEqual({ totpRequired: true });
  });

  it("limits failures per address across names", async () => {
    await ownerWithTotp();
    const attacker = new Client(app, "192.0.2.7");
    for (let i = 0; i < 20; i++) {
      await attacker.request("POST", "/auth/login", { name: `naam${i}`, password: "geraden wachtwoord" });
    }
    const blocked = await attacker.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password });
    expect(blocked.status).toBe(429);
    // Someone else, from another address, is not affected.
    const colleague = new Client(app, "192.0.2.8");
    expect(
      (await colleague.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password })).status,
    ).toBe(200);
  });

  it("refuses writes without the CSRF token or from another origin", async () => {
    const { client } = await ownerWithTotp();
    const body = { name: "sales" };
    const noToken = await client.request("POST", "/admin/teams", body, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe("csrf");
    const wrongToken = await client.request("POST", "/admin/teams", body, {
      csrf: false,
      headers: { "x-csrf-token": "nep" },
    });
    expect(wrongToken.status).toBe(403);
    const foreign = await client.request("POST", "/admin/teams", body, { headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe("origin_mismatch");
    const foreignLogin = await new Client(app).request(
      "POST",
      "/auth/login",
      { name: OWNER.name, password: OWNER.password },
      { headers: { origin: "https://evil.example" } },
    );
    expect(foreignLogin.status).toBe(403);
    const own = await client.request("POST", "/admin/teams", body, { headers: { origin: "http://poort.test" } });
    expect(own.status).toBe(201);
  });

  it("ends sessions after 12 idle hours and after 7 days, and rotates the session id at login", async () => {
    const { secret, client } = await ownerWithTotp();
    const before = client.cookies.get("pw_session");
    now += 11 * 60 * 60 * 1000;
    expect((await client.request("GET", "/admin/users")).status).toBe(200);
    now += 11 * 60 * 60 * 1000;
    // 22 h after set-up but only 11 h idle: still in.
    expect((await client.request("GET", "/admin/users")).status).toBe(200);
    now += SESSION_IDLE_MS + 1000;
    expect((await client.request("GET", "/admin/users")).status).toBe(401);

    const fresh = await loginWithTotp(secret);
    expect(fresh.cookies.get("pw_session")).not.toBe(before);
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - 10 * 60 * 60 * 1000; elapsed += 10 * 60 * 60 * 1000) {
      now += 10 * 60 * 60 * 1000;
      expect((await fresh.request("GET", "/admin/users")).status).toBe(200);
    }
    now += 10 * 60 * 60 * 1000;
    expect((await fresh.request("GET", "/admin/users")).status).toBe(401);
  });

  it("has members change their one-time password, keeps them out of admin routes, and guards the last owner", async () => {
    const { client: owner } = await ownerWithTotp();
    const created = await owner.request("POST", "/admin/users", { name: "jan", role: "member", team: "verkoop" });
    expect(created.status).toBe(201);
    const { user, oneTimePassword } = (await created.json()) as { user: { id: string }; oneTimePassword: string };

    const member = new Client(app);
    const login = await member.request("POST", "/auth/login", { name: "jan", password: oneTimePassword });
    expect(await login.json()).toMatchObject({ account: null, passwordChangeRequired: true });
    expect((await member.request("GET", "/auth/keys")).status).toBe(403);
    const weak = await member.request("POST", "/auth/password", {
      currentPassword: oneTimePassword,
      newPassword: "jan-is-de-beste",
    });
    expect(weak.status).toBe(422);
    expect(((await weak.json()) as { error: { code: string } }).error.code).toBe("password_contains_name");
    const changed = await member.request("POST", "/auth/password", {
      currentPassword: oneTimePassword,
      newPassword: "mijn eigen lange wachtwoord",
    });
    expect(await changed.json()).toMatchObject({ account: { name: "jan", role: "member", team: "verkoop" } });

    for (const path of ["/admin/users", "/admin/teams", "/admin/activity", "/admin/activity.csv"]) {
      expect((await member.request("GET", path)).status).toBe(403);
    }
    expect((await member.request("PUT", "/auth/policy", { totpForEveryone: true })).status).toBe(403);

    // The member's key works with the gateway's identity service.
    const key = await member.request("POST", "/auth/keys", { label: "laptop", expiresInDays: 90 });
    expect(key.status).toBe(201);
    expect(((await key.json()) as { key: string }).key).toMatch(/^pw-/);

    // The last owner cannot be demoted nor disabled.
    const me = (await (await owner.request("GET", "/auth/me")).json()) as { account: { id: string } };
    const demote = await owner.request("PATCH", `/admin/users/${me.account.id}`, { role: "admin" });
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { error: { code: string } }).error.code).toBe("last_owner");
    // With a second owner it works.
    expect((await owner.request("PATCH", `/admin/users/${user.id}`, { role: "owner" })).status).toBe(200);
    expect((await owner.request("PATCH", `/admin/users/${me.account.id}`, { role: "admin" })).status).toBe(200);

    // "2FA for everyone": the member must now enrol before anything else.
    const policy = await owner.request("PUT", "/auth/policy", { totpForEveryone: true });
    expect(policy.status).toBe(200);
    expect(await (await member.request("GET", "/auth/me")).json()).toMatchObject({
      account: { name: "jan" },
      totpEnrollmentRequired: true,
    });
    const keysNow = await member.request("GET", "/auth/keys");
    expect(keysNow.status).toBe(403);
    expect(((await keysNow.json()) as { error: { code: string } }).error.code).toBe("totp_enrollment_required");

    const activity = (await (await owner.request("GET", "/admin/activity")).json()) as {
      actions: Array<{ action: string; target: string | null }>;
    };
    expect(activity.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["account.created", "account.role_changed", "settings.changed"]),
    );
    const csv = await (await owner.request("GET", "/admin/activity.csv")).text();
    expect(csv.split("\r\n")[0]).toBe("time,actor,action,target,details");
    expect(csv).toContain("account.created");
    expect(csv).not.toContain(oneTimePassword);
  });

  it("disabling an account ends its sessions", async () => {
    const { client: owner } = await ownerWithTotp();
    const created = (await (await owner.request("POST", "/admin/users", { name: "piet" })).json()) as {
      user: { id: string };
      oneTimePassword: string;
    };
    const member = new Client(app);
    await member.request("POST", "/auth/login", { name: "piet", password: created.oneTimePassword });
    await member.request("POST", "/auth/password", {
      currentPassword: created.oneTimePassword,
      newPassword: "een heel ander wachtwoord",
    });
    expect((await member.request("GET", "/auth/keys")).status).toBe(200);
    expect((await owner.request("PATCH", `/admin/users/${created.user.id}`, { disabled: true })).status).toBe(200);
    expect((await member.request("GET", "/auth/keys")).status).toBe(401);
    const again = await new Client(app).request("POST", "/auth/login", {
      name: "piet",
      password: "een heel ander wachtwoord",
    });
    expect(again.status).toBe(403);
  });

  it("never puts passwords in responses, the database's audit or the logs", async () => {
    const { client: owner, secret } = await ownerWithTotp();
    const responses: string[] = [];
    const created = await owner.request("POST", "/admin/users", { name: "kees" });
    const { oneTimePassword, user } = (await created.json()) as { oneTimePassword: string; user: { id: string } };
    responses.push(JSON.stringify(await (await owner.request("GET", "/admin/users")).json()));
    responses.push(JSON.stringify(await (await owner.request("GET", "/auth/profile")).json()));
    const reset = (await (await owner.request("POST", `/admin/users/${user.id}/reset-password`)).json()) as {
      oneTimePassword: string;
    };
    await new Client(app).request("POST", "/auth/login", { name: OWNER.name, password: "verkeerd wachtwoord" });
    const audit = await store.db.selectFrom("admin_audit").selectAll().execute();
    const haystack = [...responses, JSON.stringify(audit), ...logged].join("\n");
    for (const secretValue of [OWNER.password, oneTimePassword, reset.oneTimePassword, secret, "verkeerd wachtwoord"]) {
      expect(haystack).not.toContain(secretValue);
    }
    expect(responses.join("")).not.toMatch(/argon2|password_hash|passwordHash|totpSecret/);
  });

  it("marks cookies Secure behind an https proxy", async () => {
    const client = new Client(app);
    const setup = await client.request("POST", "/auth/setup", OWNER, { headers: { "x-forwarded-proto": "https" } });
    for (const cookie of setup.headers.getSetCookie()) expect(cookie).toMatch(/; Secure/);
  });

  it("lets other routers record admin actions, without secrets in the details", async () => {
    await recordAdminAction(store, { id: "acc_1", name: "marieke" }, "providers.added", "openai", {
      provider: "openai",
      apiKey: "sk-geheim",
      password: "ook geheim",
      accessToken: "eyJ…",
      maxTokens: 4000,
      keyId: "pw-abc…",
    });
    const [record] = await listAdminActions(store);
    expect(record).toMatchObject({ actorName: "marieke", action: "providers.added", target: "openai" });
    expect(record?.details).toEqual({ provider: "openai", maxTokens: 4000, keyId: "pw-abc…" });
  });

  it("ends the other sessions when the password changes", async () => {
    const { client, secret } = await ownerWithTotp();
    now += 31_000;
    const laptop = await loginWithTotp(secret);
    const changed = await client.request("POST", "/auth/password", {
      currentPassword: OWNER.password,
      newPassword: "een nieuwe lange wachtzin",
    });
    expect(changed.status).toBe(200);
    expect((await laptop.request("GET", "/admin/users")).status).toBe(401);
    // The session that made the change continues, under a new id.
    expect((await client.request("GET", "/admin/users")).status).toBe(200);
    const wrongCurrent = await client.request("POST", "/auth/password", {
      currentPassword: OWNER.password,
      newPassword: "nog een andere lange zin",
    });
    expect(wrongCurrent.status).toBe(401);
  });

  it("resets someone's 2FA and password; an admin cannot touch an owner", async () => {
    const { client: owner } = await ownerWithTotp();
    const created = (await (await owner.request("POST", "/admin/users", { name: "beheer", role: "admin" })).json()) as {
      user: { id: string };
      oneTimePassword: string;
    };
    const admin = new Client(app);
    await admin.request("POST", "/auth/login", { name: "beheer", password: created.oneTimePassword });
    await admin.request("POST", "/auth/password", {
      currentPassword: created.oneTimePassword,
      newPassword: "geheime lange zin voor mij",
    });
    // Admins must enrol TOTP before they can administer.
    expect((await admin.request("GET", "/admin/users")).status).toBe(403);
    const { secret } = (await (await admin.request("POST", "/auth/totp/enrol")).json()) as { secret: string };
    await admin.request("POST", "/auth/totp/confirm", { code: totpCode(secret, now) });
    const users = (await (await admin.request("GET", "/admin/users")).json()) as {
      users: Array<{ id: string; name: string }>;
    };
    const ownerId = users.users.find((u) => u.name === OWNER.name)?.id as string;
    for (const [method, path, body] of [
      ["POST", `/admin/users/${ownerId}/reset-2fa`, undefined],
      ["POST", `/admin/users/${ownerId}/reset-password`, undefined],
      ["PATCH", `/admin/users/${ownerId}`, { disabled: true }],
    ] as const) {
      const refused = await admin.request(method, path, body);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("owner_only");
    }
    // Nor may an admin make someone owner.
    expect((await admin.request("POST", "/admin/users", { name: "baas", role: "owner" })).status).toBe(403);

    // The owner resets the admin's 2FA: their sessions end, and the next login enrols again.
    expect((await owner.request("POST", `/admin/users/${created.user.id}/reset-2fa`)).status).toBe(200);
    expect((await admin.request("GET", "/admin/users")).status).toBe(401);
    const again = new Client(app);
    const login = await again.request("POST", "/auth/login", {
      name: "beheer",
      password: "geheime lange zin voor mij",
    });
    expect(await login.json()).toMatchObject({ account: { name: "beheer" }, totpEnrollmentRequired: true });

    // And resets the password: a new one-time password, to be changed at the next login.
    const reset = (await (await owner.request("POST", `/admin/users/${created.user.id}/reset-password`)).json()) as {
      oneTimePassword: string;
    };
    const old = await new Client(app).request("POST", "/auth/login", {
      name: "beheer",
      password: "geheime lange zin voor mij",
    });
    expect(old.status).toBe(401);
    const fresh = await new Client(app).request("POST", "/auth/login", {
      name: "beheer",
      password: reset.oneTimePassword,
    });
    expect(await fresh.json()).toMatchObject({ passwordChangeRequired: true });
  });

  it("counts callers behind a local reverse proxy by X-Forwarded-For, and ignores it from anyone else", async () => {
    await ownerWithTotp();
    const viaProxy = new Client(app, "127.0.0.1");
    for (let i = 0; i < 20; i++) {
      await viaProxy.request(
        "POST",
        "/auth/login",
        { name: `naam${i}`, password: "geraden wachtwoord" },
        { headers: { "x-forwarded-for": "203.0.113.9" } },
      );
    }
    const attacker = await viaProxy.request(
      "POST",
      "/auth/login",
      { name: OWNER.name, password: OWNER.password },
      { headers: { "x-forwarded-for": "203.0.113.9" } },
    );
    expect(attacker.status).toBe(429);
    // Another caller through the same proxy is not locked out.
    const colleague = await viaProxy.request(
      "POST",
      "/auth/login",
      { name: OWNER.name, password: OWNER.password },
      { headers: { "x-forwarded-for": "198.51.100.4" } },
    );
    expect(colleague.status).toBe(200);

    // A direct caller cannot dodge the limit by inventing addresses.
    const direct = new Client(app, "192.0.2.50");
    for (let i = 0; i < 20; i++) {
      await direct.request(
        "POST",
        "/auth/login",
        { name: `ander${i}`, password: "geraden wachtwoord" },
        { headers: { "x-forwarded-for": `10.0.0.${i}` } },
      );
    }
    const dodged = await direct.request(
      "POST",
      "/auth/login",
      { name: OWNER.name, password: OWNER.password },
      { headers: { "x-forwarded-for": "10.9.9.9" } },
    );
    expect(dodged.status).toBe(429);
  });

  it("says so clearly when another instance's key sealed the TOTP secret", async () => {
    const { secret } = await ownerWithTotp();
    // A second instance on the same database, with a data folder (and so a vault key) of its own.
    const otherDir = mkdtempSync(join(tmpdir(), "pw-auth-other-"));
    const otherStore = await openStore({ dataDir: dir });
    try {
      const other = new Hono();
      other.route(
        "/api/app",
        createWebApi({
          store: otherStore,
          governance: new GovernanceService(otherStore),
          dataDir: otherDir,
          clock: () => now,
        }),
      );
      const client = new Client(other);
      await client.request("POST", "/auth/login", { name: OWNER.name, password: OWNER.password });
      const answer = await client.request("POST", "/auth/login/totp", { code: totpCode(secret, now + 30_000) });
      expect(answer.status).toBe(500);
      expect(((await answer.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: "totp_key_mismatch",
        message: expect.stringContaining("POORTWACHTER_VAULT_KEY"),
      });
    } finally {
      await otherStore.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
  const SAFARI_IPHONE =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

  interface SessionView {
    id: string;
    browser: string | null;
    os: string | null;
    ipPrefix: string | null;
    createdAt: string;
    lastSeenAt: string;
    current: boolean;
  }

  async function sessionsOf(client: Client): Promise<SessionView[]> {
    const response = await client.request("GET", "/auth/sessions");
    expect(response.status).toBe(200);
    return ((await response.json()) as { sessions: SessionView[] }).sessions;
  }

  /** A member who chose their own password, logged in from `ip` with `userAgent`. */
  async function memberClient(
    owner: Client,
    name: string,
    options: { ip?: string; userAgent?: string } = {},
  ): Promise<{ client: Client; id: string; password: string }> {
    const created = (await (await owner.request("POST", "/admin/users", { name })).json()) as {
      user: { id: string };
      oneTimePassword: string;
    };
    const client = new Client(app, options.ip);
    const headers = options.userAgent ? { "user-agent": options.userAgent } : undefined;
    await client.request(
      "POST",
      "/auth/login",
      { name, password: created.oneTimePassword },
      headers ? { headers } : {},
    );
    const password = "een eigen lange wachtzin";
    await client.request("POST", "/auth/password", { currentPassword: created.oneTimePassword, newPassword: password });
    return { client, id: created.user.id, password };
  }

  it("lists the own sessions with device and coarse address, and ends one or all others", async () => {
    const { client: owner } = await ownerWithTotp();
    const { client: desk, password } = await memberClient(owner, "jan", {
      ip: "192.0.2.77",
      userAgent: FIREFOX_WINDOWS,
    });
    now += 90_000;
    const phone = new Client(app, "2001:db8:1234:5678::9");
    await phone.request("POST", "/auth/login", { name: "jan", password }, { headers: { "user-agent": SAFARI_IPHONE } });
    const third = new Client(app, "198.51.100.3");
    await third.request("POST", "/auth/login", { name: "jan", password });

    const listed = await sessionsOf(desk);
    expect(listed).toHaveLength(3);
    expect(listed.map((s) => s.current)).toEqual([true, false, false]);
    // The password change kept the device of the session it replaced.
    expect(listed.find((s) => s.current)).toMatchObject({
      browser: "Firefox",
      os: "Windows",
      ipPrefix: "192.0.2.0/24",
      createdAt: new Date(START).toISOString(),
    });
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    expect(listed).toContainEqual(
      expect.objectContaining({ browser: "Safari", os: "iOS", ipPrefix: "2001:db8:1234::/48", current: false }),
    );
    expect(listed).toContainEqual(
      expect.objectContaining({ browser: null, os: null, ipPrefix: "198.51.100.0/24", current: false }),
    );
    // Neither the full address, the User-Agent nor the session's token or stored hash leave the server.
    const rows = await store.db.selectFrom("account_sessions").selectAll().execute();
    const text = JSON.stringify(listed);
    for (const row of rows) expect(text).not.toContain(row.id_hash);
    for (const value of [...desk.cookies.values(), "192.0.2.77", "5678", "Gecko", "rv:133"]) {
      expect(text).not.toContain(value);
    }
    expect(JSON.stringify(rows)).not.toContain("Gecko");

    // Ending the phone's session logs the phone out; the others stay.
    const phoneSession = listed.find((s) => s.browser === "Safari") as SessionView;
    expect((await desk.request("DELETE", `/auth/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.request("GET", "/auth/keys")).status).toBe(401);
    expect((await third.request("GET", "/auth/keys")).status).toBe(200);
    expect((await desk.request("DELETE", `/auth/sessions/${phoneSession.id}`)).status).toBe(404);
    // Someone else's session cannot be ended by its id.
    const ownerSession = (await sessionsOf(owner))[0] as SessionView;
    expect((await desk.request("DELETE", `/auth/sessions/${ownerSession.id}`)).status).toBe(404);
    expect((await owner.request("GET", "/auth/keys")).status).toBe(200);
    // Writes need the CSRF token like every other change.
    const noCsrf = await desk.request("POST", "/auth/sessions/end-others", undefined, { csrf: false });
    expect(noCsrf.status).toBe(403);

    const others = await desk.request("POST", "/auth/sessions/end-others");
    expect(await others.json()).toEqual({ ended: 1 });
    expect((await third.request("GET", "/auth/keys")).status).toBe(401);
    expect((await desk.request("GET", "/auth/keys")).status).toBe(200);
    expect(await sessionsOf(desk)).toHaveLength(1);
  });

  it("writes the last-active time at most once a minute per session", async () => {
    const { client } = await ownerWithTotp();
    const lastSeen = async () => (await store.db.selectFrom("account_sessions").select("last_seen_at").execute())[0];
    const before = await lastSeen();
    now += 30_000;
    for (let i = 0; i < 5; i++) expect((await client.request("GET", "/auth/keys")).status).toBe(200);
    expect(await lastSeen()).toEqual(before);
    now += 31_000;
    await client.request("GET", "/auth/keys");
    expect((await lastSeen())?.last_seen_at).toBe(new Date(now).toISOString());
    expect((await sessionsOf(client))[0]?.lastSeenAt).toBe(new Date(now).toISOString());
  });

  it("shows admins how many sessions each person has and lets them end all of them", async () => {
    const { client: owner } = await ownerWithTotp();
    const jan = await memberClient(owner, "jan");
    const laptop = new Client(app);
    await laptop.request("POST", "/auth/login", { name: "jan", password: jan.password });
    await memberClient(owner, "piet");
    const users = (await (await owner.request("GET", "/admin/users")).json()) as {
      users: Array<{ name: string; sessions: number }>;
    };
    expect(Object.fromEntries(users.users.map((u) => [u.name, u.sessions]))).toEqual({
      marieke: 1,
      jan: 2,
      piet: 1,
    });

    const ended = await owner.request("POST", `/admin/users/${jan.id}/end-sessions`);
    expect(await ended.json()).toEqual({ ended: 2 });
    expect((await jan.client.request("GET", "/auth/keys")).status).toBe(401);
    expect((await laptop.request("GET", "/auth/keys")).status).toBe(401);
    const last = (await listAdminActions(store)).find((a) => a.action === "account.sessions_ended");
    expect(last).toMatchObject({
      actorName: "marieke",
      action: "account.sessions_ended",
      target: "jan",
      details: { sessions: 2 },
    });
    // Members cannot.
    const piet = new Client(app);
    await piet.request("POST", "/auth/login", { name: "piet", password: "een eigen lange wachtzin" });
    expect((await piet.request("POST", `/admin/users/${jan.id}/end-sessions`)).status).toBe(403);
  });

  it("removes a disabled account with its sessions, 2FA, recovery codes, keys and conversations; usage records stay", async () => {
    const { client: owner } = await ownerWithTotp();
    const jan = await memberClient(owner, "jan");
    const key = (await (
      await jan.client.request("POST", "/auth/keys", { label: "laptop", expiresInDays: 90 })
    ).json()) as {
      view: { id: string };
    };
    // 2FA for jan, so there is a secret and recovery codes to remove.
    const { secret } = (await (await jan.client.request("POST", "/auth/totp/enrol")).json()) as { secret: string };
    await jan.client.request("POST", "/auth/totp/confirm", { code: totpCode(secret, now) });
    const chat = { title_sealed: "x", content_sealed: "y", created_at: "2026-11-23T09:00:00.000Z" };
    await store.db
      .insertInto("chat_conversations")
      .values({ ...chat, id: "conv1", account_id: jan.id, updated_at: chat.created_at })
      .execute();
    await sql`insert into gateway_audit (id, time, day, user_name, endpoint, protocol, decision, reasons, entity_counts, tool_calls, prompt_injection, tokens_in, tokens_out, cost_micros, latency_ms, http_status)
      values ('use1', '2026-11-23T09:00:00.000Z', '2026-11-23', 'jan', '/v1/chat/completions', 'openai', 'allow', '[]', '{}', 0, 0, 10, 20, 0, 5, 200)`.execute(
      store.db,
    );

    const me = (await (await owner.request("GET", "/auth/me")).json()) as { account: { id: string } };
    const refusedEnabled = await owner.request("DELETE", `/admin/users/${jan.id}`);
    expect(refusedEnabled.status).toBe(409);
    expect(((await refusedEnabled.json()) as { error: { code: string } }).error.code).toBe("not_disabled");
    const refusedSelf = await owner.request("DELETE", `/admin/users/${me.account.id}`);
    expect(refusedSelf.status).toBe(409);
    expect(((await refusedSelf.json()) as { error: { code: string } }).error.code).toBe("cannot_remove_self");

    expect((await owner.request("PATCH", `/admin/users/${jan.id}`, { disabled: true })).status).toBe(200);
    const removed = await owner.request("DELETE", `/admin/users/${jan.id}`);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ removed: { sessions: 0, recoveryCodes: 10, conversations: 1, keys: 1 } });

    expect(await store.db.selectFrom("accounts").select("name").where("id", "=", jan.id).execute()).toEqual([]);
    for (const table of ["account_sessions", "account_recovery_codes", "chat_conversations"] as const) {
      expect(await store.db.selectFrom(table).selectAll().where("account_id", "=", jan.id).execute()).toEqual([]);
    }
    const keys = await new GatewayIdentityRepository(store.db).listKeys({ user: "jan" });
    expect(keys.find((k) => k.id === key.view.id.replace(/^pw-/, "").replace(/-…?$/, ""))?.revokedAt).toBeTruthy();
    expect(keys.every((k) => k.revokedAt !== null)).toBe(true);
    const usage = await sql<{ user_name: string }>`select user_name from gateway_audit`.execute(store.db);
    expect(usage.rows).toEqual([{ user_name: "jan" }]);
    expect((await owner.request("DELETE", `/admin/users/${jan.id}`)).status).toBe(404);
    // Every action here has the same (test) time: find the record by its action.
    const last = (await listAdminActions(store)).find((a) => a.action === "account.removed");
    expect(last).toMatchObject({
      action: "account.removed",
      target: "jan",
      details: { role: "member", keysRevoked: 1, conversationsDeleted: 1, recoveryCodesDeleted: 10 },
    });
    // The name is free again, and the new account does not inherit the old keys.
    const again = await owner.request("POST", "/admin/users", { name: "jan" });
    expect(again.status).toBe(201);
  });

  it("never removes an owner for an admin, nor the last owner", async () => {
    const { client: owner } = await ownerWithTotp();
    const second = (await (await owner.request("POST", "/admin/users", { name: "tweede", role: "owner" })).json()) as {
      user: { id: string };
    };
    const me = (await (await owner.request("GET", "/auth/me")).json()) as { account: { id: string } };
    // The other owner, disabled, can be removed by this owner; this owner is then the last one.
    expect((await owner.request("PATCH", `/admin/users/${second.user.id}`, { disabled: true })).status).toBe(200);
    expect((await owner.request("DELETE", `/admin/users/${second.user.id}`)).status).toBe(200);
    const self = await owner.request("DELETE", `/admin/users/${me.account.id}`);
    expect(self.status).toBe(409);
    expect((await owner.request("GET", "/admin/users")).status).toBe(200);
  });
});
