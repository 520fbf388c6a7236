import { GatewayError } from "../errors.js";
import { assertEventStream, sharedUpstreamClient, type UpstreamClient } from "../http/upstream-client.js";
import { type AdapterOptions, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, trimSlash } from "../openai/adapter.js";
import { openAIToAnthropicRequest } from "../translate/request.js";
import type { CallContext, ChatRequest, ChatResult, ChatStream, ProviderAdapter, ProviderConfig } from "../types.js";
import { anthropicChatStream, anthropicMessageResult } from "./chat.js";
import type { AnthropicMessagesRequest, AnthropicModelList } from "./types.js";

export const DEFAULT_ANTHROPIC_VERSION = "2023-06-01";

/** Anthropic's Messages API: `/v1/messages` with `x-api-key` and `anthropic-version`. */
export class AnthropicAdapter implements ProviderAdapter {
  readonly protocol = "anthropic" as const;
  readonly type = "anthropic" as const;
  readonly id: string;
  private readonly http: UpstreamClient;

  constructor(
    private readonly config: ProviderConfig,
    options: AdapterOptions = {},
  ) {
    this.id = config.id;
    this.http = options.http ?? sharedUpstreamClient();
  }

  /** Accepts `https://api.anthropic.com` as well as `.../v1`. */
  private url(path: "messages" | "models"): string {
    const base = trimSlash(this.config.baseUrl ?? "https://api.anthropic.com");
    return base.endsWith("/v1") ? `${base}/${path}` : `${base}/v1/${path}`;
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = {
      ...this.config.headers,
      "anthropic-version": this.config.apiVersion ?? DEFAULT_ANTHROPIC_VERSION,
    };
    if (this.config.apiKey) headers["x-api-key"] = this.config.apiKey;
    return headers;
  }

  private upstreamBody(request: ChatRequest, stream: boolean): { body: AnthropicMessagesRequest; model: string } {
    const model = request.model ?? request.body.model;
    const base =
      request.protocol === "anthropic" ? { ...request.body, model } : openAIToAnthropicRequest(request.body, model);
    const body: AnthropicMessagesRequest = { ...base };
    if (stream) body.stream = true;
    else delete body.stream;
    return { body, model };
  }

  private send(body: AnthropicMessagesRequest, ctx: CallContext | undefined) {
    return this.http.send({
      provider: this.id,
      url: this.url("messages"),
      method: "POST",
      headers: this.headers(),
      body,
      timeoutMs: ctx?.timeoutMs ?? this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: this.config.maxRetries ?? DEFAULT_MAX_RETRIES,
      signal: ctx?.signal,
    });
  }

  async chat(request: ChatRequest, ctx?: CallContext): Promise<ChatResult> {
    const { body, model } = this.upstreamBody(request, false);
    const response = await this.send(body, ctx);
    return anthropicMessageResult(await response.json(), request.protocol, this.id, model);
  }

  async chatStream(request: ChatRequest, ctx?: CallContext): Promise<ChatStream> {
    const { body, model } = this.upstreamBody(request, true);
    const response = await this.send(body, ctx);
    await assertEventStream(response, this.id);
    const clientWantsUsage = request.protocol === "openai" && request.body.stream_options?.include_usage === true;
    return anthropicChatStream(response, {
      clientProtocol: request.protocol,
      clientWantsUsage,
      provider: this.id,
      model,
    });
  }

  async listModels(ctx?: CallContext): Promise<string[]> {
    const response = await this.http.send({
      provider: this.id,
      url: this.url("models"),
      method: "GET",
      headers: this.headers(),
      timeoutMs: ctx?.timeoutMs ?? this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRetries: this.config.maxRetries ?? DEFAULT_MAX_RETRIES,
      signal: ctx?.signal,
    });
    const raw = (await response.json()) as AnthropicModelList;
    if (!raw || !Array.isArray(raw.data)) {
      throw new GatewayError(502, "upstream_malformed_response", `Upstream ${this.id} sent a model list without data`, {
        provider: this.id,
      });
    }
    return raw.data.map((model) => model.id);
  }
}
