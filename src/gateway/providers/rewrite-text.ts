import type { AnthropicStreamEvent } from "./anthropic/types.js";
import { ProducedChatStream } from "./chat-stream.js";
import type { OpenAIChatCompletionChunk } from "./openai/types.js";
import type { ChatResult, ChatStream, ChatStreamEvent } from "./types.js";

/**
 * Where a piece of model output sits. Tool-call arguments are JSON text: a rewriter that puts
 * values back into them must JSON-escape what it inserts.
 */
export type TextKind = "text" | "tool_arguments";

/** Incremental text rewriting, e.g. pseudonymize's StreamingRestorer (push returns what is safe, flush the rest). */
export interface TextRewriter {
  push(text: string): string;
  flush(): string;
}

/**
 * Rewrite the text deltas of a stream (restore placeholders) without changing its event
 * structure. Each text block / choice / tool call has its own rewriter; what a rewriter still
 * holds is flushed as one extra delta just before the event that closes its block (Anthropic
 * content_block_stop, an OpenAI finish_reason) or at the end of the stream. Thinking text and
 * signatures are left alone: they are signed by the upstream.
 */
export function rewriteStreamText(stream: ChatStream, create: (kind: TextKind) => TextRewriter): ChatStream {
  return new ProducedChatStream(stream.protocol, stream.provider, stream.model, async function* (summary) {
    const channels = new Map<string, TextRewriter>();
    const rewriter = (key: string, kind: TextKind): TextRewriter => {
      let channel = channels.get(key);
      if (!channel) {
        channel = create(kind);
        channels.set(key, channel);
      }
      return channel;
    };
    let template: OpenAIChatCompletionChunk | undefined;
    try {
      for await (const event of stream) {
        if (event.protocol === "anthropic") {
          yield* rewriteAnthropic(event.data as AnthropicStreamEvent, channels, rewriter);
        } else if ("choices" in event.data) {
          template = event.data;
          yield* rewriteOpenAI(event.data, channels, rewriter);
        } else {
          yield event;
        }
      }
      // A stream cut short still hands over what the rewriters held.
      for (const [key, channel] of channels) {
        const rest = channel.flush();
        if (rest === "") continue;
        const flushed = flushedEvent(stream.protocol, key, rest, template);
        if (flushed) yield flushed;
      }
    } finally {
      Object.assign(summary, await stream.summary());
    }
  });
}

function anthropicDelta(index: number, kind: TextKind, text: string): ChatStreamEvent {
  const delta =
    kind === "text" ? { type: "text_delta" as const, text } : { type: "input_json_delta" as const, partial_json: text };
  return { protocol: "anthropic", data: { type: "content_block_delta", index, delta } };
}

function* rewriteAnthropic(
  event: AnthropicStreamEvent,
  channels: Map<string, TextRewriter>,
  rewriter: (key: string, kind: TextKind) => TextRewriter,
): Generator<ChatStreamEvent> {
  if (
    event.type === "content_block_delta" &&
    (event.delta.type === "text_delta" || event.delta.type === "input_json_delta")
  ) {
    const kind: TextKind = event.delta.type === "text_delta" ? "text" : "tool_arguments";
    const channel = rewriter(`${kind}:${event.index}`, kind);
    const text = channel.push(event.delta.type === "text_delta" ? event.delta.text : event.delta.partial_json);
    if (text !== "") yield anthropicDelta(event.index, kind, text);
    return;
  }
  if (event.type === "content_block_stop") {
    for (const kind of ["text", "tool_arguments"] as const) {
      const key = `${kind}:${event.index}`;
      const channel = channels.get(key);
      if (!channel) continue;
      channels.delete(key);
      const rest = channel.flush();
      if (rest !== "") yield anthropicDelta(event.index, kind, rest);
    }
  }
  yield { protocol: "anthropic", data: event };
}

function openAIDelta(
  template: OpenAIChatCompletionChunk,
  choice: number,
  kind: TextKind,
  toolIndex: number,
  text: string,
): ChatStreamEvent {
  const delta =
    kind === "text" ? { content: text } : { tool_calls: [{ index: toolIndex, function: { arguments: text } }] };
  return {
    protocol: "openai",
    data: {
      id: template.id,
      object: "chat.completion.chunk",
      created: template.created,
      model: template.model,
      choices: [{ index: choice, delta, finish_reason: null }],
    },
  };
}

