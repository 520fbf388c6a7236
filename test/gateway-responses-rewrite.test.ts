import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpstreamClient } from "../src/gateway/providers/http/upstream-client.js";
import { rewriteResponseEvents, rewriteResponseObject } from "../src/gateway/providers/responses/rewrite.js";
import type { ResponsesObject, ResponsesStreamEvent } from "../src/gateway/providers/responses/types.js";
import { ResponsesUpstream } from "../src/gateway/providers/responses/upstream.js";
import { type MockUpstream, startMockUpstream } from "../src/gateway/testing/mock-upstream.js";
import { restore, StreamingRestorer } from "../src/pseudonymize/index.js";

const VALUES: Record<string, string> = { PERSOON_1: "Jan de Vries", EMAIL_1: 'jan"q@voorbeeld.nl' };
const resolver = { resolve: (label: string, digits: string) => VALUES[`${label}_${digits}`] };
const jsonResolver = {
  resolve: (label: string, digits: string) => {
    const value = resolver.resolve(label, digits);
    return value === undefined ? undefined : JSON.stringify(value).slice(1, -1);
  },
};
const rewriting = (suffix?: string) => ({
  create: (kind: "text" | "tool_arguments") => new StreamingRestorer(kind === "text" ? resolver : jsonResolver),
  full: (kind: "text" | "tool_arguments", text: string) => restore(text, kind === "text" ? resolver : jsonResolver),
  suffix,
});

async function collect(events: ResponsesStreamEvent[], suffix?: string): Promise<ResponsesStreamEvent[]> {
  async function* source() {
    yield* events;
  }
  const out: ResponsesStreamEvent[] = [];
  for await (const event of rewriteResponseEvents(source(), rewriting(suffix))) out.push(event);
  return out;
}

describe("rewriteResponseEvents", () => {
  it("restores reasoning summaries and refusals, in deltas and in their closing events", async () => {
    const events = await collect([
      { type: "response.reasoning_summary_text.delta", output_index: 0, summary_index: 0, delta: "Ik schrijf [PERS" },
      { type: "response.reasoning_summary_text.delta", output_index: 0, summary_index: 0, delta: "OON_1] aan." },
      {
        type: "response.reasoning_summary_text.done",
        output_index: 0,
        summary_index: 0,
        text: "Ik schrijf [PERSOON_1] aan.",
      },
      {
        type: "response.reasoning_summary_part.done",
        output_index: 0,
        summary_index: 0,
        part: { type: "summary_text", text: "Ik schrijf [PERSOON_1] aan." },
      },
      { type: "response.refusal.delta", output_index: 1, content_index: 0, delta: "Niet voor [PERSOON_1]" },
      { type: "response.refusal.done", output_index: 1, content_index: 0, refusal: "Niet voor [PERSOON_1]" },
      {
        type: "response.completed",
        response: {
          id: "r",
          object: "response",
          output: [
            { type: "reasoning", id: "rs", summary: [{ type: "summary_text", text: "Ik schrijf [PERSOON_1] aan." }] },
            { type: "message", id: "m", content: [{ type: "refusal", refusal: "Niet voor [PERSOON_1]" }] },
          ],
        },
      },
    ]);
    const summary = events.filter((e) => e.type === "response.reasoning_summary_text.delta").map((e) => e.delta);
    expect(summary.join("")).toBe("Ik schrijf Jan de Vries aan.");
    for (const delta of summary) expect(delta).not.toContain("[");
    expect(events.find((e) => e.type === "response.reasoning_summary_text.done")?.text).toBe(
      "Ik schrijf Jan de Vries aan.",
    );
    expect(events.find((e) => e.type === "response.reasoning_summary_part.done")?.part).toMatchObject({
      text: "Ik schrijf Jan de Vries aan.",
    });
    expect(events.find((e) => e.type === "response.refusal.done")?.refusal).toBe("Niet voor Jan de Vries");
    const completed = events.at(-1)?.response as ResponsesObject;
    expect(completed.output[0]?.summary).toEqual([{ type: "summary_text", text: "Ik schrijf Jan de Vries aan." }]);
    expect(completed.output[1]?.content?.[0]?.refusal).toBe("Niet voor Jan de Vries");
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
  });

  it("hands over held text of a stream cut short, and escapes values inside tool arguments", async () => {
    const events = await collect([
      { type: "response.function_call_arguments.delta", output_index: 0, delta: '{"aan":"[EMAIL_1]"}' },
      { type: "response.output_text.delta", output_index: 1, content_index: 0, delta: "Groet aan [PERSOON_" },
    ]);
    const args = events.filter((e) => e.type === "response.function_call_arguments.delta").map((e) => e.delta);
    expect(JSON.parse(args.join(""))).toEqual({ aan: 'jan"q@voorbeeld.nl' });
    const text = events.filter((e) => e.type === "response.output_text.delta").map((e) => e.delta);
    // The unfinished placeholder is passed on as it was: nothing is lost, nothing is guessed.
    expect(text.join("")).toBe("Groet aan [PERSOON_");
  });

  it("restores a complete response and adds the disclosure to answer text only", () => {
    const out = rewriteResponseObject(
      {
        id: "r",
        object: "response",
        instructions: "Schrijf aan [PERSOON_1].",
        output: [
          { type: "message", content: [{ type: "output_text", text: "Hallo [PERSOON_1]" }] },
          { type: "function_call", arguments: '{"aan":"[EMAIL_1]"}' },
        ],
      },
      rewriting("\n\nAI"),
    );
    expect(out.instructions).toBe("Schrijf aan Jan de Vries.");
    expect(out.output[0]?.content?.[0]?.text).toBe("Hallo Jan de Vries\n\nAI");
    expect(JSON.parse(out.output[1]?.arguments ?? "")).toEqual({ aan: 'jan"q@voorbeeld.nl' });
  });
});

