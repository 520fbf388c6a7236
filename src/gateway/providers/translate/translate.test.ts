import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collectStream, streamedText } from "../../testing/collect.js";
import { type MockUpstream, startMockUpstream } from "../../testing/mock-upstream.js";
import type { AnthropicMessagesRequest, AnthropicStreamEvent } from "../anthropic/types.js";
import { createProviderAdapter } from "../create.js";
import { UpstreamClient } from "../http/upstream-client.js";
import type { OpenAIChatCompletionChunk, OpenAIChatRequest } from "../openai/types.js";
import type { ProviderAdapter } from "../types.js";
import { anthropicToOpenAIRequest, openAIToAnthropicRequest } from "./request.js";
import { anthropicToOpenAICompletion, openAIToAnthropicMessage } from "./response.js";

const openAIRequest: OpenAIChatRequest = {
  model: "m",
  messages: [
    { role: "system", content: "Antwoord in het Nederlands." },
    {
      role: "user",
      content: [
        { type: "text", text: "Wat staat er op de foto?" },
        { type: "image_url", image_url: { url: "data:image/jpeg;base64,/9j/4AAQ" } },
      ],
    },
    {
      role: "assistant",
      content: null,
      tool_calls: [{ id: "call_1", type: "function", function: { name: "weer", arguments: '{"stad":"Zwolle"}' } }],
    },
    { role: "tool", tool_call_id: "call_1", content: "Regen, 9 graden" },
    { role: "user", content: "Dank je." },
  ],
  tools: [
    {
      type: "function",
      function: {
        name: "weer",
        description: "Het weer",
        parameters: { type: "object", properties: { stad: { type: "string" } } },
      },
    },
  ],
  tool_choice: "required",
  parallel_tool_calls: false,
  stop: "EINDE",
  temperature: 1.5,
  max_completion_tokens: 300,
  user: "medewerker-7",
};

describe("request translation", () => {
  it("turns an OpenAI request into an Anthropic one: system, images, tool calls and results, choices", () => {
    const out = openAIToAnthropicRequest(openAIRequest, "claude-x");
    expect(out.model).toBe("claude-x");
    expect(out.system).toBe("Antwoord in het Nederlands.");
    expect(out.max_tokens).toBe(300);
    expect(out.temperature).toBe(1);
    expect(out.stop_sequences).toEqual(["EINDE"]);
    expect(out.metadata).toEqual({ user_id: "medewerker-7" });
    expect(out.tools).toEqual([
      {
        name: "weer",
        description: "Het weer",
        input_schema: { type: "object", properties: { stad: { type: "string" } } },
      },
    ]);
    expect(out.tool_choice).toEqual({ type: "any", disable_parallel_tool_use: true });
    expect(out.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Wat staat er op de foto?" },
          { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "/9j/4AAQ" } },
        ],
      },
      { role: "assistant", content: [{ type: "tool_use", id: "call_1", name: "weer", input: { stad: "Zwolle" } }] },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "call_1", content: "Regen, 9 graden" },
          { type: "text", text: "Dank je." },
        ],
      },
    ]);
  });

  it("turns an Anthropic request into an OpenAI one and back to the same conversation", () => {
    const anthropic = openAIToAnthropicRequest(openAIRequest, "claude-x");
    const back = anthropicToOpenAIRequest(anthropic, "gpt-x");
    expect(back.messages[0]).toEqual({ role: "system", content: "Antwoord in het Nederlands." });
    expect(back.messages[2]).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [{ id: "call_1", type: "function", function: { name: "weer", arguments: '{"stad":"Zwolle"}' } }],
    });
    expect(back.messages[3]).toEqual({ role: "tool", tool_call_id: "call_1", content: "Regen, 9 graden" });
    expect(back.messages[4]).toEqual({ role: "user", content: "Dank je." });
    expect(back.tool_choice).toBe("required");
    expect(back.parallel_tool_calls).toBe(false);
    expect(back.stop).toEqual(["EINDE"]);
    expect(back.user).toBe("medewerker-7");
  });

  it("refuses what the other protocol cannot express instead of dropping it", () => {
    expect(() =>
      openAIToAnthropicRequest(
        { model: "m", messages: [{ role: "user", content: [{ type: "input_audio", input_audio: {} }] }] },
        "c",
      ),
    ).toThrow(/input_audio/);
    const serverTool = {
      model: "c",
      max_tokens: 10,
      messages: [],
      tools: [{ type: "web_search_20250305", name: "web_search", input_schema: {} }],
    };
    expect(() => anthropicToOpenAIRequest(serverTool as AnthropicMessagesRequest, "g")).toThrow(/Server tool/);
  });
});

describe("response translation", () => {
  it("maps an OpenAI completion to an Anthropic message with tool use, stop reason and usage", () => {
    const message = openAIToAnthropicMessage({
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1,
      model: "gpt-x",
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: "Even kijken.",
            tool_calls: [{ id: "call_2", type: "function", function: { name: "weer", arguments: '{"stad":"Assen"}' } }],
          },
          finish_reason: "tool_calls",
        },
      ],
      usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 },
    });
    expect(message.content).toEqual([
      { type: "text", text: "Even kijken." },
      { type: "tool_use", id: "call_2", name: "weer", input: { stad: "Assen" } },
    ]);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.usage).toMatchObject({ input_tokens: 20, output_tokens: 5 });
  });

  it("maps an Anthropic message to an OpenAI completion and leaves thinking out", () => {
    const completion = anthropicToOpenAICompletion({
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "claude-x",
      content: [
        { type: "thinking", thinking: "hmm", signature: "sig" },
        { type: "text", text: "Klaar." },
      ],
      stop_reason: "max_tokens",
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 3, cache_read_input_tokens: 4 },
    });
    expect(completion.choices[0]?.message).toEqual({ role: "assistant", content: "Klaar." });
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(completion.usage).toEqual({
      prompt_tokens: 14,
      completion_tokens: 3,
      total_tokens: 17,
      prompt_tokens_details: { cached_tokens: 4 },
    });
  });
});

