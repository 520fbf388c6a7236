/**
 * An OpenAI Responses API request as an Anthropic Messages request, so `POST /v1/responses` can use
 * a model of an Anthropic provider. The body arrives here already pseudonymised; only its shape
 * changes. What has no Anthropic form (OpenAI's hosted tools, structured output, files) gets a
 * clear 400 instead of being dropped silently.
 */
import type {
  AnthropicContentBlock,
  AnthropicMessageParam,
  AnthropicMessagesRequest,
  AnthropicTool,
  AnthropicToolChoice,
} from "../anthropic/types.js";
import { GatewayError } from "../errors.js";
import type { ResponsesContentPart, ResponsesInputItem, ResponsesRequest } from "../responses/types.js";
import { DEFAULT_ANTHROPIC_MAX_TOKENS, imageBlock, mergeSameRole } from "./request.js";

function invalid(message: string, param: string | null): GatewayError {
  return new GatewayError(400, "invalid_request", message, { retryable: false, param });
}

/** The text of a content value: a string, or the text parts of a part list. */
function textOf(content: string | ResponsesContentPart[] | undefined): string {
  if (content === undefined) return "";
  if (typeof content === "string") return content;
  return content
    .filter((part) => typeof part.text === "string")
    .map((part) => part.text)
    .join("");
}

function contentBlocks(content: string | ResponsesContentPart[] | undefined, param: string): AnthropicContentBlock[] {
  if (content === undefined) return [];
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  return content.map((part, index): AnthropicContentBlock => {
    if (typeof part.text === "string" && ["input_text", "output_text", "text"].includes(part.type)) {
      return { type: "text", text: part.text };
    }
    // An earlier answer of an OpenAI model may hold a refusal; to Anthropic it is what was said.
    if (part.type === "refusal" && typeof part.refusal === "string") return { type: "text", text: part.refusal };
    if (part.type === "input_image" && typeof part.image_url === "string") return imageBlock(part.image_url);
    throw invalid(`Content part "${part.type}" cannot be sent to an Anthropic model`, `${param}.content[${index}]`);
  });
}

function parseArguments(raw: unknown, param: string): unknown {
  if (typeof raw !== "string" || raw.trim() === "") return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalid("Arguments of a function_call item are not valid JSON", param);
  }
}

function callId(item: ResponsesInputItem, param: string): string {
  const id = item.call_id;
  if (typeof id !== "string" || id === "") throw invalid(`${String(item.type)} item without call_id`, param);
  return id;
}

/** Input items as Anthropic messages; system and developer messages go to `system`. */
function messagesOf(input: ResponsesRequest["input"], system: string[]): AnthropicMessageParam[] {
  if (typeof input === "string") return [{ role: "user", content: input }];
  const messages: AnthropicMessageParam[] = [];
  for (const [i, item] of (input ?? []).entries()) {
    const param = `input[${i}]`;
    const type = item.type ?? "message";
    if (type === "message") {
      if (item.role === "system" || item.role === "developer") {
        system.push(textOf(item.content));
        continue;
      }
      const blocks = contentBlocks(item.content, param);
      if (blocks.length > 0) messages.push({ role: item.role === "assistant" ? "assistant" : "user", content: blocks });
    } else if (type === "function_call") {
      const name = typeof item.name === "string" ? item.name : "";
      messages.push({
        role: "assistant",
        content: [{ type: "tool_use", id: callId(item, param), name, input: parseArguments(item.arguments, param) }],
      });
    } else if (type === "function_call_output") {
      messages.push({
        role: "user",
        content: [{ type: "tool_result", tool_use_id: callId(item, param), content: textOf(item.output) }],
      });
    } else if (type === "reasoning") {
      // OpenAI's reasoning items are encrypted for OpenAI models; an Anthropic model cannot read them.
    } else {
      throw invalid(`Input item "${type}" cannot be sent to an Anthropic model`, param);
    }
  }
  return mergeSameRole(messages);
}

function toolsOf(tools: NonNullable<ResponsesRequest["tools"]>): AnthropicTool[] {
  return tools.map((tool, i): AnthropicTool => {
    if (tool.type !== "function" || typeof tool.name !== "string") {
      throw invalid(`Tool "${tool.type}" is only available on OpenAI models`, `tools[${i}]`);
    }
    const converted: AnthropicTool = {
      name: tool.name,
      input_schema: (tool.parameters as Record<string, unknown> | undefined) ?? { type: "object", properties: {} },
    };
    if (typeof tool.description === "string") converted.description = tool.description;
    return converted;
  });
}

function toolChoiceOf(choice: unknown, parallel: unknown): AnthropicToolChoice | undefined {
  if (choice === "none") return { type: "none" };
  let result: Exclude<AnthropicToolChoice, { type: "none" }> | undefined;
  if (choice === "auto") result = { type: "auto" };
  else if (choice === "required") result = { type: "any" };
  else if (choice && typeof choice === "object" && typeof (choice as { name?: unknown }).name === "string") {
    result = { type: "tool", name: (choice as { name: string }).name };
  }
  if (parallel === false) return { ...(result ?? { type: "auto" }), disable_parallel_tool_use: true };
  return result;
}

/** A Responses request as an Anthropic messages request for `model`. */
export function responsesToAnthropicRequest(body: ResponsesRequest, model: string): AnthropicMessagesRequest {
  const format = (body.text as { format?: { type?: unknown } } | undefined)?.format?.type;
  if (format !== undefined && format !== "text") {
    throw invalid("Structured output (text.format) is not available for Anthropic models", "text.format");
  }
  const system: string[] = [];
  if (typeof body.instructions === "string" && body.instructions !== "") system.push(body.instructions);
  const messages = messagesOf(body.input, system);
  // Anthropic needs at least one message; only instructions would be an upstream 400 without a reason.
  if (messages.length === 0) throw invalid("input has no message for the model, only instructions", "input");
  const request: AnthropicMessagesRequest = {
    model,
    messages,
    max_tokens: body.max_output_tokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
  };
  const systemText = system.filter((text) => text !== "").join("\n\n");
  if (systemText !== "") request.system = systemText;
  // OpenAI allows temperatures up to 2, Anthropic up to 1.
  if (typeof body.temperature === "number") request.temperature = Math.min(1, Math.max(0, body.temperature));
  if (typeof body.top_p === "number") request.top_p = body.top_p;
  if (body.stream) request.stream = true;
  if (body.tools && body.tools.length > 0) {
    request.tools = toolsOf(body.tools);
    const choice = toolChoiceOf(body.tool_choice, body.parallel_tool_calls);
    if (choice) request.tool_choice = choice;
  }
  const user = body.safety_identifier ?? body.user;
  if (typeof user === "string" && user !== "") request.metadata = { user_id: user };
  return request;
}
