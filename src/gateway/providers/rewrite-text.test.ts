import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PlaceholderResolver, restore, StreamingRestorer } from "../../pseudonymize/index.js";
import { collectStream, streamedText } from "../testing/collect.js";
import type { AnthropicStreamEvent } from "./anthropic/types.js";
import { ProducedChatStream } from "./chat-stream.js";
import type { OpenAIChatCompletionChunk } from "./openai/types.js";
import { rewriteResultText, rewriteStreamText } from "./rewrite-text.js";
import type { ChatStream, ChatStreamEvent } from "./types.js";

const values: Record<string, string> = { PERSOON_1: "Jan de Vries", EMAIL_1: 'j"v@example.nl' };
const resolver: PlaceholderResolver = { resolve: (label, digits) => values[`${label}_${digits}`] };

function streamOf(protocol: "openai" | "anthropic", data: ChatStreamEvent["data"][]): ChatStream {
  return new ProducedChatStream(protocol, "p", "m", async function* (summary) {
    summary.usage = { inputTokens: 1, outputTokens: 2 };
    for (const item of data) yield { protocol, data: item } as ChatStreamEvent;
  });
}

const chunk = (content: string | undefined, finish: "stop" | null = null): OpenAIChatCompletionChunk => ({
  id: "c",
  object: "chat.completion.chunk",
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: finish }],
});

function cut(text: string, points: number[]): string[] {
  const sorted = [...new Set(points.map((point) => point % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let previous = 0;
  for (const point of [...sorted, text.length]) {
    parts.push(text.slice(previous, point));
    previous = point;
  }
  return parts.filter((part) => part !== "");
}

describe("rewriteStreamText", () => {
  it("restores placeholders split across OpenAI chunks, before the finish reason, and keeps the summary", async () => {
    const source = streamOf("openai", [
      chunk("Beste [PERS"),
      chunk("OON_1], dank"),
      chunk(" u. [PERSOON_"),
      chunk("1"),
      chunk(undefined, "stop"),
    ]);
    const stream = rewriteStreamText(source, () => new StreamingRestorer(resolver));
    const { events } = await collectStream(stream);
    expect(streamedText(events)).toBe("Beste Jan de Vries, dank u. Jan de Vries");
    const last = events.at(-1)?.data as OpenAIChatCompletionChunk;
    expect(last.choices[0]?.finish_reason).toBe("stop");
    expect((await stream.summary()).usage).toEqual({ inputTokens: 1, outputTokens: 2 });
  });

  it("restores across any cut of an OpenAI text (property)", async () => {
    const text = "Geachte [PERSOON_1], uw mail [EMAIL_1] is ontvangen. Groet, [PERSOON_1]";
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (points) => {
        const parts = cut(text, points);
        const stream = rewriteStreamText(
          streamOf("openai", [...parts.map((part) => chunk(part)), chunk(undefined, "stop")]),
          () => new StreamingRestorer(resolver),
        );
        expect(streamedText((await collectStream(stream)).events)).toBe(restore(text, resolver));
      }),
      { numRuns: 100 },
    );
  });

  it("flushes held text before content_block_stop and leaves thinking and signatures alone", async () => {
    const events: AnthropicStreamEvent[] = [
      { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "", signature: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "[PERSOON_1]" } },
      { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "sig" } },
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "Hallo [PERSOON" } },
      { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "_1" } },
      { type: "content_block_stop", index: 1 },
      { type: "message_stop" },
    ];
    const out = await collectStream(
      rewriteStreamText(streamOf("anthropic", events), () => new StreamingRestorer(resolver)),
    );
    const data = out.events.map((event) => event.data as AnthropicStreamEvent);
    expect(data.slice(0, 4)).toEqual(events.slice(0, 4));
    // The restorer may hold a trailing placeholder back until the block ends: it is flushed before the stop.
    expect(streamedText(out.events)).toBe("Hallo Jan de Vries");
    const stopAt = data.findIndex((event) => event.type === "content_block_stop" && event.index === 1);
    expect(data[stopAt - 1]).toEqual({
      type: "content_block_delta",
      index: 1,
      delta: { type: "text_delta", text: "Jan de Vries" },
    });
  });

  it("gives tool arguments their own rewriter kind", async () => {
    const kinds: string[] = [];
    const source = streamOf("openai", [
      {
        ...chunk(undefined),
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, function: { arguments: '{"n":"[PERSOON_1]"}' } }] },
            finish_reason: null,
          },
        ],
      },
      chunk(undefined, "stop"),
    ]);
    const stream = rewriteStreamText(source, (kind) => {
      kinds.push(kind);
      const restorer = new StreamingRestorer(resolver);
      return { push: (text) => restorer.push(text), flush: () => restorer.flush() };
    });
    const { events } = await collectStream(stream);
    expect(kinds).toEqual(["tool_arguments"]);
    const args = events
      .flatMap((event) => (event.data as OpenAIChatCompletionChunk).choices)
      .flatMap((choice) => choice.delta.tool_calls ?? [])
      .map((call) => call.function?.arguments)
      .join("");
    expect(args).toBe('{"n":"Jan de Vries"}');
  });
});

describe("rewriteResultText", () => {
  it("restores OpenAI content and tool arguments with JSON escaping", () => {
    const result = rewriteResultText(
      {
        protocol: "openai",
        provider: "p",
        model: "m",
        body: {
          id: "c",
          object: "chat.completion",
          created: 1,
          model: "m",
          choices: [
            {
              index: 0,
              message: {
                role: "assistant",
                content: "Mail [EMAIL_1]",
                tool_calls: [
                  { id: "t", type: "function", function: { name: "mail", arguments: '{"aan":"[EMAIL_1]"}' } },
                ],
              },
              finish_reason: "tool_calls",
            },
          ],
        },
      },
      (text) => restore(text, resolver),
    );
    const message = result.protocol === "openai" ? result.body.choices[0]?.message : undefined;
    expect(message?.content).toBe('Mail j"v@example.nl');
    expect(JSON.parse(message?.tool_calls?.[0]?.function.arguments ?? "")).toEqual({ aan: 'j"v@example.nl' });
  });

  it("restores Anthropic text and tool input but not thinking", () => {
    const result = rewriteResultText(
      {
        protocol: "anthropic",
        provider: "p",
        model: "m",
        body: {
          id: "m",
          type: "message",
          role: "assistant",
          model: "m",
          content: [
            { type: "thinking", thinking: "[PERSOON_1]", signature: "s" },
            { type: "text", text: "Voor [PERSOON_1]" },
            { type: "tool_use", id: "t", name: "f", input: { namen: ["[PERSOON_1]"] } },
          ],
          stop_reason: "end_turn",
          stop_sequence: null,
          usage: { input_tokens: 1, output_tokens: 1 },
        },
      },
      (text) => restore(text, resolver),
    );
    expect(result.protocol === "anthropic" && result.body.content).toEqual([
      { type: "thinking", thinking: "[PERSOON_1]", signature: "s" },
      { type: "text", text: "Voor Jan de Vries" },
      { type: "tool_use", id: "t", name: "f", input: { namen: ["Jan de Vries"] } },
    ]);
  });
});
