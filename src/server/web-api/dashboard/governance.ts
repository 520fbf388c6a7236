/**
 * The governance REST API (catalogue, tools, register, incidents, contacts, training, policy,
 * disclosure, shadow AI, the 12-rule check) for the web app: the same routes as /api/governance,
 * but behind the session instead of the admin token. Members may read the catalogue, the tools,
 * the policy and the disclosure texts and ask for a tool; the rest is for owners and admins.
 */
import { Hono } from "hono";
import { createGovernanceApi } from "../../../governance/api/app.js";
import type { SessionAccount, WebApiDeps, WebEnv } from "../context.js";
import { refreshGatewayFacts } from "./home.js";

export function createWebGovernanceApi(deps: WebApiDeps): Hono<WebEnv> {
  const api = createGovernanceApi({
    service: deps.governance,
    // The web API's sessionAuth has already checked the session and, on writes, the CSRF token.
    auth: async (_c, next) => {
      await next();
    },
    caller: (c) => {
      const account = c.get("account") as SessionAccount | undefined;
      if (!account) return undefined;
      return { name: account.displayName || account.name, admin: account.role !== "member" };
    },
    now: () => new Date(deps.clock()),
  });
  const app = new Hono<WebEnv>();
  // The check page shows rules 2 and 8 from what the gateway is doing now, as the home does.
  app.use("/check", async (c, next) => {
    if (c.get("account")?.role !== "member") await refreshGatewayFacts(deps);
    await next();
  });
  app.route("/", api as unknown as Hono<WebEnv>);
  return app;
}
