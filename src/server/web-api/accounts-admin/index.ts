/**
 * /api/app/admin: people and teams for the owner and admins — create accounts (one-time
 * password shown once), change role, team, disable, reset 2FA or password, end someone's
 * sessions, remove a disabled account, see and revoke someone's keys — and the audit of admin
 * actions (also as CSV).
 */
import { Hono } from "hono";
import { z } from "zod";
import { adminActionsCsv, listAdminActions, publicAccount } from "../../../accounts/index.js";
import { createKeyBody } from "../auth/keys.js";
import { accountsFor, handleError, identityFor, say2 } from "../auth/runtime.js";
import { resolvedSession } from "../auth/session.js";
import type { WebApiDeps, WebEnv } from "../context.js";
import { requireAdmin, webError } from "../context.js";

const role = z.enum(["owner", "admin", "member"]);
const team = z.string().trim().min(1).max(64);

const createBody = z.object({
  name: z.string().trim().min(1).max(64),
  displayName: z.string().trim().max(100).optional(),
  role: role.default("member"),
  team: team.nullable().optional(),
});
const patchBody = z.object({
  role: role.optional(),
  team: team.nullable().optional(),
  disabled: z.boolean().optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
});
const teamBody = z.object({ name: team });

const DAY_MS = 24 * 60 * 60 * 1000;

export function createAccountsAdminApi(deps: WebApiDeps): Hono<WebEnv> {
  const accounts = accountsFor(deps);
  const app = new Hono<WebEnv>();
  app.onError(handleError);
  app.use("*", requireAdmin());
  const actor = (c: Parameters<typeof resolvedSession>[0]) => resolvedSession(c).account;

  app.get("/users", async (c) => {
    const [list, sessions] = await Promise.all([accounts.listAccounts(), accounts.sessionCounts()]);
    return c.json({ users: list.map((a) => ({ ...publicAccount(a), sessions: sessions.get(a.id) ?? 0 })) });
  });

  app.post("/users", async (c) => {
    const body = createBody.parse(await c.req.json());
    const created = await accounts.createAccount(actor(c), body);
    c.header("cache-control", "no-store");
    return c.json({ user: publicAccount(created.account), oneTimePassword: created.oneTimePassword }, 201);
  });

  app.patch("/users/:id", async (c) => {
    const body = patchBody.parse(await c.req.json());
    const updated = await accounts.updateAccount(actor(c), c.req.param("id"), body);
    return c.json({ user: publicAccount(updated) });
  });

  app.post("/users/:id/reset-2fa", async (c) => {
    const updated = await accounts.resetTotp(actor(c), c.req.param("id"));
    return c.json({ user: publicAccount(updated) });
  });

  app.post("/users/:id/reset-password", async (c) => {
    const result = await accounts.resetPassword(actor(c), c.req.param("id"));
    c.header("cache-control", "no-store");
    return c.json({ user: publicAccount(result.account), oneTimePassword: result.oneTimePassword });
  });

  app.post("/users/:id/end-sessions", async (c) => {
    return c.json({ ended: await accounts.endSessionsOf(actor(c), c.req.param("id")) });
  });

  app.delete("/users/:id", async (c) => {
    const identity = identityFor(deps);
    const removed = await accounts.removeAccount(actor(c), c.req.param("id"), async (name) => {
      const open = (await identity.listKeys({ user: name })).filter((k) => k.revokedAt === null);
      for (const key of open) await identity.revokeKey(key.id);
      return open.length;
    });
    return c.json({ removed });
  });

  app.get("/users/:id/keys", async (c) => {
    const target = await accounts.getAccount(c.req.param("id"));
    return c.json({ keys: (await identityFor(deps).listKeys({ user: target.name })).reverse() });
  });

  app.post("/users/:id/keys", async (c) => {
    const target = await accounts.getAccount(c.req.param("id"));
    const body = createKeyBody.parse(await c.req.json());
    const created = await identityFor(deps).createKey({
      user: target.name,
      team: target.team ?? undefined,
      label: body.label || undefined,
      expiresInMs: body.expiresInDays === null ? undefined : body.expiresInDays * DAY_MS,
    });
    await accounts.audit(actor(c), "key.created", target.name, { keyId: created.view.display });
    c.header("cache-control", "no-store");
    return c.json(created, 201);
  });

  app.delete("/users/:id/keys/:keyId", async (c) => {
    const target = await accounts.getAccount(c.req.param("id"));
    const identity = identityFor(deps);
    const keyId = c.req.param("keyId");
    const key = (await identity.listKeys({ user: target.name })).find((k) => k.id === keyId);
    if (!key) return webError(c, 404, "not_found", say2(c, "Deze sleutel bestaat niet.", "This key does not exist."));
    const revoked = await identity.revokeKey(keyId);
    await accounts.audit(actor(c), "key.revoked", target.name, { keyId: key.display });
    return c.json({ key: revoked });
  });

  app.get("/teams", async (c) => c.json({ teams: await accounts.listTeams() }));

  app.post("/teams", async (c) => {
    const body = teamBody.parse(await c.req.json());
    return c.json({ team: await accounts.createTeam(actor(c), body.name) }, 201);
  });

  app.get("/activity", async (c) => {
    const before = c.req.query("before");
    const records = await listAdminActions(deps.store, { limit: 200, ...(before ? { before } : {}) });
    return c.json({ actions: records });
  });

  app.get("/activity.csv", async (c) => {
    const records = await listAdminActions(deps.store, { limit: 100_000 });
    c.header("content-type", "text/csv; charset=utf-8");
    c.header("content-disposition", 'attachment; filename="poortwachter-beheeracties.csv"');
    return c.body(adminActionsCsv(records));
  });

  return app;
}
