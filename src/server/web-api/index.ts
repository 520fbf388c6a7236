/**
 * The web app's API at /api/app: auth (public login/set-up routes, then the session and CSRF
 * checks for everything else), and one router per feature of the dashboard and the team chat.
 */
import { Hono } from "hono";
import { createAccountsAdminApi } from "./accounts-admin/index.js";
import { createApprovalsApi } from "./approvals/index.js";
import { createAuthApi, sessionAuth } from "./auth/index.js";
import { createChatApi } from "./chat/index.js";
import type { WebApiDeps, WebEnv } from "./context.js";
import { createDashboardApi, createWebGovernanceApi } from "./dashboard/index.js";
import { createSettingsApi } from "./settings/index.js";
import { createUsageApi } from "./usage/index.js";

export type { SessionAccount, WebApiDeps, WebEnv } from "./context.js";

export function createWebApi(deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  // Public routes first (login, first-run set-up, who am I); sessionAuth guards the rest.
  app.route("/auth", createAuthApi(deps));
  app.use("*", sessionAuth(deps));
  app.route("/admin", createAccountsAdminApi(deps));
  app.route("/chat", createChatApi(deps));
  app.route("/dashboard", createDashboardApi(deps));
  app.route("/governance", createWebGovernanceApi(deps));
  app.route("/approvals", createApprovalsApi(deps));
  app.route("/usage", createUsageApi(deps));
  app.route("/settings", createSettingsApi(deps));
  return app;
}
