import { AnthropicAdapter } from "../anthropic/adapter.js";
import type { AnthropicMessage, AnthropicStreamEvent } from "../anthropic/types.js";
import { GatewayError } from "../errors.js";
import { assertEventStream, type UpstreamClient } from "../http/upstream-client.js";
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, trimSlash } from "../openai/adapter.js";
import { parseSse } from "../sse/parser.js";
import { responsesToAnthropicRequest } from "../translate/responses-request.js";
import { AnthropicToResponsesStream, anthropicToResponsesObject } from "../translate/responses-response.js";
import { usageFromAnthropic } from "../translate/usage.js";
import type { CallContext, ProviderConfig, Usage } from "../types.js";
import type { ResponsesObject, ResponsesRequest, ResponsesStreamEvent, ResponsesUsage } from "./types.js";

/** Provider types whose servers offer `POST /responses`. Mistral and Anthropic do not. */
const SUPPORTED = new Set(["openai", "azure-openai", "openai-compatible"]);

export function usageFromResponses(usage: ResponsesUsage | null | undefined): Usage | undefined {
  if (!usage || typeof usage.input_tokens !== "number" || typeof usage.output_tokens !== "number") return undefined;
  const cached = usage.input_tokens_details?.cached_tokens ?? 0;
  // OpenAI counts cached tokens inside input_tokens; the price book charges them as input.
  return { inputTokens: usage.input_tokens - cached, outputTokens: usage.output_tokens, cacheReadTokens: cached };
}

function malformed(provider: string, what: string, cause?: unknown): GatewayError {
  return new GatewayError(502, "upstream_malformed_response", `Upstream ${provider} sent ${what}`, {
    provider,
    retryable: true,
    cause,
  });
}

/** A streamed response: its events as the upstream sent them, and the usage once it ended. */
export interface ResponsesUpstreamStream extends AsyncIterable<ResponsesStreamEvent> {
  readonly provider: string;
  readonly model: string;
  /** After iteration: usage from the final response event, and whether the upstream reported an error. */
  summary(): { usage?: Usage | undefined; upstreamError: boolean };
}

/**
 * The Responses API of OpenAI, Azure OpenAI (the v1 API: `/openai/v1/responses`, the model is
 * the deployment name) and OpenAI-compatible servers, over the gateway's shared upstream pools.
 * Every call goes out with `store: false`: the provider keeps no copy of the conversation.
 * Anthropic models are reached through their Messages API: request, answer and stream are
 * translated (`translate/responses-*.ts`), so the client sees the Responses API either way.
 */
export class ResponsesUpstream {
  private readonly providers: Map<string, ProviderConfig>;
  private readonly anthropic = new Map<string, AnthropicAdapter>();

  constructor(
    providers: readonly ProviderConfig[],
    private readonly http: UpstreamClient,
  ) {
    this.providers = new Map(providers.map((p) => [p.id, p]));
    for (const config of providers) {
      if (config.type === "anthropic") this.anthropic.set(config.id, new AnthropicAdapter(config, { http }));
    }
  }

  supports(providerId: string): boolean {
    const config = this.providers.get(providerId);
    return config !== undefined && (SUPPORTED.has(config.type) || this.anthropic.has(providerId));
  }

  private target(providerId: string, model: string): { config: ProviderConfig; url: string; model: string } {
    const config = this.providers.get(providerId);
    if (!config || !SUPPORTED.has(config.type)) {
      throw new GatewayError(400, "invalid_request", `Provider ${providerId} does not offer the Responses API`, {
        retryable: false,
      });
    }
    if (config.type === "azure-openai") {
      const base = trimSlash(config.baseUrl ?? "").replace(/\/openai$/, "");
      return { config, url: `${base}/openai/v1/responses`, model: config.deployments?.[model] ?? model };
    }
    return { config, url: `${trimSlash(config.baseUrl ?? "https://api.openai.com/v1")}/responses`, model };
  }

