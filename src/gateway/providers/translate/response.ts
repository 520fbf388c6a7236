import type { AnthropicMessage, AnthropicResponseBlock } from "../anthropic/types.js";
import type { OpenAIChatCompletion, OpenAIToolCall } from "../openai/types.js";
import { anthropicStopToOpenAI, openAIFinishToAnthropic } from "./stop-reasons.js";
import { toAnthropicUsage, toOpenAIUsage, usageFromAnthropic, usageFromOpenAI } from "./usage.js";

function parseToolInput(raw: string): unknown {
  try {
    return raw.trim() === "" ? {} : (JSON.parse(raw) as unknown);
  } catch {
    // A model that produced broken JSON: hand the text on rather than lose the call.
    return { _raw: raw };
  }
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === "object" && "text" in part ? String(part.text) : ""))
      .join("");
  }
  return "";
}

/** An OpenAI completion as the Anthropic message a client of that protocol expects. */
export function openAIToAnthropicMessage(completion: OpenAIChatCompletion): AnthropicMessage {
  const choice = completion.choices[0];
  const content: AnthropicResponseBlock[] = [];
  const text = textOf(choice?.message.content);
  if (text !== "") content.push({ type: "text", text });
  for (const call of choice?.message.tool_calls ?? []) {
    content.push({
      type: "tool_use",
      id: call.id,
      name: call.function.name,
      input: parseToolInput(call.function.arguments),
    });
  }
  const usage = usageFromOpenAI(completion.usage);
  return {
    id: completion.id,
    type: "message",
    role: "assistant",
    content,
    model: completion.model,
    stop_reason: openAIFinishToAnthropic(choice?.finish_reason),
    stop_sequence: null,
    usage: usage ? toAnthropicUsage(usage) : { input_tokens: 0, output_tokens: 0 },
  };
}

/** An Anthropic message as an OpenAI chat completion; thinking blocks have no OpenAI form and are left out. */
export function anthropicToOpenAICompletion(
  message: AnthropicMessage,
  created = Math.floor(Date.now() / 1000),
): OpenAIChatCompletion {
  let text = "";
  let hasText = false;
  const toolCalls: OpenAIToolCall[] = [];
  for (const block of message.content) {
    if (block.type === "text") {
      text += block.text;
      hasText = true;
    } else if (block.type === "tool_use") {
      toolCalls.push({
        id: block.id,
        type: "function",
        function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
      });
    }
  }
  const usage = usageFromAnthropic(message.usage);
  const completion: OpenAIChatCompletion = {
    id: message.id,
    object: "chat.completion",
    created,
    model: message.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: hasText ? text : null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: anthropicStopToOpenAI(message.stop_reason),
        logprobs: null,
      },
    ],
  };
  if (usage) completion.usage = toOpenAIUsage(usage);
  return completion;
}
