/**
 * Anthropic answers in the shape of the OpenAI Responses API: a complete message as a response
 * object, and a message stream as the Responses event sequence (response.created, output_item.added,
 * content_part.added, output_text.delta, ..., response.completed with usage). Text blocks become
 * message items, tool_use blocks function_call items; thinking blocks are signed for Anthropic and
 * have no Responses form, so they are left out. Placeholders are restored afterwards, on this shape,
 * by the same rewriting as for OpenAI upstreams.
 */
import type { AnthropicMessage, AnthropicResponseBlock, AnthropicStreamEvent } from "../anthropic/types.js";
import type {
  ResponsesObject,
  ResponsesOutputItem,
  ResponsesRequest,
  ResponsesStreamEvent,
  ResponsesUsage,
} from "../responses/types.js";
import type { Usage } from "../types.js";
import { mergeUsage, usageFromAnthropic } from "./usage.js";

/** Responses usage counts cached tokens inside input_tokens; Anthropic counts them apart. */
export function toResponsesUsage(usage: Usage): ResponsesUsage {
  const cached = usage.cacheReadTokens ?? 0;
  const input = usage.inputTokens + cached + (usage.cacheWriteTokens ?? 0);
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: cached },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + usage.outputTokens,
  };
}

/** The request settings a response object echoes (as OpenAI's does), without the conversation. */
function shell(id: string, model: string, request: ResponsesRequest, createdAt: number): ResponsesObject {
  return {
    id: id.startsWith("resp_") ? id : `resp_${id}`,
    object: "response",
    created_at: createdAt,
    status: "in_progress",
    error: null,
    incomplete_details: null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    model,
    output: [],
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    temperature: request.temperature ?? null,
    top_p: request.top_p ?? null,
    tool_choice: request.tool_choice ?? "auto",
    tools: request.tools ?? [],
    store: false,
    text: { format: { type: "text" } },
    usage: null,
  };
}

function finished(response: ResponsesObject, stopReason: string | null, usage: Usage | undefined): ResponsesObject {
  const incomplete = stopReason === "max_tokens";
  return {
    ...response,
    status: incomplete ? "incomplete" : "completed",
    incomplete_details: incomplete ? { reason: "max_output_tokens" } : null,
    usage: usage ? toResponsesUsage(usage) : null,
  };
}

function messageItem(id: string, text: string, status: string): ResponsesOutputItem {
  return {
    id,
    type: "message",
    status,
    role: "assistant",
    content: status === "in_progress" ? [] : [{ type: "output_text", annotations: [], logprobs: [], text }],
  };
}

function functionCallItem(block: { id: string; name: string }, args: string, status: string): ResponsesOutputItem {
  return { id: `fc_${block.id}`, type: "function_call", status, arguments: args, call_id: block.id, name: block.name };
}

function outputOf(message: AnthropicMessage): ResponsesOutputItem[] {
  const output: ResponsesOutputItem[] = [];
  for (const [index, block] of message.content.entries()) {
    if (block.type === "text") output.push(messageItem(`msg_${message.id}_${index}`, block.text, "completed"));
    else if (block.type === "tool_use") {
      output.push(functionCallItem(block, JSON.stringify(block.input ?? {}), "completed"));
    }
  }
  return output;
}

/** A complete Anthropic message as a Responses object, for the request it answers. */
export function anthropicToResponsesObject(
  message: AnthropicMessage,
  request: ResponsesRequest,
  createdAt = Math.floor(Date.now() / 1000),
): ResponsesObject {
  const response = { ...shell(message.id, message.model, request, createdAt), output: outputOf(message) };
  return finished(response, message.stop_reason, usageFromAnthropic(message.usage));
}

interface OpenBlock {
  outputIndex: number;
  block: Extract<AnthropicResponseBlock, { type: "text" } | { type: "tool_use" }>;
  itemId: string;
  /** The text or the tool-call arguments so far. */
  text: string;
}

/**
 * Turns Anthropic stream events into Responses stream events, one `push` per upstream event.
 * Usage is metered from message_start and the cumulative message_delta, but only reported once a
 * message_delta arrived: a stream cut short before that is charged by estimate, never for free.
 */
export class AnthropicToResponsesStream {
  private response: ResponsesObject;
  private readonly open = new Map<number, OpenBlock>();
  private readonly output: ResponsesOutputItem[] = [];
  private sequence = 0;
  private usage: Usage | undefined;
  private settled = false;
  private stopReason: string | null = null;
  private messageId = "anthropic";
  /** Set once the upstream sent an error event. */
  upstreamError = false;

