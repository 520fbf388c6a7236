import type { AnthropicErrorBody, AnthropicStreamEvent } from "../anthropic/types.js";
import type { OpenAIChatCompletionChunk, OpenAIErrorBody } from "../openai/types.js";
import type { Usage } from "../types.js";
import { openAIFinishToAnthropic } from "./stop-reasons.js";
import { mergeUsage, toAnthropicUsage, usageFromOpenAI } from "./usage.js";

type OpenBlock = { kind: "text"; index: number } | { kind: "tool"; index: number; toolIndex: number };

/**
 * Turns OpenAI chunks into the Anthropic event sequence: message_start, then per content block
 * start/delta/stop, then message_delta (stop reason and usage) and message_stop. OpenAI reports
 * usage only after the finish reason, so message_delta waits for `end()`.
 */
export class OpenAIToAnthropicStream {
  private started = false;
  private finished = false;
  private open: OpenBlock | undefined;
  private nextIndex = 0;
  private stopReason: ReturnType<typeof openAIFinishToAnthropic> | undefined;
  private usage: Usage | undefined;

  constructor(private readonly model: string) {}

  get meteredUsage(): Usage | undefined {
    return this.usage;
  }

  private start(id: string, model: string): AnthropicStreamEvent[] {
    if (this.started) return [];
    this.started = true;
    return [
      {
        type: "message_start",
        message: {
          id,
          type: "message",
          role: "assistant",
          content: [],
          model: model || this.model,
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 0, output_tokens: 0 },
        },
      },
    ];
  }

  private close(): AnthropicStreamEvent[] {
    if (!this.open) return [];
    const index = this.open.index;
    this.open = undefined;
    return [{ type: "content_block_stop", index }];
  }

  push(chunk: OpenAIChatCompletionChunk): AnthropicStreamEvent[] {
    const events = this.start(chunk.id, chunk.model);
    if (chunk.usage) this.usage = mergeUsage(this.usage, usageFromOpenAI(chunk.usage));
    // Only the first choice has an Anthropic form (Anthropic has no `n`).
    const choice = chunk.choices?.find((candidate) => candidate.index === 0);
    if (!choice) return events;
    const delta = choice.delta ?? {};
    if (typeof delta.content === "string" && delta.content !== "") {
      if (this.open?.kind !== "text") {
        events.push(...this.close());
        this.open = { kind: "text", index: this.nextIndex++ };
        events.push({ type: "content_block_start", index: this.open.index, content_block: { type: "text", text: "" } });
      }
      events.push({
        type: "content_block_delta",
        index: this.open.index,
        delta: { type: "text_delta", text: delta.content },
      });
    }
    for (const call of delta.tool_calls ?? []) {
      const sameCall = this.open?.kind === "tool" && this.open.toolIndex === call.index;
      if (!sameCall) {
        events.push(...this.close());
        const index = this.nextIndex++;
        this.open = { kind: "tool", index, toolIndex: call.index };
        events.push({
          type: "content_block_start",
          index,
          content_block: {
            type: "tool_use",
            id: call.id ?? `toolu_${index}`,
            name: call.function?.name ?? "",
            input: {},
          },
        });
      }
      const args = call.function?.arguments;
      if (args && this.open) {
        events.push({
          type: "content_block_delta",
          index: this.open.index,
          delta: { type: "input_json_delta", partial_json: args },
        });
      }
    }
    if (choice.finish_reason) {
      events.push(...this.close());
      this.stopReason = openAIFinishToAnthropic(choice.finish_reason);
    }
    return events;
  }

  /** An error that arrived inside the upstream stream. */
  error(body: OpenAIErrorBody): Array<AnthropicStreamEvent | AnthropicErrorBody> {
    this.finished = true;
    return [{ type: "error", error: { type: body.error.type || "api_error", message: body.error.message } }];
  }

  /** The upstream stream ended normally: close the message. */
  end(fallbackId = "msg_openai"): AnthropicStreamEvent[] {
    if (this.finished) return [];
    this.finished = true;
    const events = this.start(fallbackId, this.model);
    events.push(...this.close());
    const usage = this.usage ? toAnthropicUsage(this.usage) : { input_tokens: 0, output_tokens: 0 };
    events.push({
      type: "message_delta",
      delta: { stop_reason: this.stopReason ?? "end_turn", stop_sequence: null },
      usage: { input_tokens: usage.input_tokens, output_tokens: usage.output_tokens },
    });
    events.push({ type: "message_stop" });
    return events;
  }

  get stopReasonSoFar(): string | undefined {
    return this.stopReason;
  }
}
