import { Hono } from "hono";
import type { PoortwachterConfig } from "../config/index.js";
import type { GatewayInstance } from "../gateway/index.js";
import { createGovernanceApi } from "../governance/api/app.js";
import { GovernanceService } from "../governance/service/index.js";
import type { Store } from "../store/index.js";
import { verifyAdminToken } from "./admin-token.js";
import { securityHeadersMiddleware } from "./security-headers.js";
import { mountWebApp } from "./static.js";
import { createWebApi } from "./web-api/index.js";

export interface ServerAppOptions {
  store: Store;
  /** Defaults to a service on `store` with the real clock. */
  governance?: GovernanceService;
  /** The gateway's routes (mounted at the root) and admin API (at /api/gateway), when configured. */
  gateway?: GatewayInstance;
  /** The loaded configuration, for the web app's settings and chat. */
  config?: PoortwachterConfig;
  dataDir?: string;
  /** The built web app (default dist/web); `false` serves the APIs only. */
  webRoot?: string | false;
  clock?: () => number;
}

/**
 * The one HTTP app of a Poortwachter instance: the governance API, the gateway's endpoints and
 * admin API, the web app's API at /api/app and the web app itself, all on one port.
 */
export function createServerApp(options: ServerAppOptions): Hono {
  const { store } = options;
  const governance = options.governance ?? new GovernanceService(store);
  const app = new Hono();
  app.use("*", securityHeadersMiddleware());

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
  app.route(
    "/api/app",
    createWebApi({
      store,
      governance,
      gateway: options.gateway,
      config: options.config,
      dataDir: options.dataDir,
      clock: options.clock ?? Date.now,
    }),
  );
  if (options.webRoot !== false) mountWebApp(app, options.webRoot);
  return app;
}
