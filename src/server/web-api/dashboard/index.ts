/**
 * The owner's dashboard: `GET /home` gathers the score, the next steps, incidents, approvals,
 * spend and the gateway's status. The governance pages use the governance API mounted for the
 * web app (`./governance.ts`).
 */
import { Hono } from "hono";
import { requireAdmin, type WebApiDeps, type WebEnv } from "../context.js";
import { buildHome } from "./home.js";

export { createWebGovernanceApi } from "./governance.js";

export function createDashboardApi(deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get("/home", requireAdmin(), async (c) =>
    c.json(
      await buildHome({
        governance: deps.governance,
        gateway: deps.gateway,
        config: deps.config,
        clock: deps.clock,
      }),
    ),
  );
  return app;
}
