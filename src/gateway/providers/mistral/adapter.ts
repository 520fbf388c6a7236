import { createHash } from "node:crypto";
import { OpenAIProtocolAdapter, trimSlash } from "../openai/adapter.js";
import type { OpenAIChatRequest, OpenAIMessage } from "../openai/types.js";

const MISTRAL_TOOL_ID = /^[a-zA-Z0-9]{9}$/;
const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/**
 * Mistral only accepts tool-call ids of exactly nine letters and digits; ids from OpenAI
 * (`call_...`) or Anthropic (`toolu_...`) are mapped to a stable nine-character form so that a
 * call and its result still match.
 */
export function mistralToolCallId(id: string): string {
  if (MISTRAL_TOOL_ID.test(id)) return id;
  const digest = createHash("sha256").update(id).digest();
  let out = "";
  for (let i = 0; i < 9; i++) out += ALPHANUMERIC[(digest[i] as number) % ALPHANUMERIC.length];
  return out;
}

/** Parameters of the OpenAI API that Mistral rejects with 422. */
const UNSUPPORTED = [
  "user",
  "logit_bias",
  "logprobs",
  "top_logprobs",
  "store",
  "metadata",
  "service_tier",
  "stream_options",
];

/**
 * Mistral's chat API is OpenAI-shaped with differences: `random_seed` instead of `seed`,
 * `tool_choice: "any"` instead of `"required"`, no `max_completion_tokens`, strict tool-call ids,
 * and no `stream_options` (it always reports usage in the last chunk).
 */
export class MistralAdapter extends OpenAIProtocolAdapter {
  protected override readonly supportsStreamOptions = false;

  protected override baseUrl(): string {
    return trimSlash(this.config.baseUrl ?? "https://api.mistral.ai/v1");
  }

  protected override adjustBody(body: OpenAIChatRequest): OpenAIChatRequest {
    const out: OpenAIChatRequest = { ...body };
    for (const key of UNSUPPORTED) delete out[key];
    if (out.max_completion_tokens != null) {
      out.max_tokens ??= out.max_completion_tokens;
      delete out.max_completion_tokens;
    }
    if (typeof out.seed === "number") {
      out.random_seed = out.seed;
      delete out.seed;
    }
    if (out.tool_choice === "required") out.tool_choice = "any" as never;
    out.messages = body.messages.map((message): OpenAIMessage => {
      if (message.role === "assistant" && message.tool_calls) {
        return {
          ...message,
          tool_calls: message.tool_calls.map((call) => ({ ...call, id: mistralToolCallId(call.id) })),
        };
      }
      if (message.role === "tool") return { ...message, tool_call_id: mistralToolCallId(message.tool_call_id) };
      return message;
    });
    return out;
  }
}
