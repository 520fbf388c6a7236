/**
 * The web app's one way to talk to its server: JSON over /api/app with the session cookie, the
 * CSRF token echoed in a header on every state-changing request, and errors as `ApiError` with
 * the server's (translated) message.
 */

export const CSRF_COOKIE = "pw_csrf";
export const CSRF_HEADER = "x-csrf-token";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** Headers every request to our own API needs: language and, for writes, the CSRF token. */
export function apiHeaders(method: string, extra?: HeadersInit): Headers {
  const headers = new Headers(extra);
  headers.set("accept-language", document.documentElement.lang || "nl");
  if (method !== "GET" && method !== "HEAD") {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers.set(CSRF_HEADER, token);
  }
  return headers;
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = "http_error";
  let message = `${response.status} ${response.statusText}`;
  let details: unknown;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.message) message = body.error.message;
    if (body.error?.code) code = body.error.code;
    details = body.error?.details;
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  return new ApiError(response.status, code, message, details);
}

/** A raw call (for streams and downloads); throws ApiError on a non-2xx answer. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? "GET").toUpperCase();
  const response = await fetch(path, {
    ...init,
    method,
    credentials: "same-origin",
    headers: apiHeaders(method, init.headers),
  });
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** JSON in, JSON out. `body` is serialised when given. */
export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const init: RequestInit = { method: options.method ?? (options.body === undefined ? "GET" : "POST") };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { "content-type": "application/json" };
  }
  const response = await apiFetch(path, init);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
