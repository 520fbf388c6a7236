import type { AnthropicErrorBody } from "./anthropic/types.js";
import type { OpenAIErrorBody } from "./openai/types.js";
import type { Protocol } from "./types.js";

export type GatewayErrorCode =
  | "invalid_request"
  | "authentication_failed"
  | "permission_denied"
  | "not_found"
  | "request_too_large"
  | "rate_limited"
  | "upstream_error"
  | "upstream_unavailable"
  | "upstream_overloaded"
  | "upstream_timeout"
  | "upstream_connection_failed"
  | "upstream_malformed_response"
  | "upstream_stream_error"
  | "client_closed"
  | "internal_error";

export interface GatewayErrorOptions {
  provider?: string;
  /** Seconds the client should wait, from the upstream's Retry-After. */
  retryAfterSeconds?: number;
  /** Whether another attempt (or another model) may succeed. */
  retryable?: boolean;
  param?: string | null;
  cause?: unknown;
}

/** An error the gateway can render in either protocol's error shape. */
export class GatewayError extends Error {
  override readonly name = "GatewayError";
  readonly provider: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly retryable: boolean;
  readonly param: string | null;

  constructor(
    readonly status: number,
    readonly code: GatewayErrorCode,
    message: string,
    options: GatewayErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.provider = options.provider;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.retryable = options.retryable ?? (status === 429 || status >= 500);
    this.param = options.param ?? null;
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

/** The gateway's own status for an upstream status: upstream auth failures are our configuration's fault. */
function gatewayStatusFor(upstreamStatus: number): { status: number; code: GatewayErrorCode } {
  if (upstreamStatus === 400 || upstreamStatus === 422) return { status: 400, code: "invalid_request" };
  if (upstreamStatus === 401) return { status: 502, code: "authentication_failed" };
  if (upstreamStatus === 403) return { status: 502, code: "permission_denied" };
  if (upstreamStatus === 404) return { status: 404, code: "not_found" };
  if (upstreamStatus === 413) return { status: 413, code: "request_too_large" };
  if (upstreamStatus === 429) return { status: 429, code: "rate_limited" };
  if (upstreamStatus === 503) return { status: 503, code: "upstream_unavailable" };
  if (upstreamStatus === 529) return { status: 529, code: "upstream_overloaded" };
  if (upstreamStatus === 504) return { status: 504, code: "upstream_timeout" };
  if (upstreamStatus >= 500) return { status: 502, code: "upstream_error" };
  return { status: upstreamStatus >= 400 ? upstreamStatus : 502, code: "upstream_error" };
}

/** Pull a human message out of an OpenAI-, Anthropic- or Mistral-style error body. */
export function upstreamErrorMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed && typeof parsed === "object") {
      const record = parsed as Record<string, unknown>;
      const error = record["error"];
      if (typeof error === "string") return error;
      if (error && typeof error === "object") {
        const message = (error as Record<string, unknown>)["message"];
        if (typeof message === "string") return message;
      }
      const message = record["message"] ?? record["detail"];
      if (typeof message === "string") return message;
    }
  } catch {
    // Not JSON: fall through to the raw text below.
  }
  const text = body.trim();
  return text.length > 0 ? text.slice(0, 500) : undefined;
}

/** Map a non-2xx upstream answer to a GatewayError. */
export function errorFromUpstreamStatus(
  status: number,
  body: string,
  provider: string,
  retryAfterSeconds?: number,
): GatewayError {
  const mapped = gatewayStatusFor(status);
  const detail = upstreamErrorMessage(body) ?? `HTTP ${status}`;
  const options: GatewayErrorOptions = { provider };
  if (retryAfterSeconds !== undefined) options.retryAfterSeconds = retryAfterSeconds;
  // Judged by what the upstream said: its auth and request errors will not go away by asking again.
  options.retryable = status === 408 || status === 429 || status >= 500;
  return new GatewayError(mapped.status, mapped.code, `Upstream ${provider} answered ${status}: ${detail}`, options);
}

const OPENAI_TYPES: Record<GatewayErrorCode, string> = {
  invalid_request: "invalid_request_error",
  authentication_failed: "authentication_error",
  permission_denied: "permission_error",
  not_found: "not_found_error",
  request_too_large: "invalid_request_error",
  rate_limited: "rate_limit_error",
  upstream_error: "api_error",
  upstream_unavailable: "api_error",
  upstream_overloaded: "api_error",
  upstream_timeout: "timeout_error",
  upstream_connection_failed: "api_connection_error",
  upstream_malformed_response: "api_error",
  upstream_stream_error: "api_error",
  client_closed: "api_error",
  internal_error: "server_error",
};

const ANTHROPIC_TYPES: Record<GatewayErrorCode, string> = {
  invalid_request: "invalid_request_error",
  authentication_failed: "authentication_error",
  permission_denied: "permission_error",
  not_found: "not_found_error",
  request_too_large: "request_too_large",
  rate_limited: "rate_limit_error",
  upstream_error: "api_error",
  upstream_unavailable: "api_error",
  upstream_overloaded: "overloaded_error",
  upstream_timeout: "timeout_error",
  upstream_connection_failed: "api_error",
  upstream_malformed_response: "api_error",
  upstream_stream_error: "api_error",
  client_closed: "api_error",
  internal_error: "api_error",
};

/** Anything thrown becomes a GatewayError; unknown errors are internal and keep their details private. */
export function toGatewayError(error: unknown, provider?: string): GatewayError {
  if (error instanceof GatewayError) return error;
  const options: GatewayErrorOptions = { cause: error, retryable: false };
  if (provider !== undefined) options.provider = provider;
  return new GatewayError(500, "internal_error", "Internal gateway error", options);
}

export interface RenderedError<Body> {
  status: number;
  headers: Record<string, string>;
  body: Body;
}

function retryHeaders(error: GatewayError): Record<string, string> {
  return error.retryAfterSeconds === undefined ? {} : { "retry-after": String(Math.ceil(error.retryAfterSeconds)) };
}

/** OpenAI's error shape: `{error:{message,type,param,code}}`. */
export function renderOpenAIError(error: GatewayError): RenderedError<OpenAIErrorBody> {
  return {
    status: error.status,
    headers: retryHeaders(error),
    body: { error: { message: error.message, type: OPENAI_TYPES[error.code], param: error.param, code: error.code } },
  };
}

/** Anthropic's error shape: `{type:"error", error:{type,message}}`. */
export function renderAnthropicError(error: GatewayError): RenderedError<AnthropicErrorBody> {
  return {
    status: error.status,
    headers: retryHeaders(error),
    body: { type: "error", error: { type: ANTHROPIC_TYPES[error.code], message: error.message } },
  };
}

export function renderError(
  protocol: Protocol,
  error: GatewayError,
): RenderedError<OpenAIErrorBody> | RenderedError<AnthropicErrorBody> {
  return protocol === "openai" ? renderOpenAIError(error) : renderAnthropicError(error);
}
