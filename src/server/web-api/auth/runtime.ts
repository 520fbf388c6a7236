/**
 * What the auth routes and the session check share: one AccountService per store (so the
 * set-up, login and session checks of one instance agree), cookies, the caller's language and
 * address, and the translation of AccountErrors into the web API's error shape.
 */
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { ZodError } from "zod";
import { AccountError, AccountService, type NewSession, SecretBox } from "../../../accounts/index.js";
import { resolveVaultKey } from "../../../config/index.js";
import { IdentityService } from "../../../gateway/accounting/identity.js";
import type { Store } from "../../../store/index.js";
import { GatewayIdentityRepository } from "../../../store/repositories/gateway-identity.js";
import type { WebApiDeps, WebEnv } from "../context.js";
import { webError } from "../context.js";

export const SESSION_COOKIE = "pw_session";
export const CSRF_COOKIE = "pw_csrf";
export const CSRF_HEADER = "x-csrf-token";

const services = new WeakMap<Store, AccountService>();
const identities = new WeakMap<Store, IdentityService>();

function secretBoxFor(deps: WebApiDeps): () => SecretBox {
  let box: SecretBox | undefined;
  return () => {
    if (box) return box;
    const configured = deps.config?.security.vaultKey ?? process.env.POORTWACHTER_VAULT_KEY?.trim() ?? undefined;
    const dataDir = deps.dataDir ?? deps.config?.storage.dataDir;
    if (configured === undefined && dataDir === undefined) {
      throw new Error("accounts: no vault key configured and no data directory to keep one in");
    }
    box = new SecretBox(resolveVaultKey(configured || undefined, dataDir ?? "./data").key, "accounts totp");
    return box;
  };
}

export function accountsFor(deps: WebApiDeps): AccountService {
  let service = services.get(deps.store);
  if (!service) {
    service = new AccountService({ store: deps.store, clock: deps.clock, secretBox: secretBoxFor(deps) });
    services.set(deps.store, service);
  }
  return service;
}

/** The gateway's own identity service when it runs (so its key cache sees revocations at once), else one on the store. */
export function identityFor(deps: WebApiDeps): IdentityService {
  if (deps.gateway) return deps.gateway.accounting.identity;
  let service = identities.get(deps.store);
  if (!service) {
    service = new IdentityService(new GatewayIdentityRepository(deps.store.db), { clock: deps.clock });
    identities.set(deps.store, service);
  }
  return service;
}

/** The language of the caller's interface (the web client sends it), else the account's choice, else Dutch. */
export function languageOf(c: Context, accountLanguage?: "nl" | "en"): "nl" | "en" {
  const header = c.req.header("accept-language")?.trim().toLowerCase() ?? "";
  if (header.startsWith("en")) return "en";
  if (header.startsWith("nl")) return "nl";
  return accountLanguage ?? "nl";
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The caller's address for the login throttle. A reverse proxy on the same machine (Caddy, nginx)
 * connects from loopback and names the caller in X-Forwarded-For: then its last entry counts,
 * the one that proxy added. Anyone else's X-Forwarded-For is ignored, since a client can write
 * anything there.
 */
export function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? "unknown";
  if (LOOPBACK.test(peer)) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").pop()?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return peer;
}

function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

export function setSessionCookies(c: Context, session: NewSession): void {
  const secure = isHttps(c);
  const expires = new Date(session.expiresAt);
  setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: "Strict", secure, path: "/", expires });
  // Script-readable on purpose: the web client echoes it in the x-csrf-token header.
  setCookie(c, CSRF_COOKIE, session.csrfToken, { httpOnly: false, sameSite: "Strict", secure, path: "/", expires });
}

export function clearSessionCookies(c: Context): void {
  const secure = isHttps(c);
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure });
  deleteCookie(c, CSRF_COOKIE, { path: "/", secure });
}

/**
 * A request from another site's page carries that site's Origin; browsers always send Origin on
 * cross-site POSTs, so a mismatch is refused even before the CSRF token is looked at.
 */
export function originAllowed(c: Context): boolean {
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const own = [new URL(c.req.url).host, c.req.header("host"), c.req.header("x-forwarded-host")?.split(",")[0]?.trim()];
  return own.some((h) => h !== undefined && h !== "" && h.toLowerCase() === host.toLowerCase());
}

export function say2(c: Context<WebEnv>, nl: string, en: string): string {
  return (c.get("language") ?? "nl") === "en" ? en : nl;
}

/** AccountErrors and invalid bodies as `{ error }` in the caller's language; anything else is a 500 without details. */
export function handleError(err: Error, c: Context<WebEnv>) {
  if (err instanceof AccountError) {
    if (err.status === 429 && typeof err.details?.retryAfterSeconds === "number") {
      c.header("retry-after", String(err.details.retryAfterSeconds));
    }
    return webError(c, err.status, err.code, say2(c, err.nl, err.en), err.details);
  }
  if (err instanceof ZodError) {
    return webError(
      c,
      400,
      "invalid_request",
      say2(c, "De gegevens in het verzoek kloppen niet.", "The request's data is not valid."),
      err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  if (err instanceof SyntaxError) {
    return webError(
      c,
      400,
      "invalid_json",
      say2(c, "Het verzoek is geen geldige JSON.", "The request is not valid JSON."),
    );
  }
  console.error(`web api: ${c.req.method} ${c.req.path} failed: ${err.name}`);
  return webError(c, 500, "internal", say2(c, "Er ging iets mis op de server.", "Something went wrong on the server."));
}