describe("cross-protocol calls over loopback", () => {
  let mock: MockUpstream;
  let http: UpstreamClient;
  let openai: ProviderAdapter;
  let anthropic: ProviderAdapter;
  beforeAll(async () => {
    mock = await startMockUpstream();
    http = new UpstreamClient();
    openai = createProviderAdapter({ id: "openai", type: "openai", baseUrl: `${mock.url}/v1`, apiKey: "k" }, { http });
    anthropic = createProviderAdapter({ id: "anthropic", type: "anthropic", baseUrl: mock.url, apiKey: "k" }, { http });
  });
  afterAll(async () => {
    await http.close();
    await mock.close();
  });
  beforeEach(() => mock.reset());

  const openAIClient = (stream: boolean, includeUsage = false) => ({
    protocol: "openai" as const,
    model: "claude-x",
    body: {
      model: "alias",
      messages: [
        { role: "system" as const, content: "Kort." },
        { role: "user" as const, content: "Hoi" },
      ],
      stream,
      ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
    },
  });
  const anthropicClient = (stream: boolean) => ({
    protocol: "anthropic" as const,
    model: "gpt-x",
    body: {
      model: "alias",
      max_tokens: 100,
      system: "Kort.",
      messages: [{ role: "user" as const, content: "Hoi" }],
      stream,
    },
  });

  it("OpenAI client, Anthropic model, non-stream", async () => {
    mock.reply({ text: "Hallo!", usage: { input: 8, output: 2 } });
    const result = await anthropic.chat(openAIClient(false));
    expect(mock.lastRequest()!.body).toMatchObject({ model: "claude-x", system: "Kort.", max_tokens: 4096 });
    expect(result.protocol).toBe("openai");
    expect(result.protocol === "openai" && result.body.choices[0]?.message.content).toBe("Hallo!");
    expect(result.usage).toEqual({ inputTokens: 8, outputTokens: 2 });
  });

  it("OpenAI client, Anthropic model, stream: text, tool calls, finish reason, usage chunk only when asked", async () => {
    mock.reply(
      { text: ["Hal", "lo!"], thinking: { text: "denk", signature: "s" }, usage: { input: 8, output: 2 } },
      { toolCalls: [{ id: "toolu_1", name: "weer", arguments: '{"stad":"Ede"}' }] },
    );
    const first = await anthropic.chatStream(openAIClient(true, true));
    const { events, sse } = await collectStream(first);
    const chunks = events.map((event) => event.data as OpenAIChatCompletionChunk);
    expect(streamedText(events)).toBe("Hallo!");
    expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason === "stop")).toBe(true);
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 8, completion_tokens: 2 });
    expect(sse.endsWith("data: [DONE]\n\n")).toBe(true);
    expect((await first.summary()).stopReason).toBe("stop");

    const second = await anthropic.chatStream(openAIClient(true));
    const toolEvents = (await collectStream(second)).events.map((event) => event.data as OpenAIChatCompletionChunk);
    const calls = toolEvents.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []));
    expect(calls[0]).toMatchObject({ index: 0, id: "toolu_1", function: { name: "weer" } });
    expect(calls.map((call) => call.function?.arguments ?? "").join("")).toBe('{"stad":"Ede"}');
    expect(toolEvents.some((chunk) => chunk.usage)).toBe(false);
    expect((await second.summary()).usage).toEqual({ inputTokens: 12, outputTokens: 7 });
  });

  it("Anthropic client, OpenAI model, non-stream", async () => {
    mock.reply({ toolCalls: [{ id: "call_5", name: "weer", arguments: '{"stad":"Ede"}' }] });
    const result = await openai.chat(anthropicClient(false));
    expect(mock.lastRequest()!.body.messages[0]).toEqual({ role: "system", content: "Kort." });
    expect(result.protocol === "anthropic" && result.body.content).toEqual([
      { type: "tool_use", id: "call_5", name: "weer", input: { stad: "Ede" } },
    ]);
    expect(result.protocol === "anthropic" && result.body.stop_reason).toBe("tool_use");
  });

  it("Anthropic client, OpenAI model, stream: a valid Anthropic event sequence with usage", async () => {
    mock.reply({
      text: ["Goed", "emorgen"],
      toolCalls: [{ id: "call_6", name: "weer", arguments: '{"stad":"Ede"}' }],
      usage: { input: 9, output: 6 },
    });
    const stream = await openai.chatStream(anthropicClient(true));
    const { events } = await collectStream(stream);
    const data = events.map((event) => event.data as AnthropicStreamEvent);
    expect(data.map((event) => event.type)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(streamedText(events)).toBe("Goedemorgen");
    expect(data[5]).toEqual({
      type: "content_block_start",
      index: 1,
      content_block: { type: "tool_use", id: "call_6", name: "weer", input: {} },
    });
    expect(data[9]).toEqual({
      type: "message_delta",
      delta: { stop_reason: "tool_use", stop_sequence: null },
      usage: { input_tokens: 9, output_tokens: 6 },
    });
    expect(mock.lastRequest()!.body.stream_options).toEqual({ include_usage: true });
    expect((await stream.summary()).stopReason).toBe("tool_use");
  });
});
