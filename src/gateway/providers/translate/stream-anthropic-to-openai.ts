import type { AnthropicStreamEvent } from "../anthropic/types.js";
import type { OpenAIChatCompletionChunk, OpenAIChunkChoice, OpenAIErrorBody } from "../openai/types.js";
import type { Usage } from "../types.js";
import { anthropicStopToOpenAI } from "./stop-reasons.js";
import { mergeUsage, toOpenAIUsage, usageFromAnthropic } from "./usage.js";

/**
 * Turns Anthropic stream events into OpenAI chunks for an OpenAI client. Text and tool-call
 * argument deltas map one to one; thinking text becomes `reasoning_content`; signatures, pings
 * and block boundaries have no OpenAI form. The usage chunk is only sent when the client asked.
 */
export class AnthropicToOpenAIStream {
  private id = "chatcmpl-anthropic";
  private model: string;
  private readonly created = Math.floor(Date.now() / 1000);
  private readonly toolIndexByBlock = new Map<number, number>();
  private usage: Usage | undefined;

  constructor(
    model: string,
    private readonly includeUsage: boolean,
  ) {
    this.model = model;
  }

  get meteredUsage(): Usage | undefined {
    return this.usage;
  }

  private chunk(choices: OpenAIChunkChoice[]): OpenAIChatCompletionChunk {
    return { id: this.id, object: "chat.completion.chunk", created: this.created, model: this.model, choices };
  }

  private delta(delta: OpenAIChunkChoice["delta"]): OpenAIChatCompletionChunk {
    return this.chunk([{ index: 0, delta, finish_reason: null }]);
  }

  push(event: AnthropicStreamEvent): Array<OpenAIChatCompletionChunk | OpenAIErrorBody> {
    switch (event.type) {
      case "message_start":
        this.id = event.message.id;
        this.model = event.message.model || this.model;
        this.usage = mergeUsage(this.usage, usageFromAnthropic(event.message.usage));
        return [this.delta({ role: "assistant", content: "" })];
      case "content_block_start": {
        const block = event.content_block;
        if (block.type === "tool_use") {
          const toolIndex = this.toolIndexByBlock.size;
          this.toolIndexByBlock.set(event.index, toolIndex);
          return [
            this.delta({
              tool_calls: [
                { index: toolIndex, id: block.id, type: "function", function: { name: block.name, arguments: "" } },
              ],
            }),
          ];
        }
        if (block.type === "text" && block.text !== "") return [this.delta({ content: block.text })];
        return [];
      }
      case "content_block_delta": {
        const delta = event.delta;
        if (delta.type === "text_delta") return [this.delta({ content: delta.text })];
        if (delta.type === "thinking_delta") return [this.delta({ reasoning_content: delta.thinking })];
        if (delta.type === "input_json_delta") {
          const toolIndex = this.toolIndexByBlock.get(event.index);
          if (toolIndex === undefined) return [];
          return [this.delta({ tool_calls: [{ index: toolIndex, function: { arguments: delta.partial_json } }] })];
        }
        return [];
      }
      case "message_delta":
        this.usage = mergeUsage(this.usage, usageFromAnthropic(event.usage));
        return [this.chunk([{ index: 0, delta: {}, finish_reason: anthropicStopToOpenAI(event.delta.stop_reason) }])];
      case "message_stop":
        if (!this.includeUsage || !this.usage) return [];
        return [{ ...this.chunk([]), usage: toOpenAIUsage(this.usage) }];
      case "error":
        return [{ error: { message: event.error.message, type: event.error.type, param: null, code: null } }];
      default:
        return [];
    }
  }
}
