import type { AnthropicStreamEvent } from "./anthropic/types.js";
import { ProducedChatStream } from "./chat-stream.js";
import type { OpenAIChatCompletionChunk } from "./openai/types.js";
import type { ChatStream, ChatStreamEvent } from "./types.js";

/** The text appended to an answer: a blank line, then the disclosure line. */
export function disclosureSuffix(line: string): string {
  return `\n\n${line}`;
}

/**
 * Adds the AI-content disclosure line (EU AI Act art. 50) to a streamed answer, as the same text
 * the non-streamed answer ends with. OpenAI: one extra content delta per choice that had text,
 * just before the chunk with its finish reason. Anthropic: one extra `text_delta` in the last
 * content block when that block is text, just before its `content_block_stop`; the stop is held
 * until the next event shows whether another block follows. Answers that end in a tool call get
 * no line in the stream: they go to a program, not to a person.
 */
export function withStreamDisclosure(stream: ChatStream, line: string): ChatStream {
  const suffix = disclosureSuffix(line);
  return new ProducedChatStream(stream.protocol, stream.provider, stream.model, async function* (summary) {
    try {
      if (stream.protocol === "openai") yield* discloseOpenAI(stream, suffix);
      else yield* discloseAnthropic(stream, suffix);
    } finally {
      Object.assign(summary, await stream.summary());
    }
  });
}

async function* discloseOpenAI(stream: ChatStream, suffix: string): AsyncGenerator<ChatStreamEvent> {
  const withText = new Set<number>();
  for await (const event of stream) {
    if (event.protocol !== "openai" || !("choices" in event.data)) {
      yield event;
      continue;
    }
    const chunk: OpenAIChatCompletionChunk = event.data;
    const disclosed: number[] = [];
    for (const choice of chunk.choices) {
      if (typeof choice.delta.content === "string" && choice.delta.content !== "") withText.add(choice.index);
      if (choice.finish_reason && withText.delete(choice.index)) disclosed.push(choice.index);
    }
    if (disclosed.length === 0) {
      yield event;
      continue;
    }
    // Text of the finishing chunk itself comes before the line.
    const finishing = chunk.choices.filter((choice) => disclosed.includes(choice.index));
    const withContent = finishing.some((choice) => choice.delta.content);
    if (withContent) {
      // Usage, if the chunk carries it, stays on the last piece only: clients add it up.
      const { usage: _usage, ...rest } = chunk;
      yield {
        protocol: "openai",
        data: {
          ...rest,
          choices: chunk.choices.map((choice) =>
            disclosed.includes(choice.index) ? { ...choice, finish_reason: null } : choice,
          ),
        },
      };
    }
    for (const index of disclosed) {
      yield {
        protocol: "openai",
        data: {
          id: chunk.id,
          object: "chat.completion.chunk",
          created: chunk.created,
          model: chunk.model,
          choices: [{ index, delta: { content: suffix }, finish_reason: null }],
        },
      };
    }
    if (withContent) {
      yield {
        protocol: "openai",
        data: {
          ...chunk,
          choices: finishing.map((choice) => ({ ...choice, delta: {} })),
        },
      };
    } else {
      yield event;
    }
  }
}

async function* discloseAnthropic(stream: ChatStream, suffix: string): AsyncGenerator<ChatStreamEvent> {
  const textBlocks = new Set<number>();
  let heldStop: ChatStreamEvent | undefined;
  let heldIndex = -1;
  for await (const event of stream) {
    const data = event.data as AnthropicStreamEvent;
    if (heldStop) {
      if (data.type === "message_delta" || data.type === "message_stop") {
        yield {
          protocol: "anthropic",
          data: { type: "content_block_delta", index: heldIndex, delta: { type: "text_delta", text: suffix } },
        };
      }
      yield heldStop;
      heldStop = undefined;
    }
    if (data.type === "content_block_start" && data.content_block.type === "text") textBlocks.add(data.index);
    if (data.type === "content_block_stop" && textBlocks.has(data.index)) {
      heldStop = event;
      heldIndex = data.index;
      continue;
    }
    yield event;
  }
  if (heldStop) yield heldStop;
}

/**
 * Whether the client asked for machine-readable output (JSON mode or a JSON schema, in chat
 * completions or the Responses API): a disclosure line would break the JSON, and the answer goes
 * to a program, not to a person.
 */
export function wantsStructuredOutput(body: unknown): boolean {
  if (!body || typeof body !== "object") return false;
  const record = body as { response_format?: { type?: unknown }; text?: { format?: { type?: unknown } } };
  const type = record.response_format?.type ?? record.text?.format?.type;
  return type === "json_object" || type === "json_schema";
}
