import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collectStream, streamedText } from "../../testing/collect.js";
import { type MockUpstream, startMockUpstream } from "../../testing/mock-upstream.js";
import { createProviderAdapter } from "../create.js";
import { GatewayError } from "../errors.js";
import { UpstreamClient } from "../http/upstream-client.js";
import type { ChatRequest, ProviderAdapter } from "../types.js";
import type { OpenAIChatCompletionChunk } from "./types.js";

let mock: MockUpstream;
let http: UpstreamClient;
let openai: ProviderAdapter;

beforeAll(async () => {
  mock = await startMockUpstream({ models: ["gpt-test", "gpt-test-mini"] });
  http = new UpstreamClient({ baseBackoffMs: 1 });
  openai = createProviderAdapter(
    { id: "openai", type: "openai", baseUrl: `${mock.url}/v1`, apiKey: "sk-test" },
    { http },
  );
});
afterAll(async () => {
  await http.close();
  await mock.close();
});
beforeEach(() => mock.reset());

const ask = (extra: Record<string, unknown> = {}): ChatRequest => ({
  protocol: "openai",
  body: { model: "gpt-client", messages: [{ role: "user", content: "Schrijf een korte groet." }], ...extra },
});

function chunks(events: Awaited<ReturnType<typeof collectStream>>["events"]): OpenAIChatCompletionChunk[] {
  return events.map((event) => event.data as OpenAIChatCompletionChunk);
}

