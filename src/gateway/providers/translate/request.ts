import type {
  AnthropicContentBlock,
  AnthropicImageBlock,
  AnthropicMessageParam,
  AnthropicMessagesRequest,
  AnthropicTool,
  AnthropicToolChoice,
} from "../anthropic/types.js";
import { GatewayError } from "../errors.js";
import type {
  OpenAIChatRequest,
  OpenAIContentPart,
  OpenAIFunctionTool,
  OpenAIMessage,
  OpenAITextPart,
  OpenAIToolCall,
  OpenAIToolChoice,
} from "../openai/types.js";

/** Anthropic requires max_tokens; OpenAI clients often leave it out. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

function invalid(message: string, param?: string): GatewayError {
  return new GatewayError(400, "invalid_request", message, { retryable: false, param: param ?? null });
}

function textOf(content: string | OpenAITextPart[] | null | undefined): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content
    .filter((part) => part.type === "text")
    .map((part) => part.text)
    .join("");
}

const DATA_URL = /^data:([^;,]+);base64,(.*)$/s;

export function imageBlock(url: string): AnthropicImageBlock {
  const match = DATA_URL.exec(url);
  if (match)
    return { type: "image", source: { type: "base64", media_type: match[1] as string, data: match[2] as string } };
  return { type: "image", source: { type: "url", url } };
}

function userBlocks(content: string | OpenAIContentPart[]): string | AnthropicContentBlock[] {
  if (typeof content === "string") return content;
  return content.map((part, index): AnthropicContentBlock => {
    if (part.type === "text") return { type: "text", text: String((part as OpenAITextPart).text) };
    if (part.type === "image_url") {
      const image = (part as { image_url?: { url?: unknown } }).image_url;
      if (typeof image?.url !== "string") throw invalid("image_url part without url", `content[${index}]`);
      return imageBlock(image.url);
    }
    throw invalid(`Content part "${part.type}" cannot be sent to an Anthropic model`, `content[${index}]`);
  });
}

function parseArguments(raw: string, name: string): unknown {
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalid(`Arguments of tool call "${name}" are not valid JSON`, "messages");
  }
}

function asBlocks(content: string | AnthropicContentBlock[]): AnthropicContentBlock[] {
  return typeof content === "string" ? (content === "" ? [] : [{ type: "text", text: content }]) : content;
}

/** Consecutive messages of one role become one (tool results after an assistant turn, for instance). */
export function mergeSameRole(messages: AnthropicMessageParam[]): AnthropicMessageParam[] {
  const merged: AnthropicMessageParam[] = [];
  for (const message of messages) {
    const previous = merged[merged.length - 1];
    if (previous && previous.role === message.role) {
      previous.content = [...asBlocks(previous.content), ...asBlocks(message.content)];
    } else {
      merged.push({ role: message.role, content: message.content });
    }
  }
  return merged;
}

function anthropicToolChoice(
  choice: OpenAIToolChoice | undefined,
  parallel: boolean | undefined,
): AnthropicToolChoice | undefined {
  let result: Exclude<AnthropicToolChoice, { type: "none" }> | undefined;
  if (choice === "none") return { type: "none" };
  if (choice === "auto") result = { type: "auto" };
  else if (choice === "required") result = { type: "any" };
  else if (choice && typeof choice === "object") result = { type: "tool", name: choice.function.name };
  if (parallel === false) return { ...(result ?? { type: "auto" }), disable_parallel_tool_use: true };
  return result;
}

/** An OpenAI chat-completions request as an Anthropic messages request for `model`. */
export function openAIToAnthropicRequest(body: OpenAIChatRequest, model: string): AnthropicMessagesRequest {
  if (typeof body.n === "number" && body.n > 1) throw invalid("n > 1 is not supported by Anthropic models", "n");
  const system: string[] = [];
  const messages: AnthropicMessageParam[] = [];
  for (const message of body.messages as OpenAIMessage[]) {
    switch (message.role) {
      case "system":
      case "developer":
        system.push(textOf(message.content));
        break;
      case "user":
        messages.push({ role: "user", content: userBlocks(message.content) });
        break;
      case "assistant": {
        const blocks: AnthropicContentBlock[] = [];
        const text = textOf(message.content);
        if (text !== "") blocks.push({ type: "text", text });
        for (const call of message.tool_calls ?? []) {
          blocks.push({
            type: "tool_use",
            id: call.id,
            name: call.function.name,
            input: parseArguments(call.function.arguments, call.function.name),
          });
        }
        if (blocks.length > 0) messages.push({ role: "assistant", content: blocks });
        break;
      }
      case "tool":
        messages.push({
          role: "user",
          content: [{ type: "tool_result", tool_use_id: message.tool_call_id, content: textOf(message.content) }],
        });
        break;
      default:
        throw invalid(`Unknown message role "${(message as { role: string }).role}"`, "messages");
    }
  }
  const request: AnthropicMessagesRequest = {
    model,
    messages: mergeSameRole(messages),
    max_tokens: body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
  };
  if (system.length > 0) request.system = system.join("\n\n");
  // OpenAI allows temperatures up to 2, Anthropic up to 1.
  if (typeof body.temperature === "number") request.temperature = Math.min(1, Math.max(0, body.temperature));
  if (typeof body.top_p === "number") request.top_p = body.top_p;
  if (body.stop != null) request.stop_sequences = typeof body.stop === "string" ? [body.stop] : body.stop;
  if (body.stream) request.stream = true;
  if (body.tools && body.tools.length > 0) {
    request.tools = body.tools.map((tool: OpenAIFunctionTool): AnthropicTool => {
      const converted: AnthropicTool = {
        name: tool.function.name,
        input_schema: tool.function.parameters ?? { type: "object", properties: {} },
      };
      if (tool.function.description !== undefined) converted.description = tool.function.description;
      return converted;
    });
  }
  const toolChoice = anthropicToolChoice(body.tool_choice, body.parallel_tool_calls);
  if (toolChoice && request.tools) request.tool_choice = toolChoice;
  if (typeof body.user === "string") request.metadata = { user_id: body.user };
  return request;
}

