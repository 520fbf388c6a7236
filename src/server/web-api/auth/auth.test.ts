import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
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
});
