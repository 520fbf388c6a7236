/**
 * The OpenAI chat-completions wire shapes, as far as the gateway reads or writes them. Unknown
 * fields are kept (index signatures) so that a request or response passes through untouched.
 */

export interface OpenAITextPart {
  type: "text";
  text: string;
}

export interface OpenAIImagePart {
  type: "image_url";
  image_url: { url: string; detail?: "auto" | "low" | "high" };
}

export type OpenAIContentPart = OpenAITextPart | OpenAIImagePart | { type: string; [key: string]: unknown };

export interface OpenAIToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface OpenAISystemMessage {
  role: "system" | "developer";
  content: string | OpenAITextPart[];
  name?: string;
}

export interface OpenAIUserMessage {
  role: "user";
  content: string | OpenAIContentPart[];
  name?: string;
}

export interface OpenAIAssistantMessage {
  role: "assistant";
  content?: string | OpenAITextPart[] | null;
  tool_calls?: OpenAIToolCall[];
  name?: string;
  refusal?: string | null;
}

export interface OpenAIToolMessage {
  role: "tool";
  content: string | OpenAITextPart[];
  tool_call_id: string;
  name?: string;
}

export type OpenAIMessage = OpenAISystemMessage | OpenAIUserMessage | OpenAIAssistantMessage | OpenAIToolMessage;

export interface OpenAIFunctionTool {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

export type OpenAIToolChoice = "none" | "auto" | "required" | { type: "function"; function: { name: string } };

export interface OpenAIChatRequest {
  model: string;
  messages: OpenAIMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean; [key: string]: unknown } | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  stop?: string | string[] | null;
  tools?: OpenAIFunctionTool[];
  tool_choice?: OpenAIToolChoice;
  parallel_tool_calls?: boolean;
  user?: string;
  seed?: number;
  [key: string]: unknown;
}

export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; [key: string]: unknown };
  completion_tokens_details?: { reasoning_tokens?: number; [key: string]: unknown };
  [key: string]: unknown;
}

export type OpenAIFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";

export interface OpenAIChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: Array<{
    index: number;
    message: OpenAIAssistantMessage & { content: string | null };
    finish_reason: OpenAIFinishReason | null;
    logprobs?: unknown;
    [key: string]: unknown;
  }>;
  usage?: OpenAIUsage;
  [key: string]: unknown;
}

export interface OpenAIToolCallDelta {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

export interface OpenAIChunkChoice {
  index: number;
  delta: {
    role?: "assistant";
    content?: string | null;
    reasoning_content?: string | null;
    tool_calls?: OpenAIToolCallDelta[];
    refusal?: string | null;
    [key: string]: unknown;
  };
  finish_reason: OpenAIFinishReason | null;
  logprobs?: unknown;
  [key: string]: unknown;
}

export interface OpenAIChatCompletionChunk {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  /** Empty in the final usage chunk and in Azure's prompt-filter chunks. */
  choices: OpenAIChunkChoice[];
  usage?: OpenAIUsage | null;
  [key: string]: unknown;
}

export interface OpenAIErrorObject {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** What OpenAI sends as an error body, and inside a stream when an error arrives after HTTP 200. */
export interface OpenAIErrorBody {
  error: OpenAIErrorObject;
}

export interface OpenAIEmbeddingsRequest {
  model: string;
  input: string | string[] | number[] | number[][];
  encoding_format?: "float" | "base64";
  dimensions?: number;
  user?: string;
  [key: string]: unknown;
}

export interface OpenAIEmbeddingsResponse {
  object: "list";
  data: Array<{ object: "embedding"; index: number; embedding: number[] | string }>;
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

export interface OpenAIModelList {
  object: "list";
  data: Array<{ id: string; object: "model"; created?: number; owned_by?: string }>;
}
