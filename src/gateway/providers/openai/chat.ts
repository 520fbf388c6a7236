import { ProducedChatStream, type SummaryDraft } from "../chat-stream.js";
import { GatewayError } from "../errors.js";
import type { UpstreamResponse } from "../http/upstream-client.js";
import { parseSse } from "../sse/parser.js";
import { openAIToAnthropicMessage } from "../translate/response.js";
import { OpenAIToAnthropicStream } from "../translate/stream-openai-to-anthropic.js";
import { usageFromOpenAI } from "../translate/usage.js";
import type { ChatResult, ChatStream, ChatStreamEvent, Protocol } from "../types.js";
import type { OpenAIChatCompletion, OpenAIChatCompletionChunk, OpenAIErrorBody } from "./types.js";

function malformed(provider: string, what: string, cause?: unknown): GatewayError {
  return new GatewayError(502, "upstream_malformed_response", `Upstream ${provider} sent ${what}`, {
    provider,
    retryable: true,
    cause,
  });
}

/** Validate an upstream chat completion and put it in the client's protocol. */
export function openAICompletionResult(
  raw: unknown,
  clientProtocol: Protocol,
  provider: string,
  model: string,
): ChatResult {
  if (!raw || typeof raw !== "object" || !Array.isArray((raw as { choices?: unknown }).choices)) {
    throw malformed(provider, "a response without choices");
  }
  const completion = raw as OpenAIChatCompletion;
  const usage = usageFromOpenAI(completion.usage);
  if (clientProtocol === "openai") return { protocol: "openai", body: completion, usage, provider, model };
  return { protocol: "anthropic", body: openAIToAnthropicMessage(completion), usage, provider, model };
}

function isErrorBody(value: unknown): value is OpenAIErrorBody {
  if (!value || typeof value !== "object" || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return !!error && typeof error === "object" && !("choices" in value);
}

/** Normalise the error object of an error-after-200 (some servers send a bare string or omit fields). */
function errorBody(value: OpenAIErrorBody): OpenAIErrorBody {
  const error = value.error as Partial<OpenAIErrorBody["error"]>;
  return {
    error: {
      message: typeof error.message === "string" ? error.message : "Upstream stream error",
      type: typeof error.type === "string" ? error.type : "api_error",
      param: typeof error.param === "string" ? error.param : null,
      code: typeof error.code === "string" ? error.code : error.code == null ? null : String(error.code),
    },
  };
}

/** A chunk as the client should see it when it did not ask for usage: usage removed, usage-only chunks dropped. */
function withoutUsage(chunk: OpenAIChatCompletionChunk): OpenAIChatCompletionChunk | undefined {
  if (chunk.choices.length === 0) return undefined;
  if (!("usage" in chunk)) return chunk;
  const { usage: _usage, ...rest } = chunk;
  return rest as OpenAIChatCompletionChunk;
}

export interface OpenAIStreamOptions {
  clientProtocol: Protocol;
  /** Whether the client itself asked for `stream_options.include_usage`. */
  clientWantsUsage: boolean;
  provider: string;
  model: string;
}

/**
 * Read an OpenAI-style SSE body into client events. Usage is always metered from the upstream;
 * chunks with empty `choices` are tolerated (Azure's prompt-filter chunks are dropped, the usage
 * chunk is passed on only when the client asked); an `error` object after HTTP 200 becomes an
 * error event in the client's protocol and ends the stream.
 */
export function openAIChatStream(response: UpstreamResponse, options: OpenAIStreamOptions): ChatStream {
  const { clientProtocol, clientWantsUsage, provider, model } = options;
  return new ProducedChatStream(clientProtocol, provider, model, async function* (summary: SummaryDraft) {
    const toAnthropic = clientProtocol === "anthropic" ? new OpenAIToAnthropicStream(model) : undefined;
    let lastId: string | undefined;
    const emit = (data: ChatStreamEvent["data"]): ChatStreamEvent =>
      ({ protocol: clientProtocol, data }) as ChatStreamEvent;
    let done = false;
    for await (const message of parseSse(response.body())) {
      // Read on to the end of the body after [DONE] so the keep-alive connection can be reused.
      if (done) continue;
      if (message.data === "[DONE]") {
        done = true;
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch (error) {
        throw malformed(provider, "a malformed stream event", error);
      }
      if (isErrorBody(parsed)) {
        const body = errorBody(parsed);
        summary.upstreamError = { type: body.error.type, message: body.error.message };
        if (toAnthropic) for (const event of toAnthropic.error(body)) yield emit(event);
        else yield emit(body);
        return;
      }
      if (!parsed || typeof parsed !== "object") throw malformed(provider, "a stream event that is not an object");
      const chunk = parsed as OpenAIChatCompletionChunk;
      if (!Array.isArray(chunk.choices)) chunk.choices = [];
      if (typeof chunk.id === "string") lastId = chunk.id;
      const usage = usageFromOpenAI(chunk.usage);
      if (usage) summary.usage = usage;
      if (!toAnthropic) {
        for (const choice of chunk.choices) if (choice?.finish_reason) summary.stopReason = choice.finish_reason;
      }
      if (toAnthropic) {
        for (const event of toAnthropic.push(chunk)) yield emit(event);
        continue;
      }
      const out = clientWantsUsage
        ? chunk.choices.length > 0 || chunk.usage
          ? chunk
          : undefined
        : withoutUsage(chunk);
      if (out) yield emit(out);
    }
    if (toAnthropic) {
      for (const event of toAnthropic.end(lastId)) yield emit(event);
      summary.stopReason = toAnthropic.stopReasonSoFar ?? "end_turn";
    }
  });
}
