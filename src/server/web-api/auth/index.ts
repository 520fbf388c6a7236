import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import type { WebApiDeps, WebEnv } from "../context.js";
import { webError } from "../context.js";

export function createAuthApi(_deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get("/me", (c) => c.json({ account: null, setupRequired: true, totpEnrollmentRequired: false }));
  return app;
}

export function sessionAuth(_deps: WebApiDeps): MiddlewareHandler<WebEnv> {
  return async (c) => webError(c, 401, "unauthenticated", "Niet ingelogd.");
}