  private send(providerId: string, body: ResponsesRequest, model: string, ctx: CallContext | undefined) {
    const target = this.target(providerId, model);
    const { config } = target;
    const auth: Record<string, string> = config.apiKey
      ? config.type === "azure-openai"
        ? { "api-key": config.apiKey }
        : { authorization: `Bearer ${config.apiKey}` }
      : {};
    return {
      model: target.model,
      response: this.http.send({
        provider: providerId,
        url: target.url,
        method: "POST",
        headers: { ...config.headers, ...auth },
        body: { ...body, model: target.model, store: false },
        timeoutMs: ctx?.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
        signal: ctx?.signal,
      }),
    };
  }

  async create(
    providerId: string,
    model: string,
    body: ResponsesRequest,
    ctx?: CallContext,
  ): Promise<{ body: ResponsesObject; usage: Usage | undefined }> {
    const anthropic = this.anthropic.get(providerId);
    if (anthropic) {
      const upstream = responsesToAnthropicRequest({ ...body, stream: false }, model);
      const result = await anthropic.chat({ protocol: "anthropic", body: upstream, model }, ctx);
      const message = result.body as AnthropicMessage;
      return { body: anthropicToResponsesObject(message, body), usage: usageFromAnthropic(message.usage) };
    }
    const sent = this.send(providerId, { ...body, stream: false }, model, ctx);
    const raw = (await (await sent.response).json()) as ResponsesObject;
    if (!raw || typeof raw !== "object" || !Array.isArray(raw.output)) {
      throw malformed(providerId, "a response without output");
    }
    return { body: raw, usage: usageFromResponses(raw.usage) };
  }

  /** Resolves once the upstream answered 200 with an event stream. */
  async stream(
    providerId: string,
    model: string,
    body: ResponsesRequest,
    ctx?: CallContext,
  ): Promise<ResponsesUpstreamStream> {
    const anthropic = this.anthropic.get(providerId);
    if (anthropic) return anthropicResponsesStream(anthropic, providerId, model, body, ctx);
    const sent = this.send(providerId, { ...body, stream: true }, model, ctx);
    const response = await sent.response;
    await assertEventStream(response, providerId);
    let usage: Usage | undefined;
    let upstreamError = false;
    let iterated = false;
    return {
      provider: providerId,
      model: sent.model,
      summary: () => ({ usage, upstreamError }),
      async *[Symbol.asyncIterator]() {
        if (iterated) throw new Error("A response stream can be iterated only once");
        iterated = true;
        for await (const message of parseSse(response.body())) {
          if (message.data === "" || message.data === "[DONE]") continue;
          let event: ResponsesStreamEvent;
          try {
            event = JSON.parse(message.data) as ResponsesStreamEvent;
          } catch (error) {
            throw malformed(providerId, "a stream event that is not JSON", error);
          }
          if (!event || typeof event.type !== "string") throw malformed(providerId, "a stream event without a type");
          if (event.type === "error" || event.type === "response.failed") upstreamError = true;
          const final = (event as { response?: ResponsesObject }).response;
          if (
            (event.type === "response.completed" ||
              event.type === "response.incomplete" ||
              event.type === "response.failed") &&
            final
          ) {
            usage = usageFromResponses(final.usage) ?? usage;
          }
          yield event;
        }
      },
    };
  }
}

/** An Anthropic message stream as a Responses stream; resolves once Anthropic answered 200. */
async function anthropicResponsesStream(
  adapter: AnthropicAdapter,
  providerId: string,
  model: string,
  body: ResponsesRequest,
  ctx: CallContext | undefined,
): Promise<ResponsesUpstreamStream> {
  const upstream = responsesToAnthropicRequest({ ...body, stream: true }, model);
  const stream = await adapter.chatStream({ protocol: "anthropic", body: upstream, model }, ctx);
  const translator = new AnthropicToResponsesStream(body, model);
  let iterated = false;
  return {
    provider: providerId,
    model,
    summary: () => ({ usage: translator.meteredUsage, upstreamError: translator.upstreamError }),
    async *[Symbol.asyncIterator]() {
      if (iterated) throw new Error("A response stream can be iterated only once");
      iterated = true;
      for await (const event of stream) yield* translator.push(event.data as AnthropicStreamEvent);
    },
  };
}
