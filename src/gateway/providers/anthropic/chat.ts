import { ProducedChatStream, type SummaryDraft } from "../chat-stream.js";
import { GatewayError } from "../errors.js";
import type { UpstreamResponse } from "../http/upstream-client.js";
import { parseSse } from "../sse/parser.js";
import { anthropicToOpenAICompletion } from "../translate/response.js";
import { anthropicStopToOpenAI } from "../translate/stop-reasons.js";
import { AnthropicToOpenAIStream } from "../translate/stream-anthropic-to-openai.js";
import { mergeUsage, usageFromAnthropic } from "../translate/usage.js";
import type { ChatResult, ChatStream, ChatStreamEvent, Protocol } from "../types.js";
import type { AnthropicMessage, AnthropicStreamEvent } from "./types.js";

function malformed(provider: string, what: string, cause?: unknown): GatewayError {
  return new GatewayError(502, "upstream_malformed_response", `Upstream ${provider} sent ${what}`, {
    provider,
    retryable: true,
    cause,
  });
}

export function anthropicMessageResult(
  raw: unknown,
  clientProtocol: Protocol,
  provider: string,
  model: string,
): ChatResult {
  if (!raw || typeof raw !== "object" || !Array.isArray((raw as { content?: unknown }).content)) {
    throw malformed(provider, "a message without content");
  }
  const message = raw as AnthropicMessage;
  const usage = usageFromAnthropic(message.usage);
  if (clientProtocol === "anthropic") return { protocol: "anthropic", body: message, usage, provider, model };
  return { protocol: "openai", body: anthropicToOpenAICompletion(message), usage, provider, model };
}

export interface AnthropicStreamOptions {
  clientProtocol: Protocol;
  clientWantsUsage: boolean;
  provider: string;
  model: string;
}

/**
 * Read an Anthropic SSE body. For an Anthropic client every event is passed on in the order it
 * arrived, unknown and `ping` events included, thinking blocks and `signature_delta` untouched.
 * Usage is metered from message_start and the cumulative message_delta.
 */
export function anthropicChatStream(response: UpstreamResponse, options: AnthropicStreamOptions): ChatStream {
  const { clientProtocol, clientWantsUsage, provider, model } = options;
  return new ProducedChatStream(clientProtocol, provider, model, async function* (summary: SummaryDraft) {
    const toOpenAI = clientProtocol === "openai" ? new AnthropicToOpenAIStream(model, clientWantsUsage) : undefined;
    const emit = (data: ChatStreamEvent["data"]): ChatStreamEvent =>
      ({ protocol: clientProtocol, data }) as ChatStreamEvent;
    for await (const message of parseSse(response.body())) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch (error) {
        throw malformed(provider, "a malformed stream event", error);
      }
      if (!parsed || typeof parsed !== "object" || typeof (parsed as { type?: unknown }).type !== "string") {
        throw malformed(provider, "a stream event without a type");
      }
      const event = parsed as AnthropicStreamEvent;
      if (event.type === "message_start")
        summary.usage = mergeUsage(summary.usage, usageFromAnthropic(event.message?.usage));
      else if (event.type === "message_delta") {
        summary.usage = mergeUsage(summary.usage, usageFromAnthropic(event.usage));
        if (event.delta?.stop_reason) summary.stopReason = event.delta.stop_reason;
      } else if (event.type === "error") {
        summary.upstreamError = { type: event.error?.type ?? "api_error", message: event.error?.message ?? "" };
      }
      if (toOpenAI) {
        if (event.type === "message_delta" && event.delta?.stop_reason) {
          summary.stopReason = anthropicStopToOpenAI(event.delta.stop_reason);
        }
        for (const out of toOpenAI.push(event)) yield emit(out);
      } else {
        yield emit(event);
      }
      // After an error nothing more is valid; after message_stop the body is read to its end so
      // the keep-alive connection can be reused.
      if (event.type === "error") return;
    }
  });
}
