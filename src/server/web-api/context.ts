/**
 * What every route of the web app's API (`/api/app/*`) can rely on. The auth layer
 * (`./auth/`) authenticates the session cookie, checks the CSRF token on writes and sets
 * `account`; feature routers read it with `c.get("account")` and guard admin pages with
 * `requireRole`. Tests of a feature router mount it behind `testAccount(...)` instead.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { PoortwachterConfig } from "../../config/index.js";
import type { GatewayInstance } from "../../gateway/index.js";
import type { GovernanceService } from "../../governance/service/index.js";
import type { Store } from "../../store/index.js";

export type Role = "owner" | "admin" | "member";

export interface SessionAccount {
  id: string;
  /** Login name; the same name is the gateway user (audit, budgets, keys). */
  name: string;
  displayName: string;
  role: Role;
  team: string | null;
  totpEnabled: boolean;
}

export interface WebEnv {
  Variables: {
    /** Absent only on the public auth routes (login, set-up, me). */
    account: SessionAccount;
    /** The session's id, for routes that end or rotate it. */
    sessionId: string;
    /** "nl" or "en", from the account's choice or Accept-Language; messages follow it. */
    language: "nl" | "en";
  };
}

/** Everything the web API's feature routers may use. */
export interface WebApiDeps {
  store: Store;
  governance: GovernanceService;
  /** The gateway, when providers are configured; chat and usage need it. */
  gateway?: GatewayInstance | undefined;
  /** The loaded poortwachter.yaml (providers, tiers, policy, budgets), when there is one. */
  config?: PoortwachterConfig | undefined;
  /** Where the instance keeps its files (vault key, uploads). */
  dataDir?: string | undefined;
  clock: () => number;
}

export type WebContext = Context<WebEnv>;

/** Errors of the web API: `{ error: { code, message } }`, message in the caller's language. */
export function webError(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502 | 503,
  code: string,
  message: string,
  details?: unknown,
) {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}

/** Picks the Dutch or English text for the caller. */
export function say(c: WebContext, nl: string, en: string): string {
  return c.get("language") === "en" ? en : nl;
}

/** Refuses the request unless the account has one of the roles. */
export function requireRole(...roles: Role[]): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const account = c.get("account");
    if (!account || !roles.includes(account.role)) {
      return webError(
        c,
        403,
        "forbidden",
        say(c, "Dit mag alleen de eigenaar of een beheerder.", "Only the owner or an administrator may do this."),
      );
    }
    await next();
  };
}

export const requireAdmin = (): MiddlewareHandler<WebEnv> => requireRole("owner", "admin");

/** For tests of feature routers: acts as if `account` is logged in. */
export function testAccount(
  account: Partial<SessionAccount> = {},
  language: "nl" | "en" = "nl",
): MiddlewareHandler<WebEnv> {
  const full: SessionAccount = {
    id: "acc_test",
    name: "eigenaar",
    displayName: "Eigenaar",
    role: "owner",
    team: null,
    totpEnabled: true,
    ...account,
  };
  return async (c, next) => {
    c.set("account", full);
    c.set("sessionId", "sess_test");
    c.set("language", language);
    await next();
  };
}
