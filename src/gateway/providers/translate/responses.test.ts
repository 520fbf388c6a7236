import { describe, expect, it } from "vitest";
import type { AnthropicMessage, AnthropicStreamEvent } from "../anthropic/types.js";
import type { ResponsesRequest } from "../responses/types.js";
import { responsesToAnthropicRequest } from "./responses-request.js";
import { AnthropicToResponsesStream, anthropicToResponsesObject } from "./responses-response.js";

const usage = { input_tokens: 10, output_tokens: 1, cache_read_input_tokens: 4, cache_creation_input_tokens: 0 };

function message(content: AnthropicMessage["content"], stop: AnthropicMessage["stop_reason"]): AnthropicMessage {
  return {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "claude",
    content,
    stop_reason: stop,
    stop_sequence: null,
    usage,
  };
}

describe("Responses request -> Anthropic", () => {
  it("merges turns of one role, sends images, skips OpenAI reasoning items and defaults max_tokens", () => {
    const request: ResponsesRequest = {
      model: "m",
      instructions: "Kort.",
      input: [
        { role: "system", content: "In het Nederlands." },
        { role: "user", content: "Wat zie je?" },
        { role: "user", content: [{ type: "input_image", image_url: "data:image/png;base64,iVBO" }] },
        { type: "reasoning", id: "rs_1", encrypted_content: "x" },
        { role: "assistant", content: [{ type: "output_text", text: "Een kat." }] },
        { type: "function_call", call_id: "c1", name: "tel", arguments: "" },
        { type: "function_call_output", call_id: "c1", output: [{ type: "input_text", text: "3" }] },
      ],
      parallel_tool_calls: false,
      tools: [{ type: "function", name: "tel" }],
    };
    const out = responsesToAnthropicRequest(request, "claude");
    expect(out.system).toBe("Kort.\n\nIn het Nederlands.");
    expect(out.max_tokens).toBe(4096);
    expect(out.tool_choice).toEqual({ type: "auto", disable_parallel_tool_use: true });
    expect(out.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Wat zie je?" },
          { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBO" } },
        ],
      },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Een kat." },
          { type: "tool_use", id: "c1", name: "tel", input: {} },
        ],
      },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "c1", content: "3" }] },
    ]);
  });

  it("refuses items without an Anthropic form instead of dropping them", () => {
    expect(() =>
      responsesToAnthropicRequest({ model: "m", input: [{ type: "function_call_output", output: "x" }] }, "c"),
    ).toThrow(/call_id/);
    expect(() =>
      responsesToAnthropicRequest({ model: "m", input: [{ type: "computer_call", call_id: "1" }] }, "c"),
    ).toThrow(/computer_call/);
    expect(() =>
      responsesToAnthropicRequest({ model: "m", input: [{ role: "user", content: [{ type: "input_file" }] }] }, "c"),
    ).toThrow(/input_file/);
    expect(() =>
      responsesToAnthropicRequest({ model: "m", input: [{ role: "system", content: "Alleen regels." }] }, "c"),
    ).toThrow(/no message/);
  });
});

describe("Anthropic answer -> Responses", () => {
  it("maps a message: text and tool calls as items, thinking left out, cached tokens inside input_tokens", () => {
    const out = anthropicToResponsesObject(
      message(
        [
          { type: "thinking", thinking: "hmm", signature: "sig" },
          { type: "text", text: "Ik tel." },
          { type: "tool_use", id: "toolu_1", name: "tel", input: { tot: 3 } },
        ],
        "tool_use",
      ),
      { model: "m", instructions: "Kort." },
    );
    expect(out.status).toBe("completed");
    expect(out.instructions).toBe("Kort.");
    expect(out.output.map((item) => item.type)).toEqual(["message", "function_call"]);
    expect(out.output[1]).toMatchObject({ call_id: "toolu_1", name: "tel", arguments: '{"tot":3}' });
    expect(out.usage).toEqual({
      input_tokens: 14,
      input_tokens_details: { cached_tokens: 4 },
      output_tokens: 1,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 15,
    });
  });

  it("reports a message cut off by max_tokens as incomplete", () => {
    const out = anthropicToResponsesObject(message([{ type: "text", text: "Een" }], "max_tokens"), { model: "m" });
    expect(out.status).toBe("incomplete");
    expect(out.incomplete_details).toEqual({ reason: "max_output_tokens" });
  });

  it("streams a parameterless tool call with '{}' as its arguments and ends incomplete after max_tokens", () => {
    const stream = new AnthropicToResponsesStream({ model: "m" }, "claude");
    const upstream: AnthropicStreamEvent[] = [
      { type: "message_start", message: message([], null) },
      { type: "content_block_start", index: 0, content_block: { type: "tool_use", id: "t1", name: "nu", input: {} } },
      { type: "content_block_stop", index: 0 },
      { type: "message_delta", delta: { stop_reason: "max_tokens", stop_sequence: null }, usage: { output_tokens: 5 } },
      { type: "message_stop" },
    ];
    const events = upstream.flatMap((event) => stream.push(event));
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.find((e) => e.type === "response.function_call_arguments.delta")?.delta).toBe("{}");
    expect(events.find((e) => e.type === "response.function_call_arguments.done")?.arguments).toBe("{}");
    const last = events.at(-1);
    expect(last?.type).toBe("response.incomplete");
    expect((last?.response as { output: unknown[] } | undefined)?.output).toHaveLength(1);
    expect(stream.meteredUsage).toEqual({ inputTokens: 10, outputTokens: 5, cacheReadTokens: 4 });
  });

  it("meters nothing for a stream cut short before its final usage, so it is charged by estimate", () => {
    const stream = new AnthropicToResponsesStream({ model: "m" }, "claude");
    stream.push({ type: "message_start", message: message([], null) });
    stream.push({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    stream.push({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Een" } });
    expect(stream.meteredUsage).toBeUndefined();
  });
});
