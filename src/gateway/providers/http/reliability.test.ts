import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collectStream } from "../../testing/collect.js";
import { type MockUpstream, startMockUpstream } from "../../testing/mock-upstream.js";
import { createProviderAdapter } from "../create.js";
import { GatewayError } from "../errors.js";
import { chatStreamWithFallback, chatWithFallback } from "../fallback.js";
import type { ChatRequest, ProviderConfig } from "../types.js";
import { parseRetryAfterMs } from "./retry-after.js";
import { UpstreamClient } from "./upstream-client.js";

let mock: MockUpstream;
let http: UpstreamClient;

beforeAll(async () => {
  mock = await startMockUpstream();
  http = new UpstreamClient({ baseBackoffMs: 1, maxRetryAfterMs: 1500, connectTimeoutMs: 1000 });
});
afterAll(async () => {
  await http.close();
  await mock.close();
});
beforeEach(() => mock.reset());

const adapter = (extra: Partial<ProviderConfig> = {}) =>
  createProviderAdapter(
    { id: "up", type: "openai", baseUrl: `${mock.url}/v1`, apiKey: "k", maxRetries: 2, ...extra },
    { http },
  );

const ask = (stream = false): ChatRequest => ({
  protocol: "openai",
  body: { model: "m", messages: [{ role: "user", content: "Hoi" }], stream },
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("timeouts", () => {
  it("gives up on an upstream that never answers, with a 504", async () => {
    mock.reply({ hang: true });
    const error = await adapter({ maxRetries: 0 })
      .chat(ask(), { timeoutMs: 150 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status: 504, code: "upstream_timeout" });
  });

  it("ends a stream that falls silent, with a typed error and no second request", async () => {
    mock.reply({ text: ["eerste", "tweede"], neverEnd: "silent" });
    const stream = await adapter().chatStream(ask(true), { timeoutMs: 200 });
    const { events, error } = await collectStream(stream);
    expect(events.length).toBeGreaterThan(0);
    expect(error).toMatchObject({ code: "upstream_timeout" });
    expect(mock.requests).toHaveLength(1);
  });
});

describe("cancellation", () => {
  it("closes the upstream connection when the client goes away mid-stream", async () => {
    mock.reply({ text: "begin", neverEnd: "trickle", chunkDelayMs: 5 });
    const controller = new AbortController();
    const stream = await adapter().chatStream(ask(true), { signal: controller.signal });
    let seen = 0;
    const reading = (async () => {
      for await (const _event of stream) {
        seen++;
        if (seen === 5) controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ code: "client_closed" });
    const upstream = mock.lastRequest()!;
    await upstream.finished;
    expect(upstream.closedByClient).toBe(true);
    expect(await stream.summary()).toMatchObject({ provider: "up" });
  });

  it("closes the upstream connection when the consumer stops reading", async () => {
    mock.reply({ text: "begin", neverEnd: "trickle", chunkDelayMs: 5 });
    const stream = await adapter().chatStream(ask(true));
    for await (const _event of stream) break;
    const upstream = mock.lastRequest()!;
    await upstream.finished;
    expect(upstream.closedByClient).toBe(true);
  });

  it("aborts before the answer arrives", async () => {
    mock.reply({ hang: true });
    const controller = new AbortController();
    const pending = adapter().chat(ask(), { signal: controller.signal });
    await mock.waitForRequests(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ status: 499, code: "client_closed" });
    await mock.lastRequest()!.finished;
    expect(mock.lastRequest()!.closedByClient).toBe(true);
  });
});

describe("retries", () => {
  it("retries a 429 after the Retry-After it was given", async () => {
    mock.reply({ status: 429, headers: { "retry-after": "0" } }, { text: "Toch gelukt" });
    const result = await adapter().chat(ask());
    expect(mock.requests).toHaveLength(2);
    expect(result.protocol === "openai" && result.body.choices[0]?.message.content).toBe("Toch gelukt");
  });

  it("retries a 503 with backoff, at most maxRetries times", async () => {
    mock.reply({ status: 503 }, { status: 503 }, { status: 503 }, { text: "te laat" });
    const error = await adapter({ maxRetries: 2 })
      .chat(ask())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: "upstream_unavailable", retryable: true });
    expect(mock.requests).toHaveLength(3);
  });

  it("does not wait for a Retry-After beyond the cap and tells the client when to come back", async () => {
    mock.reply({ status: 429, headers: { "retry-after": "120" } });
    const error = await adapter()
      .chat(ask())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 120 });
    expect(mock.requests).toHaveLength(1);
  });

  it("never retries a 500 (the request may have been processed)", async () => {
    mock.reply({ status: 500 }, { text: "niet gevraagd" });
    await expect(adapter().chat(ask())).rejects.toMatchObject({ status: 502, code: "upstream_error" });
    expect(mock.requests).toHaveLength(1);
  });

  it("retries a refused connection, then reports it", async () => {
    const port = await closedPort();
    const refused = createProviderAdapter(
      { id: "weg", type: "openai-compatible", baseUrl: `http://127.0.0.1:${port}/v1`, maxRetries: 1 },
      { http },
    );
    await expect(refused.chat(ask())).rejects.toMatchObject({
      status: 502,
      code: "upstream_connection_failed",
      retryable: true,
    });
  });

  it("does not retry once a stream has begun, even when it breaks", async () => {
    mock.reply({
      raw: {
        body: [
          'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"half"},"finish_reason":null}]}\n\n',
          "data: {afgebr",
        ],
      },
    });
    const { events, error } = await collectStream(await adapter().chatStream(ask(true)));
    expect(events).toHaveLength(1);
    expect(error).toMatchObject({ code: "upstream_malformed_response" });
    expect(mock.requests).toHaveLength(1);
  });

  it("parses Retry-After in seconds, milliseconds and as an HTTP date", () => {
    expect(parseRetryAfterMs({ "retry-after": "3" })).toBe(3000);
    expect(parseRetryAfterMs({ "retry-after-ms": "250", "retry-after": "3" })).toBe(250);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfterMs({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }, now)).toBe(5000);
    expect(parseRetryAfterMs({ "retry-after": "straks" })).toBeUndefined();
  });
});

