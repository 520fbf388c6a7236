import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { createGovernanceApi } from "../governance/api/app.js";
import { GovernanceService } from "../governance/service/index.js";
import type { Store } from "../store/index.js";
import { verifyAdminToken } from "./admin-token.js";

export interface ServerAppOptions {
  store: Store;
  /** Defaults to a service on `store` with the real clock. */
  governance?: GovernanceService;
  /** The gateway's routes (mounted at the root) and admin API (at /api/gateway), when configured. */
  gateway?: { routes: Hono; adminApi: Hono };
}

/**
 * The one HTTP app of a Poortwachter instance. Modules mount their routes here: the governance API
 * now, the gateway endpoints and the web app later, each with `app.route(prefix, subApp)`.
 */
export function createServerApp(options: ServerAppOptions): Hono {
  const { store } = options;
  const governance = options.governance ?? new GovernanceService(store);
  const app = new Hono();
  app.use("*", secureHeaders());

  // Liveness: the process answers. Readiness: it can also reach its database.
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    try {
      await store.ping();
      return c.json({ status: "ready", database: store.dialect });
    } catch {
      return c.json({ status: "unavailable", database: store.dialect }, 503);
    }
  });

  app.route(
    "/api/governance",
    createGovernanceApi({ service: governance, verifyToken: (token) => verifyAdminToken(store, token) }),
  );
  if (options.gateway) {
    app.route("/api/gateway", options.gateway.adminApi);
    app.route("/", options.gateway.routes);
  }
  return app;
}
