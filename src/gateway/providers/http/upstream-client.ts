import { Pool } from "undici";
import { errorFromUpstreamStatus, GatewayError } from "../errors.js";
import { parseRetryAfterMs } from "./retry-after.js";

export interface UpstreamClientOptions {
  /** TCP/TLS connect limit. */
  connectTimeoutMs?: number;
  /** Sockets per upstream origin. */
  connections?: number;
  /** A Retry-After longer than this is not waited for: the error goes back to the caller. */
  maxRetryAfterMs?: number;
  /** First backoff step when the upstream gave no Retry-After; doubles per attempt. */
  baseBackoffMs?: number;
}

export interface UpstreamRequest {
  provider: string;
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  /** Serialised as JSON. */
  body?: unknown;
  /** Limit for the response headers and for each silence while the body streams. */
  timeoutMs: number;
  maxRetries: number;
  signal?: AbortSignal;
}

/** A 2xx upstream response whose body has not been read yet. */
export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as bytes; errors are GatewayErrors; leaving the loop early closes the connection. */
  body(): AsyncGenerator<Uint8Array>;
  text(): Promise<string>;
  json(): Promise<unknown>;
  /** Discard the body and release the connection. */
  dispose(): void;
}

/** Errors where the request certainly never reached the upstream: safe to send again. */
const CONNECT_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  const code = errorCode(error);
  return code === "UND_ERR_ABORTED" || (error instanceof Error && error.name === "AbortError");
}

/** Map a transport failure (no HTTP status) to a GatewayError. */
export function transportError(error: unknown, provider: string, signal: AbortSignal | undefined): GatewayError {
  if (error instanceof GatewayError) return error;
  if (isAbort(error, signal)) {
    return new GatewayError(499, "client_closed", "The client closed the request", {
      provider,
      retryable: false,
      cause: error,
    });
  }
  const code = errorCode(error);
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT") {
    return new GatewayError(504, "upstream_timeout", `Upstream ${provider} did not answer in time`, {
      provider,
      retryable: true,
      cause: error,
    });
  }
  return new GatewayError(
    502,
    "upstream_connection_failed",
    `Connection to upstream ${provider} failed (${code ?? "error"})`,
    {
      provider,
      retryable: true,
      cause: error,
    },
  );
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Upstream HTTP over one undici Pool per origin (keep-alive sockets reused across requests).
 * Retries only where no harm is possible: a connection that never opened, or a 429/503 whose
 * Retry-After fits the cap. Once a 2xx response is handed out nothing is retried again.
 */
export class UpstreamClient {
  private readonly pools = new Map<string, Pool>();
  private readonly connectTimeoutMs: number;
  private readonly connections: number;
  private readonly maxRetryAfterMs: number;
  private readonly baseBackoffMs: number;

  constructor(options: UpstreamClientOptions = {}) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.connections = options.connections ?? 128;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 20_000;
    this.baseBackoffMs = options.baseBackoffMs ?? 250;
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.connections,
        connect: { timeout: this.connectTimeoutMs },
        keepAliveTimeout: 30_000,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const url = new URL(request.url);
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers: Record<string, string> = { accept: "application/json, text/event-stream", ...request.headers };
    if (payload !== undefined) headers["content-type"] = "application/json";
    const pool = this.pool(url.origin);
    for (let attempt = 0; ; attempt++) {
      const retriesLeft = attempt < request.maxRetries;
      let response: Awaited<ReturnType<Pool["request"]>>;
      try {
        response = await pool.request({
          path: url.pathname + url.search,
          method: request.method,
          headers,
          body: payload ?? null,
          signal: request.signal ?? null,
          headersTimeout: request.timeoutMs,
          bodyTimeout: request.timeoutMs,
        });
      } catch (error) {
        const code = errorCode(error);
        if (retriesLeft && code !== undefined && CONNECT_ERROR_CODES.has(code) && !request.signal?.aborted) {
          await this.wait(this.backoff(attempt), request.signal, request.provider);
          continue;
        }
        throw transportError(error, request.provider, request.signal);
      }
      const status = response.statusCode;
      if (status >= 200 && status < 300) return wrapResponse(response, request.provider, request.signal);
      const text = await response.body.text().catch(() => "");
      const retryAfterMs = parseRetryAfterMs(response.headers);
      if (retriesLeft && (status === 429 || status === 503)) {
        const waitMs = retryAfterMs ?? this.backoff(attempt);
        if (waitMs <= this.maxRetryAfterMs) {
          await this.wait(waitMs, request.signal, request.provider);
          continue;
        }
      }
      throw errorFromUpstreamStatus(
        status,
        text,
        request.provider,
        retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
      );
    }
  }

  private backoff(attempt: number): number {
    return this.baseBackoffMs * 2 ** attempt;
  }

  private async wait(ms: number, signal: AbortSignal | undefined, provider: string): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (error) {
      throw transportError(error, provider, signal);
    }
  }

  /** Close every pooled connection (shutdown, tests). */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

function wrapResponse(
  response: Awaited<ReturnType<Pool["request"]>>,
  provider: string,
  signal: AbortSignal | undefined,
): UpstreamResponse {
  const body = response.body;
  async function* bytes(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of body) yield chunk as Uint8Array;
    } catch (error) {
      throw transportError(error, provider, signal);
    } finally {
      // A consumer that stops early must not leave the upstream generating into a dead socket.
      if (!body.destroyed) body.destroy();
    }
  }
  const text = async (): Promise<string> => {
    try {
      return await body.text();
    } catch (error) {
      throw transportError(error, provider, signal);
    }
  };
  return {
    status: response.statusCode,
    headers: response.headers,
    body: bytes,
    text,
    async json() {
      const raw = await text();
      try {
        return JSON.parse(raw) as unknown;
      } catch (error) {
        throw new GatewayError(502, "upstream_malformed_response", `Upstream ${provider} sent a malformed JSON body`, {
          provider,
          retryable: true,
          cause: error,
        });
      }
    },
    dispose() {
      if (!body.destroyed) body.destroy();
    },
  };
}

let shared: UpstreamClient | undefined;

/** The process-wide client: one pool per upstream origin for all providers. */
export function sharedUpstreamClient(): UpstreamClient {
  shared ??= new UpstreamClient();
  return shared;
}

/**
 * Some servers answer a stream request with one JSON error or completion instead of an event
 * stream; that is a malformed upstream answer, not something to parse as SSE.
 */
export async function assertEventStream(response: UpstreamResponse, provider: string): Promise<void> {
  const contentType = String(response.headers["content-type"] ?? "");
  if (contentType.includes("text/event-stream")) return;
  const text = await response.text();
  response.dispose();
  throw new GatewayError(
    502,
    "upstream_malformed_response",
    `Upstream ${provider} did not answer with an event stream`,
    {
      provider,
      retryable: true,
      cause: text.slice(0, 200),
    },
  );
}
