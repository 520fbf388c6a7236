import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseSseText, post, type Setup, setup, streamedText } from "./gateway-harness.js";

// EU AI Act art. 50: with disclosure.line configured, every answer a person reads ends with it,
// streamed or not, in every protocol.
const LINE = "Dit antwoord is gemaakt met AI.";
const SUFFIX = `\n\n${LINE}`;
const NAME = "Pieter van Dijk";
const PROMPT = `Schrijf een groet aan ${NAME}.`;

let s: Setup;

beforeAll(async () => {
  s = await setup(`disclosure:\n  line: "${LINE}"\n`);
});
afterAll(async () => {
  await s.close();
});
beforeEach(() => {
  s.upstream.reset();
});

function responses(body: unknown): Promise<Response> {
  return fetch(`${s.instance.url}/v1/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${s.key}` },
    body: JSON.stringify(body),
  });
}

describe("disclosure line", () => {
  it("OpenAI chat stream: one extra delta after the restored text, before the finish chunk", async () => {
    s.upstream.reply({ text: ["Hallo [PERS", "OON_1]!"] });
    const response = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      stream: true,
      messages: [{ role: "user", content: PROMPT }],
    });
    const events = parseSseText(await response.text());
    expect(streamedText(events)).toBe(`Hallo ${NAME}!${SUFFIX}`);
    const chunks = events
      .filter((e) => e.data !== "[DONE]")
      .map((e) => e.data as { choices: Array<{ delta: { content?: string }; finish_reason: string | null }> });
    const finish = chunks.findIndex((c) => c.choices.some((choice) => choice.finish_reason === "stop"));
    const line = chunks.findIndex((c) => c.choices.some((choice) => choice.delta.content === SUFFIX));
    expect(line).toBeGreaterThan(0);
    expect(finish).toBe(line + 1);
    expect(events.at(-1)?.data).toBe("[DONE]");
  });

  it("OpenAI chat: non-streamed and streamed answers end the same", async () => {
    s.upstream.reply({ text: "Hallo [PERSOON_1]!" });
    const plain = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: PROMPT }],
    });
    const body = (await plain.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]?.message.content).toBe(`Hallo ${NAME}!${SUFFIX}`);
  });

  it("no line in a stream that only calls a tool", async () => {
    s.upstream.reply({ toolCalls: [{ id: "call_1", name: "zoek", arguments: '{"q":"x"}' }] });
    const response = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      stream: true,
      messages: [{ role: "user", content: "Zoek iets" }],
      tools: [{ type: "function", function: { name: "zoek", parameters: { type: "object" } } }],
    });
    expect(await response.text()).not.toContain(LINE);
  });

  it("Anthropic stream: an extra text_delta in the last text block, before its content_block_stop", async () => {
    s.upstream.reply({ text: ["Hallo [PERSOON", "_1]!"], thinking: { text: "Even nadenken.", signature: "sig-1" } });
    const response = await post(s, "/v1/messages", {
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      stream: true,
      messages: [{ role: "user", content: PROMPT }],
    });
    const events = parseSseText(await response.text());
    expect(streamedText(events)).toBe(`Hallo ${NAME}!${SUFFIX}`);
    const types = events.map((e) => e.event);
    // The sequence stays valid: start, deltas, the line, stop, message_delta, message_stop.
    const lineAt = events.findIndex((e) => (e.data as { delta?: { text?: string } }).delta?.text === SUFFIX);
    expect(types[lineAt + 1]).toBe("content_block_stop");
    expect(events[lineAt]?.data).toMatchObject({ index: 1 });
    expect(types.slice(-2)).toEqual(["message_delta", "message_stop"]);
    // The thinking block is untouched.
    expect(JSON.stringify(events)).toContain("sig-1");
  });

  it("Anthropic client of an OpenAI model: the translated stream gets the line too", async () => {
    s.upstream.reply({ text: ["Hallo ", "[PERSOON_1]!"] });
    const response = await post(s, "/v1/messages", {
      model: "gpt-4.1",
      max_tokens: 100,
      stream: true,
      messages: [{ role: "user", content: PROMPT }],
    });
    expect(streamedText(parseSseText(await response.text()))).toBe(`Hallo ${NAME}!${SUFFIX}`);
  });

  // An Anthropic model answers the Responses API through translation; its thinking is left out.
  it.each([
    ["gpt-4.1", undefined],
    ["claude-sonnet-4-5", { text: "Even nadenken.", signature: "sig-1" }],
  ])(
    "Responses API (%s): streamed deltas, closing events and the non-streamed answer all end with the line",
    async (model, thinking) => {
      s.upstream.reply(
        { text: ["Hallo [PERSOON", "_1]!"], ...(thinking ? { thinking } : {}) },
        { text: "Hallo [PERSOON_1]!", ...(thinking ? { thinking } : {}) },
      );
      const streamed = await responses({ model, input: PROMPT, stream: true });
      const events = parseSseText(await streamed.text()).map((e) => e.data as Record<string, unknown>);
      const expected = `Hallo ${NAME}!${SUFFIX}`;
      const deltas = events.filter((e) => e.type === "response.output_text.delta").map((e) => e.delta);
      expect(deltas.join("")).toBe(expected);
      expect(deltas.at(-1)).toBe(SUFFIX);
      expect(events.find((e) => e.type === "response.output_text.done")?.text).toBe(expected);
      const completed = events.find((e) => e.type === "response.completed") as {
        response: { output: Array<{ content: Array<{ text: string }> }> };
      };
      expect(completed.response.output[0]?.content[0]?.text).toBe(expected);

      const plain = await responses({ model, input: PROMPT });
      const body = (await plain.json()) as { output: Array<{ content: Array<{ text: string }> }> };
      expect(body.output).toHaveLength(1);
      expect(body.output[0]?.content[0]?.text).toBe(expected);
    },
  );

  it("leaves structured output (JSON mode, JSON schema) without the line, so it stays valid JSON", async () => {
    const json = '{"groet":"Hallo [PERSOON_1]"}';
    s.upstream.reply(
      { text: json },
      { text: ['{"groet":"Hallo [PERS', 'OON_1]"}'] },
      { text: ['{"groet":', '"Hallo [PERSOON_1]"}'] },
    );
    const plain = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      response_format: { type: "json_object" },
      messages: [{ role: "user", content: PROMPT }],
    });
    const body = (await plain.json()) as { choices: Array<{ message: { content: string } }> };
    expect(JSON.parse(body.choices[0]?.message.content ?? "")).toEqual({ groet: `Hallo ${NAME}` });

    const streamed = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      stream: true,
      response_format: { type: "json_schema", json_schema: { name: "groet", schema: { type: "object" } } },
      messages: [{ role: "user", content: PROMPT }],
    });
    expect(JSON.parse(streamedText(parseSseText(await streamed.text())))).toEqual({ groet: `Hallo ${NAME}` });

    const responsesStream = await responses({
      model: "gpt-4.1",
      input: PROMPT,
      stream: true,
      text: { format: { type: "json_schema", name: "groet", schema: { type: "object" } } },
    });
    const events = parseSseText(await responsesStream.text()).map((e) => e.data as Record<string, unknown>);
    const done = events.find((e) => e.type === "response.output_text.done")?.text as string;
    expect(JSON.parse(done)).toEqual({ groet: `Hallo ${NAME}` });
  });
});
