import type { AnthropicStopReason } from "../anthropic/types.js";
import type { OpenAIFinishReason } from "../openai/types.js";

export function anthropicStopToOpenAI(reason: AnthropicStopReason | string | null | undefined): OpenAIFinishReason {
  switch (reason) {
    case "max_tokens":
      return "length";
    case "tool_use":
      return "tool_calls";
    case "refusal":
      return "content_filter";
    default:
      return "stop";
  }
}

export function openAIFinishToAnthropic(reason: OpenAIFinishReason | string | null | undefined): AnthropicStopReason {
  switch (reason) {
    case "length":
      return "max_tokens";
    case "tool_calls":
    case "function_call":
      return "tool_use";
    case "content_filter":
      return "refusal";
    default:
      return "end_turn";
  }
}