describe("ResponsesUpstream", () => {
  let mock: MockUpstream;
  const http = new UpstreamClient();
  beforeAll(async () => {
    mock = await startMockUpstream();
  });
  afterAll(async () => {
    await http.close();
    await mock.close();
  });

  it("calls Azure's v1 Responses path with the deployment as model and the api-key header, store:false", async () => {
    const upstream = new ResponsesUpstream(
      [
        {
          id: "azure",
          type: "azure-openai",
          baseUrl: `${mock.url}/openai`,
          apiKey: "azure-key",
          deployments: { "gpt-4.1": "prod-gpt41" },
          maxRetries: 0,
        },
        { id: "mistral", type: "mistral", baseUrl: mock.url },
      ],
      http,
    );
    expect(upstream.supports("azure")).toBe(true);
    expect(upstream.supports("mistral")).toBe(false);
    mock.reply({ text: "Hoi", usage: { input: 5, output: 2 } });
    const result = await upstream.create("azure", "gpt-4.1", { model: "gpt-4.1", input: "Hallo", store: true });
    const request = mock.lastRequest();
    expect(request?.path).toBe("/openai/v1/responses");
    expect(request?.headers["api-key"]).toBe("azure-key");
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toMatchObject({ model: "prod-gpt41", store: false, stream: false });
    expect(result.usage).toEqual({ inputTokens: 5, outputTokens: 2, cacheReadTokens: 0 });
  });

  it("meters a stream from its final response event, and reports a malformed stream", async () => {
    const upstream = new ResponsesUpstream(
      [{ id: "openai", type: "openai", baseUrl: `${mock.url}/v1`, maxRetries: 0 }],
      http,
    );
    mock.reply({ text: ["a", "b"], usage: { input: 8, output: 3 } });
    const stream = await upstream.stream("openai", "gpt-4.1", { model: "gpt-4.1", input: "x" });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe("response.completed");
    expect(stream.summary()).toEqual({
      usage: { inputTokens: 8, outputTokens: 3, cacheReadTokens: 0 },
      upstreamError: false,
    });

    mock.reply({ raw: { body: "event: x\ndata: {niet json\n\n" } });
    const broken = await upstream.stream("openai", "gpt-4.1", { model: "gpt-4.1", input: "x" });
    await expect(
      (async () => {
        for await (const _ of broken) {
          // drain
        }
      })(),
    ).rejects.toMatchObject({ code: "upstream_malformed_response" });
  });
});
