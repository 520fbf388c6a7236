import { GatewayError } from "../errors.js";
import { assertEventStream, sharedUpstreamClient, type UpstreamClient } from "../http/upstream-client.js";
import { anthropicToOpenAIRequest } from "../translate/request.js";
import type {
  CallContext,
  ChatRequest,
  ChatResult,
  ChatStream,
  ProviderAdapter,
  ProviderConfig,
  ProviderType,
} from "../types.js";
import { openAIChatStream, openAICompletionResult } from "./chat.js";
import type { OpenAIChatRequest, OpenAIEmbeddingsRequest, OpenAIEmbeddingsResponse, OpenAIModelList } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_RETRIES = 2;

export type OpenAIEndpoint = "chat" | "embeddings" | "models";

export interface AdapterOptions {
  http?: UpstreamClient;
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * An upstream that speaks the OpenAI chat-completions protocol. OpenAI itself uses it as is;
 * Azure, Mistral and the OpenAI-compatible servers override the URL, the auth header and
 * the body tweaks their APIs need.
 */
export class OpenAIProtocolAdapter implements ProviderAdapter {
  readonly protocol = "openai" as const;
  readonly id: string;
  readonly type: ProviderType;
  protected readonly http: UpstreamClient;

  constructor(
    protected readonly config: ProviderConfig,
    options: AdapterOptions = {},
  ) {
    this.id = config.id;
    this.type = config.type;
    this.http = options.http ?? sharedUpstreamClient();
  }

  protected baseUrl(): string {
    return trimSlash(this.config.baseUrl ?? "https://api.openai.com/v1");
  }

  protected url(endpoint: OpenAIEndpoint, _model: string): string {
    const path = endpoint === "chat" ? "/chat/completions" : endpoint === "embeddings" ? "/embeddings" : "/models";
    return this.baseUrl() + path;
  }

  protected authHeaders(): Record<string, string> {
    return this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {};
  }

  /** Provider-specific changes to an outgoing chat body. */
  protected adjustBody(body: OpenAIChatRequest): OpenAIChatRequest {
    return body;
  }

  /** Whether the upstream accepts `stream_options` (all that do are asked for usage). */
  protected readonly supportsStreamOptions: boolean = true;

  private headers(): Record<string, string> {
    return { ...this.config.headers, ...this.authHeaders() };
  }

  private timeout(ctx: CallContext | undefined): number {
    return ctx?.timeoutMs ?? this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private upstreamBody(request: ChatRequest, stream: boolean): { body: OpenAIChatRequest; model: string } {
    const model = request.model ?? request.body.model;
    const base: OpenAIChatRequest =
      request.protocol === "openai" ? { ...request.body, model } : anthropicToOpenAIRequest(request.body, model);
    const body: OpenAIChatRequest = { ...base, stream };
    if (stream) {
      if (this.supportsStreamOptions) body.stream_options = { ...(base.stream_options ?? {}), include_usage: true };
      else delete body.stream_options;
    } else {
      delete body.stream_options;
    }
    return { body: this.adjustBody(body), model };
  }

  private post(endpoint: OpenAIEndpoint, model: string, body: unknown, ctx: CallContext | undefined) {
    return this.http.send({
      provider: this.id,
      url: this.url(endpoint, model),
      method: "POST",
      headers: this.headers(),
      body,
      timeoutMs: this.timeout(ctx),
      maxRetries: this.config.maxRetries ?? DEFAULT_MAX_RETRIES,
      signal: ctx?.signal,
    });
  }

  async chat(request: ChatRequest, ctx?: CallContext): Promise<ChatResult> {
    const { body, model } = this.upstreamBody(request, false);
    const response = await this.post("chat", model, body, ctx);
    return openAICompletionResult(await response.json(), request.protocol, this.id, model);
  }

  async chatStream(request: ChatRequest, ctx?: CallContext): Promise<ChatStream> {
    const { body, model } = this.upstreamBody(request, true);
    const response = await this.post("chat", model, body, ctx);
    await assertEventStream(response, this.id);
    const clientWantsUsage = request.protocol === "openai" && request.body.stream_options?.include_usage === true;
    return openAIChatStream(response, { clientProtocol: request.protocol, clientWantsUsage, provider: this.id, model });
  }

  async embeddings(request: OpenAIEmbeddingsRequest, ctx?: CallContext): Promise<OpenAIEmbeddingsResponse> {
    const response = await this.post("embeddings", request.model, request, ctx);
    const raw = (await response.json()) as OpenAIEmbeddingsResponse;
    if (!raw || !Array.isArray(raw.data)) {
      throw new GatewayError(
        502,
        "upstream_malformed_response",
        `Upstream ${this.id} sent an embeddings response without data`,
        {
          provider: this.id,
        },
      );
    }
    return raw;
  }

  async listModels(ctx?: CallContext): Promise<string[]> {
    const response = await this.http.send({
      provider: this.id,
      url: this.url("models", ""),
      method: "GET",
      headers: this.headers(),
      timeoutMs: this.timeout(ctx),
      maxRetries: this.config.maxRetries ?? DEFAULT_MAX_RETRIES,
      signal: ctx?.signal,
    });
    const raw = (await response.json()) as OpenAIModelList;
    if (!raw || !Array.isArray(raw.data)) {
      throw new GatewayError(502, "upstream_malformed_response", `Upstream ${this.id} sent a model list without data`, {
        provider: this.id,
      });
    }
    return raw.data.map((model) => model.id);
  }
}