describe("OpenAI adapter", () => {
  it("sends a non-stream request with the bearer key and the routed model, and meters usage", async () => {
    mock.reply({ text: "Goedemiddag!", usage: { input: 21, output: 4 } });
    const result = await openai.chat({ ...ask(), model: "gpt-test" });
    const sent = mock.lastRequest()!;
    expect(sent.path).toBe("/v1/chat/completions");
    expect(sent.headers.authorization).toBe("Bearer sk-test");
    expect(sent.body.model).toBe("gpt-test");
    expect(sent.body.stream).toBe(false);
    expect(result.protocol).toBe("openai");
    expect(result.protocol === "openai" && result.body.choices[0]?.message.content).toBe("Goedemiddag!");
    expect(result.usage).toEqual({ inputTokens: 21, outputTokens: 4 });
  });

  it("passes tools, tool calls and image parts through untouched", async () => {
    mock.reply({ toolCalls: [{ id: "call_1", name: "zoek_klant", arguments: '{"plaats":"Utrecht"}' }] });
    const tools = [{ type: "function", function: { name: "zoek_klant", parameters: { type: "object" } } }];
    const image = { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } };
    const result = await openai.chat({
      protocol: "openai",
      body: {
        model: "gpt-test",
        messages: [{ role: "user", content: [{ type: "text", text: "Wie is dit?" }, image] }],
        tools: tools as never,
        tool_choice: "auto",
      },
    });
    const sent = mock.lastRequest()!.body;
    expect(sent.tools).toEqual(tools);
    expect(sent.messages[0].content[1]).toEqual(image);
    const message = result.protocol === "openai" ? result.body.choices[0]?.message : undefined;
    expect(message?.tool_calls?.[0]?.function).toEqual({ name: "zoek_klant", arguments: '{"plaats":"Utrecht"}' });
  });

  it("always asks upstream for stream usage, meters it and strips it when the client did not ask", async () => {
    mock.reply({ text: ["Hal", "lo ", "daar"], usage: { input: 30, output: 3 } });
    const stream = await openai.chatStream(ask({ stream: true }));
    const { events, sse } = await collectStream(stream);
    expect(mock.lastRequest()!.body.stream_options).toEqual({ include_usage: true });
    expect(streamedText(events)).toBe("Hallo daar");
    expect(chunks(events).every((chunk) => chunk.choices.length > 0 && !("usage" in chunk))).toBe(true);
    expect(sse.endsWith("data: [DONE]\n\n")).toBe(true);
    const summary = await stream.summary();
    expect(summary.usage).toEqual({ inputTokens: 30, outputTokens: 3 });
    expect(summary.stopReason).toBe("stop");
  });

  it("keeps the usage chunk when the client asked for it", async () => {
    mock.reply({ text: "Ja.", usage: { input: 5, output: 1 } });
    const stream = await openai.chatStream(ask({ stream: true, stream_options: { include_usage: true } }));
    const { events } = await collectStream(stream);
    const last = chunks(events).at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage?.total_tokens).toBe(6);
  });

  it("tolerates chunks with empty choices (Azure prompt filter) without passing them on", async () => {
    mock.reply({ text: "Oké", emptyChoicesChunk: true });
    const stream = await openai.chatStream(ask({ stream: true }));
    const { events, error } = await collectStream(stream);
    expect(error).toBeUndefined();
    expect(streamedText(events)).toBe("Oké");
    expect(chunks(events).some((chunk) => chunk.choices.length === 0)).toBe(false);
  });

  it("turns an error that arrives after HTTP 200 into an error event and ends the stream", async () => {
    mock.reply({ text: ["een ", "twee ", "drie"], errorAfterDeltas: 2, errorMessage: "Upstream brak af" });
    const stream = await openai.chatStream(ask({ stream: true }));
    const { events, sse } = await collectStream(stream);
    expect(streamedText(events)).toBe("een twee ");
    expect(events.at(-1)?.data).toEqual({
      error: { message: "Upstream brak af", type: "server_error", param: null, code: null },
    });
    expect(sse).toContain('data: {"error":{"message":"Upstream brak af"');
    expect((await stream.summary()).upstreamError).toEqual({ type: "server_error", message: "Upstream brak af" });
  });

  it("reads events split into 7-byte pieces with CRLF line endings", async () => {
    mock.reply({ text: ["Één ", "euro ", "€ per stuk"], splitBytes: 7, lineEnding: "\r\n" });
    const stream = await openai.chatStream(ask({ stream: true }));
    const { events, error } = await collectStream(stream);
    expect(error).toBeUndefined();
    expect(streamedText(events)).toBe("Één euro € per stuk");
    expect((await stream.summary()).usage).toEqual({ inputTokens: 12, outputTokens: 7 });
  });

  it("streams tool-call deltas in order", async () => {
    mock.reply({ toolCalls: [{ id: "call_9", name: "agenda", arguments: '{"dag":"maandag"}' }] });
    const stream = await openai.chatStream(ask({ stream: true }));
    const { events } = await collectStream(stream);
    const args = chunks(events)
      .flatMap((chunk) => chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []))
      .map((call) => call.function?.arguments ?? "")
      .join("");
    expect(args).toBe('{"dag":"maandag"}');
    expect((await stream.summary()).stopReason).toBe("tool_calls");
  });

  it("rejects a malformed JSON body with a typed error", async () => {
    mock.reply({ raw: { status: 200, headers: { "content-type": "application/json" }, body: "{niet json" } });
    await expect(openai.chat(ask())).rejects.toMatchObject({ status: 502, code: "upstream_malformed_response" });
  });

  it("fails a stream whose event is not JSON with a typed error", async () => {
    mock.reply({ raw: { body: ['data: {"id":"x","choices":[]}\n\n', "data: {kapot\n\n"] } });
    const { error } = await collectStream(await openai.chatStream(ask({ stream: true })));
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: "upstream_malformed_response" });
  });

  it("maps upstream 4xx errors without retrying them", async () => {
    mock.reply({ status: 400, errorMessage: "messages is required" });
    const error = await openai.chat(ask()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: "invalid_request", provider: "openai", retryable: false });
    expect((error as Error).message).toContain("messages is required");
    expect(mock.requests).toHaveLength(1);
  });

  it("lists models and makes embeddings", async () => {
    expect(await openai.listModels!()).toEqual(["gpt-test", "gpt-test-mini"]);
    const embeddings = await openai.embeddings!({ model: "text-embedding-3-small", input: ["a", "b"] });
    expect(embeddings.data).toHaveLength(2);
    expect(mock.lastRequest()!.path).toBe("/v1/embeddings");
  });
});