  constructor(
    private readonly request: ResponsesRequest,
    private readonly model: string,
    private readonly createdAt = Math.floor(Date.now() / 1000),
  ) {
    this.response = shell("anthropic", model, request, createdAt);
  }

  /** Usage once the upstream reported its final counts. */
  get meteredUsage(): Usage | undefined {
    return this.settled ? this.usage : undefined;
  }

  private event(type: string, fields: Record<string, unknown>): ResponsesStreamEvent {
    return { type, sequence_number: this.sequence++, ...fields };
  }

  private snapshot(): ResponsesObject {
    return { ...this.response, output: [...this.output] };
  }

  push(event: AnthropicStreamEvent): ResponsesStreamEvent[] {
    switch (event.type) {
      case "message_start":
        this.messageId = event.message.id;
        this.response = shell(event.message.id, event.message.model || this.model, this.request, this.createdAt);
        this.usage = mergeUsage(this.usage, usageFromAnthropic(event.message.usage));
        return [
          this.event("response.created", { response: this.snapshot() }),
          this.event("response.in_progress", { response: this.snapshot() }),
        ];
      case "content_block_start":
        return this.start(event.index, event.content_block);
      case "content_block_delta": {
        const open = this.open.get(event.index);
        const delta = event.delta;
        if (!open) return [];
        const piece =
          delta.type === "text_delta" ? delta.text : delta.type === "input_json_delta" ? delta.partial_json : "";
        return piece === "" ? [] : [this.delta(open, piece)];
      }
      case "content_block_stop":
        return this.stop(event.index);
      case "message_delta":
        this.usage = mergeUsage(this.usage, usageFromAnthropic(event.usage));
        this.settled = true;
        if (event.delta.stop_reason) this.stopReason = event.delta.stop_reason;
        return [];
      case "message_stop": {
        const response = finished(this.snapshot(), this.stopReason, this.meteredUsage);
        const type = response.status === "incomplete" ? "response.incomplete" : "response.completed";
        return [this.event(type, { response })];
      }
      case "error":
        this.upstreamError = true;
        return [this.event("error", { code: event.error.type, message: event.error.message, param: null })];
      default:
        return [];
    }
  }

  private start(index: number, block: AnthropicResponseBlock): ResponsesStreamEvent[] {
    if (block.type !== "text" && block.type !== "tool_use") return [];
    const outputIndex = this.output.length;
    const itemId = block.type === "text" ? `msg_${this.messageId}_${index}` : `fc_${block.id}`;
    const open: OpenBlock = { outputIndex, block, itemId, text: "" };
    this.open.set(index, open);
    const item =
      block.type === "text" ? messageItem(itemId, "", "in_progress") : functionCallItem(block, "", "in_progress");
    this.output.push(item);
    const out = [this.event("response.output_item.added", { output_index: outputIndex, item })];
    if (block.type === "text") {
      out.push(
        this.event("response.content_part.added", {
          item_id: itemId,
          output_index: outputIndex,
          content_index: 0,
          part: { type: "output_text", annotations: [], logprobs: [], text: "" },
        }),
      );
      if (block.text !== "") out.push(this.delta(open, block.text));
    }
    return out;
  }

  private delta(open: OpenBlock, piece: string): ResponsesStreamEvent {
    open.text += piece;
    const fields = { item_id: open.itemId, output_index: open.outputIndex, delta: piece };
    return open.block.type === "text"
      ? this.event("response.output_text.delta", { ...fields, content_index: 0, logprobs: [] })
      : this.event("response.function_call_arguments.delta", fields);
  }

  private stop(index: number): ResponsesStreamEvent[] {
    const open = this.open.get(index);
    if (!open) return [];
    this.open.delete(index);
    const { block, itemId, outputIndex } = open;
    const at = { item_id: itemId, output_index: outputIndex };
    if (block.type === "text") {
      const item = messageItem(itemId, open.text, "completed");
      this.output[outputIndex] = item;
      return [
        this.event("response.output_text.done", { ...at, content_index: 0, text: open.text, logprobs: [] }),
        this.event("response.content_part.done", { ...at, content_index: 0, part: item.content?.[0] }),
        this.event("response.output_item.done", { output_index: outputIndex, item }),
      ];
    }
    // A tool without parameters streams no JSON at all; clients parse `arguments`, so it is "{}".
    const out = open.text === "" ? [this.delta(open, "{}")] : [];
    const item = functionCallItem(block, open.text, "completed");
    this.output[outputIndex] = item;
    out.push(
      this.event("response.function_call_arguments.done", { ...at, name: block.name, arguments: open.text }),
      this.event("response.output_item.done", { output_index: outputIndex, item }),
    );
    return out;
  }
}