function blockText(content: string | Array<{ type: string; text?: string }> | undefined): string {
  if (content === undefined) return "";
  if (typeof content === "string") return content;
  return content
    .filter((block) => block.type === "text")
    .map((block) => block.text ?? "")
    .join("");
}

function imageUrl(block: AnthropicImageBlock): string {
  return block.source.type === "base64"
    ? `data:${block.source.media_type};base64,${block.source.data}`
    : block.source.url;
}

function openAIToolChoice(choice: AnthropicToolChoice | undefined): OpenAIToolChoice | undefined {
  if (!choice) return undefined;
  switch (choice.type) {
    case "auto":
      return "auto";
    case "any":
      return "required";
    case "none":
      return "none";
    case "tool":
      return { type: "function", function: { name: choice.name } };
    default:
      return undefined;
  }
}

/** An Anthropic messages request as an OpenAI chat-completions request for `model`. */
export function anthropicToOpenAIRequest(body: AnthropicMessagesRequest, model: string): OpenAIChatRequest {
  const messages: OpenAIMessage[] = [];
  if (body.system !== undefined) {
    const system = blockText(body.system);
    if (system !== "") messages.push({ role: "system", content: system });
  }
  for (const message of body.messages) {
    if (message.role === "user") {
      if (typeof message.content === "string") {
        messages.push({ role: "user", content: message.content });
        continue;
      }
      const parts: OpenAIContentPart[] = [];
      for (const block of message.content) {
        if (block.type === "tool_result") {
          messages.push({ role: "tool", tool_call_id: block.tool_use_id, content: blockText(block.content) });
        } else if (block.type === "text") {
          parts.push({ type: "text", text: block.text });
        } else if (block.type === "image") {
          parts.push({ type: "image_url", image_url: { url: imageUrl(block) } });
        } else {
          throw invalid(`Content block "${block.type}" cannot be sent to an OpenAI-style model`, "messages");
        }
      }
      if (parts.length > 0) {
        const onlyText = parts.every((part) => part.type === "text");
        messages.push({
          role: "user",
          content: onlyText ? parts.map((part) => (part as OpenAITextPart).text).join("\n") : parts,
        });
      }
    } else {
      if (typeof message.content === "string") {
        messages.push({ role: "assistant", content: message.content });
        continue;
      }
      let text = "";
      const calls: OpenAIToolCall[] = [];
      for (const block of message.content) {
        if (block.type === "text") text += block.text;
        else if (block.type === "tool_use") {
          calls.push({
            id: block.id,
            type: "function",
            function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
          });
        }
        // Thinking blocks are Anthropic-only (signed); an OpenAI model cannot use them.
      }
      messages.push({
        role: "assistant",
        content: text === "" && calls.length > 0 ? null : text,
        ...(calls.length > 0 ? { tool_calls: calls } : {}),
      });
    }
  }
  const request: OpenAIChatRequest = { model, messages, max_tokens: body.max_tokens };
  if (typeof body.temperature === "number") request.temperature = body.temperature;
  if (typeof body.top_p === "number") request.top_p = body.top_p;
  if (body.stop_sequences && body.stop_sequences.length > 0) request.stop = body.stop_sequences;
  if (body.stream) request.stream = true;
  if (body.tools && body.tools.length > 0) {
    request.tools = body.tools.map((tool): OpenAIFunctionTool => {
      if (tool.type !== undefined && tool.type !== "custom") {
        throw invalid(`Server tool "${tool.type}" is only available on Anthropic models`, "tools");
      }
      const fn: OpenAIFunctionTool["function"] = { name: tool.name, parameters: tool.input_schema };
      if (tool.description !== undefined) fn.description = tool.description;
      return { type: "function", function: fn };
    });
    const choice = openAIToolChoice(body.tool_choice);
    if (choice !== undefined) request.tool_choice = choice;
    if (
      body.tool_choice &&
      "disable_parallel_tool_use" in body.tool_choice &&
      body.tool_choice.disable_parallel_tool_use
    ) {
      request.parallel_tool_calls = false;
    }
  }
  if (body.metadata?.user_id) request.user = body.metadata.user_id;
  return request;
}
