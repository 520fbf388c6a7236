import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collectStream, streamedText } from "../../testing/collect.js";
import { type MockUpstream, startMockUpstream } from "../../testing/mock-upstream.js";
import { createProviderAdapter } from "../create.js";
import { UpstreamClient } from "../http/upstream-client.js";
import type { ChatRequest, ProviderAdapter } from "../types.js";
import type { AnthropicStreamEvent } from "./types.js";

let mock: MockUpstream;
let http: UpstreamClient;
let anthropic: ProviderAdapter;

beforeAll(async () => {
  mock = await startMockUpstream({ models: ["claude-test"] });
  http = new UpstreamClient({ baseBackoffMs: 1 });
  anthropic = createProviderAdapter(
    {
      id: "anthropic",
      type: "anthropic",
      baseUrl: mock.url,
      apiKey: "sk-ant-test",
      headers: { "anthropic-beta": "x" },
    },
    { http },
  );
});
afterAll(async () => {
  await http.close();
  await mock.close();
});
beforeEach(() => mock.reset());

const ask = (extra: Record<string, unknown> = {}): ChatRequest => ({
  protocol: "anthropic",
  body: {
    model: "claude-test",
    max_tokens: 256,
    system: "Je bent een behulpzame assistent.",
    messages: [{ role: "user", content: "Vat de offerte samen." }],
    ...extra,
  },
});

describe("Anthropic adapter", () => {
  it("posts to /v1/messages with x-api-key and anthropic-version, and meters usage", async () => {
    mock.reply({ text: "Samenvatting.", usage: { input: 40, output: 9 } });
    const result = await anthropic.chat(ask());
    const sent = mock.lastRequest()!;
    expect(sent.path).toBe("/v1/messages");
    expect(sent.headers["x-api-key"]).toBe("sk-ant-test");
    expect(sent.headers["anthropic-version"]).toBe("2023-06-01");
    expect(sent.headers["anthropic-beta"]).toBe("x");
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body.system).toBe("Je bent een behulpzame assistent.");
    expect(sent.body.stream).toBeUndefined();
    expect(result.protocol === "anthropic" && result.body.content).toEqual([{ type: "text", text: "Samenvatting." }]);
    expect(result.usage).toEqual({ inputTokens: 40, outputTokens: 9 });
  });

  it("passes the event stream through byte for byte, ping, thinking and signature included", async () => {
    mock.reply({
      text: ["Eerst ", "dit, ", "dan dat."],
      thinking: { text: "De klant vraagt om een samenvatting.", signature: "EqQBCkYIARgCIkC0c2lnbmF0dXJl" },
      ping: true,
      usage: { input: 50, output: 14 },
    });
    const stream = await anthropic.chatStream(ask({ stream: true }));
    const { events, sse, error } = await collectStream(stream);
    expect(error).toBeUndefined();
    expect(sse).toBe(mock.lastRequest()!.responseText);
    const types = events.map((event) => (event.data as AnthropicStreamEvent).type);
    expect(types.slice(0, 3)).toEqual(["message_start", "ping", "content_block_start"]);
    expect(types.slice(-2)).toEqual(["message_delta", "message_stop"]);
    const signature = events
      .map((event) => event.data as AnthropicStreamEvent)
      .find((event) => event.type === "content_block_delta" && event.delta.type === "signature_delta");
    expect(signature).toEqual({
      type: "content_block_delta",
      index: 0,
      delta: { type: "signature_delta", signature: "EqQBCkYIARgCIkC0c2lnbmF0dXJl" },
    });
    expect(streamedText(events)).toBe("Eerst dit, dan dat.");
    const summary = await stream.summary();
    expect(summary.usage).toEqual({ inputTokens: 50, outputTokens: 14 });
    expect(summary.stopReason).toBe("end_turn");
  });

  it("stays byte-exact with CRLF input cut into 5-byte pieces (re-framed with LF)", async () => {
    mock.reply({ text: ["Prijs: ", "€ 1.250,-"], splitBytes: 5, lineEnding: "\r\n" });
    const stream = await anthropic.chatStream(ask({ stream: true }));
    const { sse } = await collectStream(stream);
    expect(sse).toBe(mock.lastRequest()!.responseText.replaceAll("\r\n", "\n"));
  });

  it("passes an error event after HTTP 200 on and records it", async () => {
    mock.reply({ text: ["a", "b", "c"], errorAfterDeltas: 1, errorMessage: "Overbelast" });
    const stream = await anthropic.chatStream(ask({ stream: true }));
    const { events, sse } = await collectStream(stream);
    expect(events.at(-1)?.data).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overbelast" } });
    expect(sse).toBe(mock.lastRequest()!.responseText);
    const summary = await stream.summary();
    expect(summary.upstreamError).toEqual({ type: "overloaded_error", message: "Overbelast" });
    expect(summary.usage?.inputTokens).toBe(12);
  });

  it("streams tool use with input_json_delta", async () => {
    mock.reply({ toolCalls: [{ id: "toolu_01", name: "plan_afspraak", arguments: '{"datum":"2026-03-02"}' }] });
    const { events } = await collectStream(await anthropic.chatStream(ask({ stream: true })));
    const json = events
      .map((event) => event.data as AnthropicStreamEvent)
      .flatMap((event) =>
        event.type === "content_block_delta" && event.delta.type === "input_json_delta"
          ? [event.delta.partial_json]
          : [],
      )
      .join("");
    expect(json).toBe('{"datum":"2026-03-02"}');
  });

  it("maps 429 and 529 to typed errors with Anthropic-style bodies upstream", async () => {
    mock.reply({ status: 529, errorMessage: "Overloaded" });
    const error = await createProviderAdapter(
      { id: "a0", type: "anthropic", baseUrl: `${mock.url}/v1`, maxRetries: 0 },
      { http },
    )
      .chat(ask())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 529, code: "upstream_overloaded", retryable: true });
    expect(mock.lastRequest()!.path).toBe("/v1/messages");
  });

  it("lists models", async () => {
    expect(await anthropic.listModels!()).toEqual(["claude-test"]);
  });
});
