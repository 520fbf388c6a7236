import { GatewayError, toGatewayError } from "./errors.js";
import type { CallContext, ChatRequest, ChatResult, ChatStream, ProviderAdapter } from "./types.js";

/** One candidate of a fallback list: a provider and the upstream model to ask it for. */
export interface FallbackTarget {
  adapter: ProviderAdapter;
  model: string;
}

export interface FallbackAttempt {
  target: FallbackTarget;
  error: GatewayError;
}

export interface FallbackOptions {
  /** Called for each failed attempt that is followed by another one (for logs and audit). */
  onFallback?: (attempt: FallbackAttempt) => void;
}

/** Failures another model might not have: rate limits, overload, outages, timeouts, dead connections. */
export function isFallbackWorthy(error: GatewayError): boolean {
  return error.retryable && error.code !== "client_closed";
}

async function tryInOrder<T>(
  targets: readonly FallbackTarget[],
  attempt: (target: FallbackTarget) => Promise<T>,
  options: FallbackOptions,
): Promise<T> {
  if (targets.length === 0)
    throw new GatewayError(500, "internal_error", "No model to send the request to", { retryable: false });
  let lastError: GatewayError | undefined;
  for (const [index, target] of targets.entries()) {
    try {
      return await attempt(target);
    } catch (error) {
      const gatewayError = toGatewayError(error, target.adapter.id);
      if (!isFallbackWorthy(gatewayError) || index === targets.length - 1) throw gatewayError;
      options.onFallback?.({ target, error: gatewayError });
      lastError = gatewayError;
    }
  }
  throw lastError as GatewayError;
}

/** Ask each target in turn until one answers; a non-retryable error (e.g. a bad request) stops at once. */
export function chatWithFallback(
  targets: readonly FallbackTarget[],
  request: ChatRequest,
  ctx?: CallContext,
  options: FallbackOptions = {},
): Promise<ChatResult> {
  return tryInOrder(targets, (target) => target.adapter.chat({ ...request, model: target.model }, ctx), options);
}

/**
 * The same for streams. A stream counts as started once the upstream answered 200; from then on
 * there is no fallback, because the client may already have part of the answer.
 */
export function chatStreamWithFallback(
  targets: readonly FallbackTarget[],
  request: ChatRequest,
  ctx?: CallContext,
  options: FallbackOptions = {},
): Promise<ChatStream> {
  return tryInOrder(targets, (target) => target.adapter.chatStream({ ...request, model: target.model }, ctx), options);
}
