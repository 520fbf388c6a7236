/**
 * /api/app/auth/keys: a person's own gateway keys. Created through the gateway's IdentityService,
 * so the key works on /v1/* at once; shown once, stored hashed; only the owner of a key revokes it
 * here (admins revoke other people's keys on the users page).
 */
import { Hono } from "hono";
import { z } from "zod";
import type { WebApiDeps, WebEnv } from "../context.js";
import { webError } from "../context.js";
import { handleError, identityFor, say2 } from "./runtime.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export const createKeyBody = z.object({
  label: z.string().trim().max(80).optional(),
  /** null: never expires. */
  expiresInDays: z.number().int().min(1).max(730).nullable(),
});

export function createOwnKeysApi(deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.onError(handleError);

  app.get("/", async (c) => {
    const account = c.get("account");
    const keys = await identityFor(deps).listKeys({ user: account.name });
    return c.json({ keys: keys.reverse() });
  });

  app.post("/", async (c) => {
    const account = c.get("account");
    const body = createKeyBody.parse(await c.req.json());
    const created = await identityFor(deps).createKey({
      user: account.name,
      team: account.team ?? undefined,
      label: body.label || undefined,
      expiresInMs: body.expiresInDays === null ? undefined : body.expiresInDays * DAY_MS,
    });
    c.header("cache-control", "no-store");
    return c.json(created, 201);
  });

  app.delete("/:id", async (c) => {
    const account = c.get("account");
    const identity = identityFor(deps);
    const id = c.req.param("id");
    const own = (await identity.listKeys({ user: account.name })).find((k) => k.id === id);
    if (!own) {
      return webError(c, 404, "not_found", say2(c, "Deze sleutel bestaat niet.", "This key does not exist."));
    }
    return c.json({ key: await identity.revokeKey(id) });
  });

  return app;
}