function* rewriteOpenAI(
  chunk: OpenAIChatCompletionChunk,
  channels: Map<string, TextRewriter>,
  rewriter: (key: string, kind: TextKind) => TextRewriter,
): Generator<ChatStreamEvent> {
  const flushes: ChatStreamEvent[] = [];
  const choices = chunk.choices.map((choice) => {
    const delta = { ...choice.delta };
    if (typeof delta.content === "string" && delta.content !== "") {
      delta.content = rewriter(`text:${choice.index}`, "text").push(delta.content);
    }
    if (delta.tool_calls) {
      delta.tool_calls = delta.tool_calls.map((call) => {
        const args = call.function?.arguments;
        if (!args) return call;
        const key = `tool_arguments:${choice.index}:${call.index}`;
        return { ...call, function: { ...call.function, arguments: rewriter(key, "tool_arguments").push(args) } };
      });
    }
    if (choice.finish_reason) {
      for (const [key, channel] of [...channels]) {
        const [kind, choiceIndex, toolIndex] = key.split(":");
        if (Number(choiceIndex) !== choice.index) continue;
        channels.delete(key);
        const rest = channel.flush();
        if (rest !== "") flushes.push(openAIDelta(chunk, choice.index, kind as TextKind, Number(toolIndex ?? 0), rest));
      }
    }
    return { ...choice, delta };
  });
  // Held-back text is emitted before the chunk that carries the finish reason.
  const rewritten: OpenAIChatCompletionChunk = { ...chunk, choices };
  if (flushes.length > 0) {
    const finishing = choices.filter((choice) => choice.finish_reason);
    const ongoing = choices.filter((choice) => !choice.finish_reason);
    if (ongoing.length > 0) yield { protocol: "openai", data: { ...rewritten, choices: ongoing } };
    yield* flushes;
    yield { protocol: "openai", data: { ...rewritten, choices: finishing } };
    return;
  }
  yield { protocol: "openai", data: rewritten };
}

function flushedEvent(
  protocol: ChatStream["protocol"],
  key: string,
  text: string,
  template: OpenAIChatCompletionChunk | undefined,
): ChatStreamEvent | undefined {
  const [kind, first, second] = key.split(":");
  if (protocol === "anthropic") return anthropicDelta(Number(first), kind as TextKind, text);
  if (!template) return undefined;
  return openAIDelta(template, Number(first), kind as TextKind, Number(second ?? 0), text);
}

function rewriteJsonStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === "string") return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => rewriteJsonStrings(item, rewrite));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewriteJsonStrings(item, rewrite)]));
  }
  return value;
}

/**
 * Rewrite the text of a complete answer: message content and tool-call arguments (as JSON:
 * every string value is rewritten, so inserted values are escaped correctly). Thinking stays.
 */
export function rewriteResultText(result: ChatResult, rewrite: (text: string) => string): ChatResult {
  if (result.protocol === "openai") {
    const choices = result.body.choices.map((choice) => {
      const message = { ...choice.message };
      if (typeof message.content === "string") message.content = rewrite(message.content);
      if (message.tool_calls) {
        message.tool_calls = message.tool_calls.map((call) => ({
          ...call,
          function: { ...call.function, arguments: rewriteArguments(call.function.arguments, rewrite) },
        }));
      }
      return { ...choice, message };
    });
    return { ...result, body: { ...result.body, choices } };
  }
  const content = result.body.content.map((block) => {
    if (block.type === "text") return { ...block, text: rewrite(block.text) };
    if (block.type === "tool_use") return { ...block, input: rewriteJsonStrings(block.input, rewrite) };
    return block;
  });
  return { ...result, body: { ...result.body, content } };
}

function rewriteArguments(args: string, rewrite: (text: string) => string): string {
  try {
    return JSON.stringify(rewriteJsonStrings(JSON.parse(args) as unknown, rewrite));
  } catch {
    return rewrite(args);
  }
}
