import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collectStream, streamedText } from "../testing/collect.js";
import { type MockUpstream, startMockUpstream } from "../testing/mock-upstream.js";
import { createProviderAdapter, createProviderAdapters } from "./create.js";
import { UpstreamClient } from "./http/upstream-client.js";
import { mistralToolCallId } from "./mistral/adapter.js";
import type { OpenAIChatCompletionChunk } from "./openai/types.js";
import type { ChatRequest } from "./types.js";

let mock: MockUpstream;
let http: UpstreamClient;

beforeAll(async () => {
  mock = await startMockUpstream();
  http = new UpstreamClient();
});
afterAll(async () => {
  await http.close();
  await mock.close();
});
beforeEach(() => mock.reset());

const ask = (extra: Record<string, unknown> = {}): ChatRequest => ({
  protocol: "openai",
  body: { model: "gpt-4.1", messages: [{ role: "user", content: "Hoi" }], ...extra },
});

describe("Azure OpenAI", () => {
  const azure = () =>
    createProviderAdapter(
      {
        id: "azure",
        type: "azure-openai",
        baseUrl: `${mock.url}/openai/`,
        apiKey: "az-key",
        apiVersion: "2024-10-21",
        deployments: { "gpt-4.1": "prod-gpt41" },
      },
      { http },
    );

  it("calls the deployment URL with api-version and an api-key header", async () => {
    await azure().chat(ask());
    const sent = mock.lastRequest()!;
    expect(sent.path).toBe("/openai/deployments/prod-gpt41/chat/completions");
    expect(sent.query.get("api-version")).toBe("2024-10-21");
    expect(sent.headers["api-key"]).toBe("az-key");
    expect(sent.headers.authorization).toBeUndefined();
  });

  it("streams with usage requested, and uses the model name as deployment when none is mapped", async () => {
    mock.reply({ text: ["a", "b"], emptyChoicesChunk: true, usage: { input: 3, output: 2 } });
    const stream = await azure().chatStream({ ...ask({ stream: true }), model: "gpt-4o" });
    const { events } = await collectStream(stream);
    expect(mock.lastRequest()!.path).toBe("/openai/deployments/gpt-4o/chat/completions");
    expect(mock.lastRequest()!.body.stream_options).toEqual({ include_usage: true });
    expect(streamedText(events)).toBe("ab");
    expect((await stream.summary()).usage).toEqual({ inputTokens: 3, outputTokens: 2 });
  });

  it("requires a resource URL", () => {
    expect(() => createProviderAdapter({ id: "az", type: "azure-openai" }, { http })).toThrow(/baseUrl/);
  });
});

describe("Mistral", () => {
  const mistral = () =>
    createProviderAdapter({ id: "mistral", type: "mistral", baseUrl: `${mock.url}/v1`, apiKey: "m-key" }, { http });

  it("adapts the body to Mistral's API", async () => {
    await mistral().chat(
      ask({
        max_completion_tokens: 50,
        seed: 7,
        user: "u1",
        tool_choice: "required",
        tools: [{ type: "function", function: { name: "f", parameters: { type: "object" } } }],
        messages: [
          { role: "user", content: "Hoi" },
          {
            role: "assistant",
            content: null,
            tool_calls: [{ id: "call_abc123xyz_long", type: "function", function: { name: "f", arguments: "{}" } }],
          },
          { role: "tool", tool_call_id: "call_abc123xyz_long", content: "ok" },
        ],
      }),
    );
    const body = mock.lastRequest()!.body;
    expect(mock.lastRequest()!.headers.authorization).toBe("Bearer m-key");
    expect(body.max_tokens).toBe(50);
    expect(body.max_completion_tokens).toBeUndefined();
    expect(body.random_seed).toBe(7);
    expect(body.seed).toBeUndefined();
    expect(body.user).toBeUndefined();
    expect(body.tool_choice).toBe("any");
    const id = body.messages[1].tool_calls[0].id;
    expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(body.messages[2].tool_call_id).toBe(id);
  });

  it("does not send stream_options and meters the usage Mistral puts in its last chunk", async () => {
    mock.reply({ text: ["Bon", "jour"], usageInFinalChunk: true, usage: { input: 6, output: 2 } });
    const stream = await mistral().chatStream(ask({ stream: true }));
    const { events } = await collectStream(stream);
    expect(mock.lastRequest()!.body.stream_options).toBeUndefined();
    expect(streamedText(events)).toBe("Bonjour");
    expect(events.some((event) => "usage" in (event.data as OpenAIChatCompletionChunk))).toBe(false);
    expect((await stream.summary()).usage).toEqual({ inputTokens: 6, outputTokens: 2 });
  });

  it("maps tool-call ids stably and keeps valid ones", () => {
    expect(mistralToolCallId("toolu_01ABC")).toBe(mistralToolCallId("toolu_01ABC"));
    expect(mistralToolCallId("toolu_01ABC")).not.toBe(mistralToolCallId("toolu_01ABD"));
    expect(mistralToolCallId("Ab3dE6gH9")).toBe("Ab3dE6gH9");
  });
});

describe("OpenAI-compatible servers", () => {
  it("needs no key and sends no authorization header", async () => {
    const local = createProviderAdapter(
      { id: "lokaal", type: "openai-compatible", baseUrl: `${mock.url}/v1/` },
      { http },
    );
    const result = await local.chat({ ...ask(), model: "llama3.1:8b" });
    expect(mock.lastRequest()!.headers.authorization).toBeUndefined();
    expect(mock.lastRequest()!.path).toBe("/v1/chat/completions");
    expect(result.model).toBe("llama3.1:8b");
  });

  it("leaves usage undefined when the server does not report it", async () => {
    const payload = (content: string, finish: string | null) =>
      `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "l", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
    mock.reply({ raw: { body: [payload("ok", null), payload("", "stop"), "data: [DONE]\n\n"] } });
    const local = createProviderAdapter(
      { id: "lokaal", type: "openai-compatible", baseUrl: `${mock.url}/v1` },
      { http },
    );
    const stream = await local.chatStream(ask({ stream: true }));
    const { events } = await collectStream(stream);
    expect(streamedText(events)).toBe("ok");
    expect((await stream.summary()).usage).toBeUndefined();
  });
});

describe("createProviderAdapters", () => {
  it("builds one adapter per id and refuses duplicates", () => {
    const adapters = createProviderAdapters(
      [
        { id: "openai", type: "openai", apiKey: "k" },
        { id: "claude", type: "anthropic", apiKey: "k" },
      ],
      { http },
    );
    expect([...adapters.keys()]).toEqual(["openai", "claude"]);
    expect(adapters.get("claude")?.protocol).toBe("anthropic");
    expect(() =>
      createProviderAdapters(
        [
          { id: "x", type: "openai" },
          { id: "x", type: "mistral" },
        ],
        { http },
      ),
    ).toThrow(/twice/);
  });
});
