/**
 * Accounts for browser tests: set up the owner through the real /setup and TOTP pages, log in
 * (computing the TOTP code like a phone would), create members through the API, and call the
 * web API as a logged-in person (cookies + CSRF header) from the test itself.
 */
import { TOTP } from "otpauth";
import type { Page } from "playwright-core";
import type { App } from "./harness.js";

export interface Credentials {
  name: string;
  password: string;
  /** Base32 TOTP secret, when the account has TOTP on. */
  totpSecret?: string | undefined;
  recoveryCodes?: string[] | undefined;
}

const PERIOD_MS = 30_000;
/** The last TOTP step used per secret: the server refuses a code twice, so the next login takes the next step. */
const usedSteps = new Map<string, number>();

/**
 * A code the server will accept now (each TOTP login of one account needs its own 30-s step, so a
 * third login within one step waits for the next: give such tests a 60-s timeout): the current step, or the next one (±1 step is allowed) when
 * the current one was already used; waits only when both are used.
 */
export async function nextTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / PERIOD_MS);
    const last = usedSteps.get(secret) ?? Number.NEGATIVE_INFINITY;
    const step = Math.max(current, last + 1);
    // Keep a margin to the window's edge: the request takes a moment to arrive.
    const usable = step === current || (step === current + 1 && now % PERIOD_MS < PERIOD_MS - 2000);
    if (usable) {
      usedSteps.set(secret, step);
      return new TOTP({ secret, digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: step * PERIOD_MS });
    }
    await new Promise((resolve) => setTimeout(resolve, PERIOD_MS - (now % PERIOD_MS) + 50));
  }
}

let counter = 0;
/** A password that passes the rules (length ≥ 12, not the name). */
export function strongPassword(): string {
  counter += 1;
  return `lange wachtzin ${counter} met ${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The first-run set-up in the browser: /setup, then TOTP enrolment with the secret read from the
 * page, then the recovery codes. Ends on the app's home page, logged in.
 */
export async function setupOwner(
  page: Page,
  app: App,
  options: {
    name?: string;
    displayName?: string;
    password?: string;
    /** Called on the enrolment page once the QR code shows (e.g. for a screenshot). */
    onEnrolPage?: (page: Page) => Promise<void>;
  } = {},
): Promise<Required<Credentials>> {
  const name = options.name ?? "eigenaar";
  const password = options.password ?? strongPassword();
  await page.goto(`${app.url}/setup`);
  await page.getByLabel("Accountnaam").fill(name);
  await page.getByLabel("Volledige naam").fill(options.displayName ?? "Eigenaar van de zaak");
  await page.getByLabel(/^Wachtwoord/).fill(password);
  await page.getByLabel("Herhaal het wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await page.waitForURL(/\/account\/2fa$/);
  const secretText = await page.getByTestId("totp-secret").textContent({ timeout: 15_000 });
  const totpSecret = (secretText ?? "").replace(/\s+/g, "");
  await options.onEnrolPage?.(page);
  await page.getByLabel("Code uit je app").fill(await nextTotpCode(totpSecret));
  await page.getByRole("button", { name: "Koppelen" }).click();
  const codes = page.getByTestId("recovery-code");
  await codes.first().waitFor();
  const recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
  await page.getByRole("button", { name: "Ik heb ze bewaard" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/account/2fa"));
  return { name, password, totpSecret, recoveryCodes };
}

/**
 * Logs in through /login (password, then the TOTP code when the account has one), ending up on
 * `next`. Whoever was logged in in this browser context is logged out first.
 */
export async function login(page: Page, app: App, creds: Credentials, next = "/"): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${app.url}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Accountnaam").fill(creds.name);
  await page.getByLabel(/^Wachtwoord/).fill(creds.password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  if (creds.totpSecret) {
    await page.getByLabel("Code uit je app").fill(await nextTotpCode(creds.totpSecret));
    await page.getByRole("button", { name: "Bevestigen" }).click();
  }
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** Logs out through the API (as the header menu does). */
export async function logout(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const csrf = document.cookie
      .split(";")
      .map((c) => c.trim().split("="))
      .find(([k]) => k === "pw_csrf")?.[1];
    await fetch("/api/app/auth/logout", { method: "POST", headers: csrf ? { "x-csrf-token": csrf } : {} });
  });
}

export interface ApiSession {
  /** A fetch against the app with the session cookies, the CSRF header on writes, JSON bodies. */
  request(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  cookies: Map<string, string>;
}

function apiClient(app: App): ApiSession {
  const cookies = new Map<string, string>();
  const request: ApiSession["request"] = async (path, init = {}) => {
    const method = init.method ?? (init.body === undefined ? "GET" : "POST");
    const headers: Record<string, string> = { "accept-language": "nl", ...init.headers };
    if (init.body !== undefined) headers["content-type"] = "application/json";
    if (cookies.size > 0) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = cookies.get("pw_csrf");
    if (method !== "GET" && csrf) headers["x-csrf-token"] = csrf;
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [key, ...rest] = (pair ?? "").split("=");
      if (!key) continue;
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(cookie)) cookies.delete(key);
      else cookies.set(key, value);
    }
    return response;
  };
  async function ok<T>(response: Response): Promise<T> {
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  return {
    request,
    cookies,
    get: async <T>(path: string) => ok<T>(await request(path)),
    post: async <T>(path: string, body?: unknown) => ok<T>(await request(path, { method: "POST", body: body ?? {} })),
  };
}

interface LoginAnswer {
  totpRequired?: boolean;
  passwordChangeRequired?: boolean;
  totpEnrollmentRequired?: boolean;
}

/** Logs in through the API (password + TOTP) and returns a client for the web API as that person. */
export async function apiSession(app: App, creds: Credentials): Promise<ApiSession> {
  const client = apiClient(app);
  const first = await client.post<LoginAnswer>("/api/app/auth/login", { name: creds.name, password: creds.password });
  if (first.totpRequired) {
    if (!creds.totpSecret) throw new Error(`${creds.name} has TOTP on, but no secret was given`);
    await client.post("/api/app/auth/login/totp", { code: await nextTotpCode(creds.totpSecret) });
  }
  return client;
}

/**
 * The owner adds a member through the API; the member logs in with the one-time password and
 * chooses their own (and enrols TOTP when "2FA for everyone" is on). Returns the member's login.
 */
export async function createMember(
  app: App,
  owner: Credentials,
  member: { name: string; displayName?: string; team?: string; role?: "member" | "admin" },
): Promise<Credentials> {
  const admin = await apiSession(app, owner);
  const created = await admin.post<{ oneTimePassword: string }>("/api/app/admin/users", {
    name: member.name,
    displayName: member.displayName,
    role: member.role ?? "member",
    team: member.team ?? null,
  });
  const client = apiClient(app);
  await client.post("/api/app/auth/login", { name: member.name, password: created.oneTimePassword });
  const password = strongPassword();
  const state = await client.post<LoginAnswer>("/api/app/auth/password", {
    currentPassword: created.oneTimePassword,
    newPassword: password,
  });
  let totpSecret: string | undefined;
  if (state.totpEnrollmentRequired) {
    const enrolment = await client.post<{ secret: string }>("/api/app/auth/totp/enrol");
    totpSecret = enrolment.secret;
    await client.post("/api/app/auth/totp/confirm", { code: await nextTotpCode(totpSecret) });
  }
  await client.post("/api/app/auth/logout");
  return { name: member.name, password, totpSecret };
}
