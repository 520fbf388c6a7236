import type { AnthropicUsage } from "../anthropic/types.js";
import type { OpenAIUsage } from "../openai/types.js";
import type { Usage } from "../types.js";

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

export function usageFromOpenAI(usage: OpenAIUsage | null | undefined): Usage | undefined {
  if (!usage || typeof usage !== "object") return undefined;
  const result: Usage = { inputTokens: count(usage.prompt_tokens), outputTokens: count(usage.completion_tokens) };
  const cached = count(usage.prompt_tokens_details?.cached_tokens);
  if (cached > 0) result.cacheReadTokens = cached;
  return result;
}

/** Anthropic counts cache reads and writes apart from `input_tokens`; metering keeps them apart too. */
export function usageFromAnthropic(usage: Partial<AnthropicUsage> | null | undefined): Usage | undefined {
  if (!usage || typeof usage !== "object") return undefined;
  const result: Usage = { inputTokens: count(usage.input_tokens), outputTokens: count(usage.output_tokens) };
  const read = count(usage.cache_read_input_tokens);
  const write = count(usage.cache_creation_input_tokens);
  if (read > 0) result.cacheReadTokens = read;
  if (write > 0) result.cacheWriteTokens = write;
  return result;
}

/** OpenAI's prompt_tokens include cached tokens; Anthropic's input_tokens do not. */
export function toOpenAIUsage(usage: Usage): OpenAIUsage {
  const prompt = usage.inputTokens + (usage.cacheReadTokens ?? 0) + (usage.cacheWriteTokens ?? 0);
  const result: OpenAIUsage = {
    prompt_tokens: prompt,
    completion_tokens: usage.outputTokens,
    total_tokens: prompt + usage.outputTokens,
  };
  if (usage.cacheReadTokens) result.prompt_tokens_details = { cached_tokens: usage.cacheReadTokens };
  return result;
}

export function toAnthropicUsage(usage: Usage): AnthropicUsage {
  const cached = usage.cacheReadTokens ?? 0;
  return {
    input_tokens: Math.max(0, usage.inputTokens - cached),
    output_tokens: usage.outputTokens,
    cache_creation_input_tokens: usage.cacheWriteTokens ?? 0,
    cache_read_input_tokens: cached,
  };
}

/** Later usage reports refine earlier ones (Anthropic: message_start, then cumulative message_delta). */
export function mergeUsage(previous: Usage | undefined, next: Usage | undefined): Usage | undefined {
  if (!next) return previous;
  if (!previous) return next;
  const merged: Usage = {
    inputTokens: next.inputTokens || previous.inputTokens,
    outputTokens: next.outputTokens || previous.outputTokens,
  };
  const read = next.cacheReadTokens ?? previous.cacheReadTokens;
  const write = next.cacheWriteTokens ?? previous.cacheWriteTokens;
  if (read !== undefined) merged.cacheReadTokens = read;
  if (write !== undefined) merged.cacheWriteTokens = write;
  return merged;
}
