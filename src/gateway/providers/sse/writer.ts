import { type GatewayError, renderAnthropicError, renderOpenAIError } from "../errors.js";
import type { ChatStreamEvent, Protocol } from "../types.js";
import type { SseMessage } from "./parser.js";

/** Serialise one SSE message; multi-line data becomes several `data:` lines. */
export function formatSse(message: SseMessage): string {
  let out = "";
  if (message.event !== undefined) out += `event: ${message.event}\n`;
  if (message.id !== undefined) out += `id: ${message.id}\n`;
  if (message.retry !== undefined) out += `retry: ${message.retry}\n`;
  for (const line of message.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** An SSE comment: keeps idle connections open through proxies without being an event. */
export function formatSseComment(text = ""): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/**
 * One stream event in its protocol's framing: OpenAI sends bare `data:` lines, Anthropic names
 * every event (`event: content_block_delta`) and repeats the name as `type` in the data.
 */
export function formatStreamEvent(event: ChatStreamEvent): string {
  const data = JSON.stringify(event.data);
  if (event.protocol === "openai") return `data: ${data}\n\n`;
  return `event: ${event.data.type}\ndata: ${data}\n\n`;
}

/** What closes a stream after the last event: OpenAI's `data: [DONE]`; Anthropic has nothing (message_stop is an event). */
export function streamTerminator(protocol: Protocol): string {
  return protocol === "openai" ? "data: [DONE]\n\n" : "";
}

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  connection: "keep-alive",
  "x-accel-buffering": "no",
};

/**
 * An error after the stream has begun (the status line is already sent): OpenAI clients get a
 * `data: {"error":...}` event, Anthropic clients an `event: error`.
 */
export function formatStreamError(protocol: Protocol, error: GatewayError): string {
  if (protocol === "openai") return `data: ${JSON.stringify(renderOpenAIError(error).body)}\n\n`;
  return `event: error\ndata: ${JSON.stringify(renderAnthropicError(error).body)}\n\n`;
}
