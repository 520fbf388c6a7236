/**
 * Validation of client requests in the OpenAI and Anthropic shapes. Only what the pipeline relies
 * on is checked (every text it must scan is where it expects it); unknown fields pass through, so
 * new API options keep working. A bad request becomes a 400 in the client's own error shape.
 */
import { z } from "zod";
import type { AnthropicMessagesRequest } from "../providers/anthropic/types.js";
import { GatewayError } from "../providers/errors.js";
import type { OpenAIChatRequest, OpenAIEmbeddingsRequest } from "../providers/openai/types.js";

/** Largest request body accepted, in bytes; larger bodies get a 413. Images inline as base64 need room. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

const positiveInt = z.number().int().positive();
const textPart = z.looseObject({ type: z.literal("text"), text: z.string() });
const anyPart = z.looseObject({ type: z.string() });
const openAIContent = z.union([z.string(), z.array(z.union([textPart, anyPart]))]);

const openAIToolCall = z.looseObject({
  id: z.string(),
  type: z.literal("function").optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

const openAIMessage = z.discriminatedUnion("role", [
  z.looseObject({ role: z.enum(["system", "developer"]), content: openAIContent }),
  z.looseObject({ role: z.literal("user"), content: openAIContent }),
  z.looseObject({
    role: z.literal("assistant"),
    content: openAIContent.nullable().optional(),
    tool_calls: z.array(openAIToolCall).optional(),
  }),
  z.looseObject({ role: z.literal("tool"), content: openAIContent, tool_call_id: z.string() }),
]);

const openAIChatSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(openAIMessage).min(1),
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  max_tokens: positiveInt.nullable().optional(),
  max_completion_tokens: positiveInt.nullable().optional(),
  n: z.number().int().min(1).max(1, "n > 1 is not supported by Poortwachter").nullable().optional(),
  tools: z.array(z.looseObject({ type: z.string() })).optional(),
});

const anthropicTextBlock = z.looseObject({ type: z.literal("text"), text: z.string() });
const anthropicToolResult = z.looseObject({
  type: z.literal("tool_result"),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(z.union([anthropicTextBlock, anyPart]))]).optional(),
});
const anthropicToolUse = z.looseObject({ type: z.literal("tool_use"), id: z.string(), name: z.string() });
const anthropicBlock = z.union([anthropicTextBlock, anthropicToolResult, anthropicToolUse, anyPart]);

const anthropicMessagesSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: positiveInt,
  messages: z
    .array(
      z.looseObject({
        role: z.enum(["user", "assistant"]),
        content: z.union([z.string(), z.array(anthropicBlock)]),
      }),
    )
    .min(1),
  system: z.union([z.string(), z.array(anthropicTextBlock)]).optional(),
  stream: z.boolean().optional(),
  tools: z.array(z.looseObject({ name: z.string() })).optional(),
});

const embeddingsSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1), z.array(z.number()), z.array(z.array(z.number()))]),
});

function invalid(message: string, param: string | null = null): GatewayError {
  return new GatewayError(400, "invalid_request", message, { retryable: false, param });
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path)
    out += typeof part === "number" ? `[${part}]` : out === "" ? String(part) : `.${String(part)}`;
  return out;
}

function validated<T>(schema: z.ZodType, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data as T;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const path = formatPath(issue.path);
  throw invalid(`Invalid request: ${path === "" ? "" : `${path}: `}${issue.message}`, path === "" ? null : path);
}

/** The JSON of a request body; a body that is not a JSON object is a 400. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw invalid("The request body is empty; send a JSON object");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid("The request body is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw invalid("The request body must be a JSON object");
  }
  return parsed;
}

export function parseOpenAIChat(value: unknown): OpenAIChatRequest {
  return validated<OpenAIChatRequest>(openAIChatSchema, value);
}

export function parseAnthropicMessages(value: unknown): AnthropicMessagesRequest {
  return validated<AnthropicMessagesRequest>(anthropicMessagesSchema, value);
}

export function parseEmbeddings(value: unknown): OpenAIEmbeddingsRequest {
  return validated<OpenAIEmbeddingsRequest>(embeddingsSchema, value);
}

export function tooLarge(bytes: number): GatewayError {
  return new GatewayError(
    413,
    "request_too_large",
    `The request body is ${bytes} bytes; Poortwachter accepts at most ${MAX_BODY_BYTES} bytes`,
    { retryable: false },
  );
}
