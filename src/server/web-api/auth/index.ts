/**
 * /api/app/auth: first-run set-up, login (password, then TOTP or a recovery code), logout, who am
 * I, the own profile, password and TOTP, the own sessions ("where am I logged in"), the "2FA for
 * everyone" policy and the own gateway keys.
 * Set-up, login and `me` are public; the rest goes through sessionAuth here.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { z } from "zod";
import { type AccountService, publicAccount, type ResolvedSession } from "../../../accounts/index.js";
import type { WebApiDeps, WebEnv } from "../context.js";
import { requireAdmin, webError } from "../context.js";
import { createOwnKeysApi } from "./keys.js";
import {
  accountsFor,
  clearSessionCookies,
  clientIp,
  handleError,
  languageOf,
  originAllowed,
  SESSION_COOKIE,
  say2,
  setSessionCookies,
} from "./runtime.js";
import { resolvedSession, sessionAuth, toSessionAccount } from "./session.js";

export { recordAdminAction } from "../../../accounts/index.js";
export { sessionAuth } from "./session.js";

const name = z.string().trim().min(1).max(64);
const password = z.string().min(1).max(1024);
const language = z.enum(["nl", "en"]);

const setupBody = z.object({
  name,
  displayName: z.string().trim().max(100).optional(),
  password,
  language: language.optional(),
});
const loginBody = z.object({ name, password });
const codeBody = z.object({ code: z.string().trim().min(1).max(40) });
const passwordBody = z.object({ currentPassword: password, newPassword: password });
const profileBody = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  language: language.optional(),
});
const policyBody = z.object({ totpForEveryone: z.boolean() });

/** What GET /me answers, and what set-up and login answer once a session is active. */
async function sessionState(accounts: AccountService, resolved: ResolvedSession | undefined) {
  if (!resolved) {
    return {
      account: null,
      setupRequired: await accounts.setupRequired(),
      totpEnrollmentRequired: false,
      passwordChangeRequired: false,
      totpRequired: false,
    };
  }
  if (resolved.session.stage === "totp") {
    return {
      account: null,
      setupRequired: false,
      totpEnrollmentRequired: false,
      passwordChangeRequired: false,
      totpRequired: true,
    };
  }
  // Until the person chose their own password the app treats them as logged out, so the shell
  // sends them to the login page, which finishes the change.
  if (resolved.account.passwordChangeRequired) {
    return {
      account: null,
      setupRequired: false,
      totpEnrollmentRequired: false,
      passwordChangeRequired: true,
      totpRequired: false,
      name: resolved.account.name,
    };
  }
  return {
    account: { ...toSessionAccount(resolved), language: resolved.account.language },
    setupRequired: false,
    totpEnrollmentRequired: await accounts.totpEnrollmentRequired(resolved.account),
    passwordChangeRequired: false,
    totpRequired: false,
  };
}

/** Login and set-up take JSON only: a cross-site HTML form cannot send it without a CORS preflight. */
function refuseForeign(c: Context<WebEnv>) {
  if (!originAllowed(c)) {
    return webError(
      c,
      403,
      "origin_mismatch",
      say2(
        c,
        "Dit verzoek komt van een andere website en is geweigerd.",
        "This request comes from another website and was refused.",
      ),
    );
  }
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return webError(c, 400, "json_required", say2(c, "Stuur de gegevens als JSON.", "Send the data as JSON."));
  }
  return undefined;
}

