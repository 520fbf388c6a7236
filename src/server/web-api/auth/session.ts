/**
 * The session check in front of every protected route of /api/app: a valid `pw_session` cookie,
 * for writes also the CSRF token in `x-csrf-token` and, when the browser sends one, our own
 * Origin. Sets `account`, `sessionId` and `language`. An account that still has to change its
 * password or enrol TOTP only reaches the routes that let it do so.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { ResolvedSession } from "../../../accounts/index.js";
import type { SessionAccount, WebApiDeps, WebEnv } from "../context.js";
import { webError } from "../context.js";
import { accountsFor, CSRF_HEADER, languageOf, originAllowed, SESSION_COOKIE, say2 } from "./runtime.js";

export interface SessionAuthOptions {
  /** Lets in accounts that must still change their password or enrol TOTP (the routes that do that). */
  allowIncomplete?: boolean;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function toSessionAccount(resolved: ResolvedSession): SessionAccount {
  const a = resolved.account;
  return {
    id: a.id,
    name: a.name,
    displayName: a.displayName,
    role: a.role,
    team: a.team,
    totpEnabled: a.totpEnabledAt !== null,
  };
}

const RESOLVED = "pwResolvedSession";

/** The resolved session of this request, once sessionAuth let it through (for routes that rotate it). */
export function resolvedSession(c: Context<WebEnv>): ResolvedSession {
  const value = (c as unknown as { get(key: string): unknown }).get(RESOLVED) as ResolvedSession | undefined;
  if (!value) throw new Error("resolvedSession outside sessionAuth");
  return value;
}

export function sessionAuth(deps: WebApiDeps, options: SessionAuthOptions = {}): MiddlewareHandler<WebEnv> {
  const accounts = accountsFor(deps);
  return async (c, next) => {
    c.set("language", languageOf(c));
    const resolved = await accounts.resolveSession(getCookie(c, SESSION_COOKIE));
    if (resolved?.session.stage !== "active") {
      return webError(
        c,
        401,
        "unauthenticated",
        say2(
          c,
          "Je bent niet (meer) ingelogd. Log opnieuw in.",
          "You are not logged in (any more). Please log in again.",
        ),
      );
    }
    c.set("language", languageOf(c, resolved.account.language));
    if (!SAFE_METHODS.has(c.req.method)) {
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
      if (!accounts.csrfMatches(resolved.session, c.req.header(CSRF_HEADER))) {
        return webError(
          c,
          403,
          "csrf",
          say2(
            c,
            "Het beveiligingstoken ontbreekt of klopt niet. Herlaad de pagina en probeer het opnieuw.",
            "The security token is missing or wrong. Reload the page and try again.",
          ),
        );
      }
    }
    if (!options.allowIncomplete) {
      if (resolved.account.passwordChangeRequired) {
        return webError(
          c,
          403,
          "password_change_required",
          say2(c, "Kies eerst een eigen wachtwoord.", "Choose your own password first."),
        );
      }
      if (await accounts.totpEnrollmentRequired(resolved.account)) {
        return webError(
          c,
          403,
          "totp_enrollment_required",
          say2(c, "Stel eerst tweestapsverificatie in.", "Set up two-step verification first."),
        );
      }
    }
    c.set("account", toSessionAccount(resolved));
    c.set("sessionId", resolved.session.idHash);
    (c as unknown as { set(key: string, value: unknown): void }).set(RESOLVED, resolved);
    await next();
  };
}
