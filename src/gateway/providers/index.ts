/**
 * Provider adapters: one folder per upstream protocol/vendor, in the manner of Portkey's gateway.
 *
 * How the gateway uses them
 * 1. At start: `createProviderAdapters(config.providers)` gives an adapter per provider id. All
 *    adapters share one UpstreamClient (an undici Pool per upstream origin); close it with
 *    `sharedUpstreamClient().close()` on shutdown.
 * 2. Per request: parse the client body into `{ protocol: "openai" | "anthropic", body }`
 *    (after pseudonymisation), pick the targets (policy/routing: `[{ adapter, model }, ...]`)
 *    and call `chatWithFallback` / `chatStreamWithFallback` with `{ signal, timeoutMs }`; the
 *    signal must abort when the client disconnects (the upstream socket is then closed).
 *    A request of the other protocol than the provider's is translated both ways; the result is
 *    always in the CLIENT's protocol.
 * 3. Non-stream: `result.body` is the client's JSON; restore with
 *    `rewriteResultText(result, (text) => restore(text, session))`; meter `result.usage`.
 * 4. Stream: the promise resolves once the upstream answered 200 (errors before that reject and
 *    can still get a normal HTTP error). Wrap it with
 *    `rewriteStreamText(stream, () => new StreamingRestorer(session))` (tool arguments are JSON:
 *    escape what is inserted there), write `SSE_HEADERS`, then `formatStreamEvent(event)` per
 *    event and `streamTerminator(protocol)` at the end. If iteration throws a GatewayError, write
 *    `formatStreamError(protocol, error)`. Afterwards `await stream.summary()` gives the usage
 *    (always requested upstream, even when the client did not ask) for budgets and audit.
 * 5. Errors: anything thrown is a GatewayError (or becomes one with `toGatewayError`);
 *    `renderError(protocol, error)` gives status, headers (retry-after) and body in the client's
 *    error shape.
 */

export { AnthropicAdapter, DEFAULT_ANTHROPIC_VERSION } from "./anthropic/adapter.js";
export type * from "./anthropic/types.js";
export { AzureOpenAIAdapter, DEFAULT_AZURE_API_VERSION } from "./azure-openai/adapter.js";
export { ProducedChatStream } from "./chat-stream.js";
export { createProviderAdapter, createProviderAdapters } from "./create.js";
export {
  errorFromUpstreamStatus,
  GatewayError,
  type GatewayErrorCode,
  isGatewayError,
  type RenderedError,
  renderAnthropicError,
  renderError,
  renderOpenAIError,
  toGatewayError,
} from "./errors.js";
export {
  chatStreamWithFallback,
  chatWithFallback,
  type FallbackAttempt,
  type FallbackOptions,
  type FallbackTarget,
  isFallbackWorthy,
} from "./fallback.js";
export { sharedUpstreamClient, UpstreamClient, type UpstreamClientOptions } from "./http/upstream-client.js";
export { MistralAdapter, mistralToolCallId } from "./mistral/adapter.js";
export { type AdapterOptions, OpenAIProtocolAdapter } from "./openai/adapter.js";
export type * from "./openai/types.js";
export { OpenAICompatibleAdapter } from "./openai-compatible/adapter.js";
export { rewriteResultText, rewriteStreamText, type TextKind, type TextRewriter } from "./rewrite-text.js";
export { parseSse, type SseMessage, SseParser } from "./sse/parser.js";
export {
  formatSse,
  formatSseComment,
  formatStreamError,
  formatStreamEvent,
  SSE_HEADERS,
  streamTerminator,
} from "./sse/writer.js";
export { anthropicToOpenAIRequest, openAIToAnthropicRequest } from "./translate/request.js";
export { anthropicToOpenAICompletion, openAIToAnthropicMessage } from "./translate/response.js";
export { AnthropicToOpenAIStream } from "./translate/stream-anthropic-to-openai.js";
export { OpenAIToAnthropicStream } from "./translate/stream-openai-to-anthropic.js";
export type * from "./types.js";
