import type {
  AnthropicErrorBody,
  AnthropicMessage,
  AnthropicMessagesRequest,
  AnthropicStreamEvent,
} from "./anthropic/types.js";
import type {
  OpenAIChatCompletion,
  OpenAIChatCompletionChunk,
  OpenAIChatRequest,
  OpenAIEmbeddingsRequest,
  OpenAIEmbeddingsResponse,
  OpenAIErrorBody,
} from "./openai/types.js";

/** The two wire protocols a client may speak and a provider may serve. */
export type Protocol = "openai" | "anthropic";

export type ProviderType = "openai" | "azure-openai" | "anthropic" | "mistral" | "openai-compatible";

/** What an adapter needs of a configured provider (a structural subset of the config's provider entry). */
export interface ProviderConfig {
  id: string;
  type: ProviderType;
  baseUrl?: string;
  apiKey?: string;
  /** Azure: `api-version`; Anthropic: `anthropic-version`. */
  apiVersion?: string;
  /** Azure: model name -> deployment name. A model without an entry is used as the deployment name. */
  deployments?: Record<string, string>;
  models?: string[];
  timeoutMs?: number;
  maxRetries?: number;
  /** Extra headers sent with every upstream request (e.g. `anthropic-beta`). */
  headers?: Record<string, string>;
}

/**
 * A parsed client request in the client's own protocol. `model` overrides the body's model for
 * the upstream call (routing and fallback pick the upstream model; the body keeps what the
 * client asked for).
 */
export type ChatRequest =
  | { protocol: "openai"; body: OpenAIChatRequest; model?: string }
  | { protocol: "anthropic"; body: AnthropicMessagesRequest; model?: string };

export interface CallContext {
  /** Aborted when the client goes away: the upstream connection is closed. */
  signal?: AbortSignal;
  /** Overrides the provider's timeout: limit for the response headers and for each silence in the body. */
  timeoutMs?: number;
}

/** Tokens as metered; undefined when the upstream did not report usage. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

/** A complete answer, already in the client's protocol. */
export type ChatResult =
  | { protocol: "openai"; body: OpenAIChatCompletion; usage?: Usage; provider: string; model: string }
  | { protocol: "anthropic"; body: AnthropicMessage; usage?: Usage; provider: string; model: string };

/**
 * One event of a streamed answer, in the client's protocol. OpenAI: a chunk, or an error object
 * that arrived after HTTP 200 (written as `data: {"error":...}`); the closing `data: [DONE]` is
 * not an event (see `streamTerminator`). Anthropic: one SSE event; its `type` is the SSE event name.
 */
export type ChatStreamEvent =
  | { protocol: "openai"; data: OpenAIChatCompletionChunk | OpenAIErrorBody }
  | { protocol: "anthropic"; data: AnthropicStreamEvent | AnthropicErrorBody };

/** What is known when a stream has ended (or failed). */
export interface StreamSummary {
  usage?: Usage;
  /** Upstream stop/finish reason in the client's protocol, if one arrived. */
  stopReason?: string;
  /** Set when the upstream reported an error inside the stream. */
  upstreamError?: { type: string; message: string };
  provider: string;
  model: string;
}

/**
 * A streamed answer. Iterate it once; the iterator throws a GatewayError when the upstream
 * connection fails mid-stream. `summary()` resolves once iteration has finished (also after an
 * error or an early `break`), with the usage metered from the upstream events.
 */
export interface ChatStream extends AsyncIterable<ChatStreamEvent> {
  readonly protocol: Protocol;
  readonly provider: string;
  readonly model: string;
  summary(): Promise<StreamSummary>;
}

export interface ProviderAdapter {
  readonly id: string;
  readonly type: ProviderType;
  /** The protocol the upstream speaks; requests of the other protocol are translated. */
  readonly protocol: Protocol;
  chat(request: ChatRequest, ctx?: CallContext): Promise<ChatResult>;
  /** Resolves once the upstream answered with HTTP 200 (errors before that reject, so fallback can act). */
  chatStream(request: ChatRequest, ctx?: CallContext): Promise<ChatStream>;
  embeddings?(request: OpenAIEmbeddingsRequest, ctx?: CallContext): Promise<OpenAIEmbeddingsResponse>;
  listModels?(ctx?: CallContext): Promise<string[]>;
}
