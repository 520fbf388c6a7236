import { Hono } from "hono";
import type { WebApiDeps, WebEnv } from "../context.js";

export function createApprovalsApi(_deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  return app;
}