describe("fallback", () => {
  it("tries the next model after a retryable failure and reports the skipped one", async () => {
    mock.reply({ status: 503 }, { text: "van reserve" });
    const first = adapter({ id: "primair", maxRetries: 0 });
    const second = adapter({ id: "reserve", maxRetries: 0 });
    const skipped: string[] = [];
    const result = await chatWithFallback(
      [
        { adapter: first, model: "groot" },
        { adapter: second, model: "klein" },
      ],
      ask(),
      {},
      { onFallback: ({ target, error }) => skipped.push(`${target.adapter.id}:${error.status}`) },
    );
    expect(result.provider).toBe("reserve");
    expect(result.model).toBe("klein");
    expect(mock.requests.map((request) => request.body.model)).toEqual(["groot", "klein"]);
    expect(skipped).toEqual(["primair:503"]);
  });

  it("stops at a request error: another model would refuse it too", async () => {
    mock.reply({ status: 400 }, { text: "niet bereikt" });
    const targets = [
      { adapter: adapter({ maxRetries: 0 }), model: "a" },
      { adapter: adapter({ maxRetries: 0 }), model: "b" },
    ];
    await expect(chatWithFallback(targets, ask())).rejects.toMatchObject({ status: 400 });
    expect(mock.requests).toHaveLength(1);
  });

  it("falls back for streams before the first byte only", async () => {
    mock.reply({ status: 429, headers: { "retry-after": "999" } }, { text: ["re", "serve"] });
    const targets = [
      { adapter: adapter({ maxRetries: 0 }), model: "a" },
      { adapter: adapter({ maxRetries: 0 }), model: "b" },
    ];
    const stream = await chatStreamWithFallback(targets, ask(true));
    expect(stream.model).toBe("b");
    const { error } = await collectStream(stream);
    expect(error).toBeUndefined();
  });
});