export function createAuthApi(deps: WebApiDeps): Hono<WebEnv> {
  const accounts = accountsFor(deps);
  const app = new Hono<WebEnv>();
  app.onError(handleError);
  app.use("*", async (c, next) => {
    c.set("language", languageOf(c));
    await next();
  });

  const current = (c: Context<WebEnv>) => accounts.resolveSession(getCookie(c, SESSION_COOKIE));

  app.get("/me", async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await sessionState(accounts, await current(c)));
  });

  app.post("/setup", async (c) => {
    const refused = refuseForeign(c);
    if (refused) return refused;
    const body = setupBody.parse(await c.req.json());
    const { session } = await accounts.setupOwner(
      { ...body, language: body.language ?? languageOf(c) },
      { ip: clientIp(c), userAgent: c.req.header("user-agent") },
    );
    setSessionCookies(c, session);
    return c.json(await sessionState(accounts, await accounts.resolveSession(session.token)), 201);
  });

  app.post("/login", async (c) => {
    const refused = refuseForeign(c);
    if (refused) return refused;
    const body = loginBody.parse(await c.req.json());
    const previous = await current(c);
    const result = await accounts.login(body.name, body.password, clientIp(c), c.req.header("user-agent"));
    // A new session id at every login: a session fixed by someone else never becomes logged in.
    if (previous) await accounts.endSession(previous.session);
    setSessionCookies(c, result.session);
    if (result.kind === "totp") return c.json({ totpRequired: true });
    return c.json(await sessionState(accounts, await accounts.resolveSession(result.session.token)));
  });

  app.post("/login/totp", async (c) => {
    const refused = refuseForeign(c);
    if (refused) return refused;
    const body = codeBody.parse(await c.req.json());
    const pending = await current(c);
    if (pending?.session.stage !== "totp") {
      return webError(
        c,
        401,
        "login_expired",
        say2(c, "Je inlogpoging is verlopen. Log opnieuw in.", "Your login attempt has expired. Please log in again."),
      );
    }
    const result = await accounts.loginSecondFactor(pending, body.code, clientIp(c));
    setSessionCookies(c, result.session);
    const state = await sessionState(accounts, await accounts.resolveSession(result.session.token));
    return c.json({
      ...state,
      usedRecoveryCode: result.usedRecoveryCode,
      recoveryCodesLeft: result.usedRecoveryCode ? await accounts.recoveryCodesLeft(result.account.id) : undefined,
    });
  });

  app.post("/logout", async (c) => {
    const resolved = await current(c);
    // Logging out needs no CSRF token (it only ends a session) but still refuses other sites.
    if (!originAllowed(c)) return webError(c, 403, "origin_mismatch", say2(c, "Geweigerd.", "Refused."));
    if (resolved) await accounts.endSession(resolved.session);
    clearSessionCookies(c);
    return c.body(null, 204);
  });

  // Below: a logged-in session, also while the password or TOTP enrolment is still pending.
  const incomplete = sessionAuth(deps, { allowIncomplete: true });

  app.post("/password", incomplete, async (c) => {
    const body = passwordBody.parse(await c.req.json());
    const result = await accounts.changePassword(resolvedSession(c), body.currentPassword, body.newPassword);
    setSessionCookies(c, result.session);
    return c.json(await sessionState(accounts, await accounts.resolveSession(result.session.token)));
  });

  app.get("/profile", incomplete, async (c) => {
    const { account } = resolvedSession(c);
    return c.json({
      account: publicAccount(account),
      totp: {
        enabled: account.totpEnabledAt !== null,
        enabledAt: account.totpEnabledAt,
        required: account.role !== "member" || (await accounts.totpForEveryone()),
        recoveryCodesLeft: await accounts.recoveryCodesLeft(account.id),
      },
    });
  });

  app.patch("/profile", incomplete, async (c) => {
    const body = profileBody.parse(await c.req.json());
    const updated = await accounts.updateProfile(resolvedSession(c).account, body);
    return c.json({ account: publicAccount(updated) });
  });

  app.post("/totp/enrol", incomplete, async (c) => {
    const enrolment = await accounts.beginTotpEnrolment(resolvedSession(c).account);
    c.header("cache-control", "no-store");
    return c.json(enrolment);
  });

  app.post("/totp/confirm", incomplete, async (c) => {
    const body = codeBody.parse(await c.req.json());
    const result = await accounts.confirmTotpEnrolment(resolvedSession(c).account, body.code);
    c.header("cache-control", "no-store");
    return c.json(result);
  });

  const full = sessionAuth(deps);

  app.post("/totp/recovery-codes", full, async (c) => {
    const body = codeBody.parse(await c.req.json());
    const result = await accounts.regenerateRecoveryCodes(resolvedSession(c).account, body.code);
    c.header("cache-control", "no-store");
    return c.json(result);
  });

  // "Where am I logged in": the own sessions, ending one, or all but this one.
  app.get("/sessions", full, async (c) => {
    c.header("cache-control", "no-store");
    return c.json({ sessions: await accounts.listOwnSessions(resolvedSession(c)) });
  });

  app.post("/sessions/end-others", full, async (c) => {
    return c.json({ ended: await accounts.endOtherSessions(resolvedSession(c)) });
  });

  app.delete("/sessions/:id", full, async (c) => {
    await accounts.endOwnSession(resolvedSession(c), c.req.param("id"));
    return c.body(null, 204);
  });

  app.get("/policy", full, async (c) => c.json({ totpForEveryone: await accounts.totpForEveryone() }));

  app.put("/policy", full, requireAdmin(), async (c) => {
    const body = policyBody.parse(await c.req.json());
    const { account } = resolvedSession(c);
    await accounts.setTotpForEveryone({ id: account.id, name: account.name }, body.totpForEveryone);
    return c.json({ totpForEveryone: body.totpForEveryone });
  });

  app.use("/keys", full);
  app.use("/keys/*", full);
  app.route("/keys", createOwnKeysApi(deps));
  return app;
}
