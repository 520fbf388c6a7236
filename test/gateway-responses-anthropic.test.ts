import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UpstreamClient } from "../src/gateway/providers/http/upstream-client.js";
import { ResponsesUpstream } from "../src/gateway/providers/responses/upstream.js";
import { parseSseText, type Setup, setup } from "./gateway-harness.js";

// Made-up personal data; the assertions check that none of it reaches the upstream.
const NAME = "Pieter van Dijk";
const EMAIL = "pieter.vandijk@voorbeeld.nl";
const PHONE = "06-12345678";
const PROMPT = `Stel een mail op aan ${NAME} (${EMAIL}, ${PHONE}) over de factuur.`;
const PLANTED = [NAME, "van Dijk", EMAIL, PHONE, "12345678"];
const MODEL = "claude-sonnet-4-5";

function expectNoPersonalData(text: string): void {
  for (const value of PLANTED) expect(text).not.toContain(value);
}

function postResponses(s: Setup, body: unknown): Promise<Response> {
  return fetch(`${s.instance.url}/v1/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${s.key}` },
    body: JSON.stringify(body),
  });
}

async function lastAudit(s: Setup) {
  await s.instance.gateway.gateway.idle();
  await s.instance.gateway.accounting.audit.flush();
  const records = await s.instance.gateway.accounting.auditLog.query({ limit: 100_000 });
  return records[records.length - 1];
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary event fields
type Data = any;

async function events(response: Response): Promise<Data[]> {
  return parseSseText(await response.text()).map((e) => {
    expect(e.event).toBe((e.data as Data).type);
    return e.data as Data;
  });
}

let s: Setup;

beforeAll(async () => {
  s = await setup();
});
afterAll(async () => {
  await s.close();
});
beforeEach(() => {
  s.upstream.reset();
});

describe("POST /v1/responses with an Anthropic model, not streamed", () => {
  it("translates to the Messages API, pseudonymises, restores the answer and meters Anthropic usage", async () => {
    s.upstream.reply({ text: "Beste [PERSOON_1], we mailen naar [EMAIL_1].", usage: { input: 40, output: 9 } });
    const response = await postResponses(s, {
      model: MODEL,
      instructions: `Onderteken namens de klant ${NAME}.`,
      input: PROMPT,
      max_output_tokens: 300,
      temperature: 1.5,
      store: true,
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.object).toBe("response");
    expect(body.status).toBe("completed");
    expect(body.store).toBe(false);
    expect(body.output).toHaveLength(1);
    expect(body.output[0]).toMatchObject({ type: "message", role: "assistant", status: "completed" });
    expect(body.output[0].content[0]).toMatchObject({
      type: "output_text",
      text: `Beste ${NAME}, we mailen naar ${EMAIL}.`,
    });
    expect(body.instructions).toBe(`Onderteken namens de klant ${NAME}.`);
    expect(body.usage).toMatchObject({ input_tokens: 40, output_tokens: 9, total_tokens: 49 });
    expect(response.headers.get("x-poortwachter-model")).toBe(MODEL);
    expect(response.headers.get("x-poortwachter-store")).toBe("false");

    const recorded = s.upstream.lastRequest();
    expect(recorded?.path).toBe("/anthropic/v1/messages");
    expect(recorded?.headers["x-api-key"]).toBe("sk-upstream-anthropic");
    expect(recorded?.body).toMatchObject({ model: MODEL, max_tokens: 300, temperature: 1 });
    expect(recorded?.body.system).toContain("[PERSOON_1]");
    expect(recorded?.body.messages).toEqual([{ role: "user", content: expect.stringContaining("[EMAIL_1]") }]);
    // Responses-only fields do not go to Anthropic.
    for (const key of ["store", "input", "instructions", "max_output_tokens"])
      expect(recorded?.body).not.toHaveProperty(key);
    expectNoPersonalData(recorded?.bodyText ?? "");

    const audit = await lastAudit(s);
    expect(audit?.endpoint).toBe("/v1/responses");
    expect(audit?.provider).toBe("anthropic");
    expect(audit?.tokensIn).toBe(40);
    expect(audit?.tokensOut).toBe(9);
    expect(audit?.costMicros).toBeGreaterThan(0);
  });

  it("translates function calls and their output, and restores the arguments of a new call as JSON", async () => {
    s.upstream.reply({
      toolCalls: [{ id: "toolu_2", name: "stuur_mail", arguments: '{"aan":"[EMAIL_1]","naam":"[PERSOON_1]"}' }],
    });
    const response = await postResponses(s, {
      model: MODEL,
      input: [
        { role: "developer", content: "Gebruik de tools." },
        { role: "user", content: [{ type: "input_text", text: PROMPT }] },
        { type: "function_call", call_id: "call_1", name: "zoek_klant", arguments: JSON.stringify({ naam: NAME }) },
        { type: "function_call_output", call_id: "call_1", output: `Gevonden: ${EMAIL}` },
      ],
      tools: [
        { type: "function", name: "zoek_klant", description: "Zoekt", parameters: { type: "object" } },
        { type: "function", name: "stuur_mail", parameters: { type: "object" } },
      ],
      tool_choice: "required",
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    const call = body.output.find((item: Data) => item.type === "function_call");
    expect(call).toMatchObject({ call_id: "toolu_2", name: "stuur_mail", status: "completed" });
    expect(JSON.parse(call.arguments)).toEqual({ aan: EMAIL, naam: NAME });

    const sent = s.upstream.lastRequest()?.body;
    expect(sent.system).toBe("Gebruik de tools.");
    expect(sent.tools).toEqual([
      { name: "zoek_klant", description: "Zoekt", input_schema: { type: "object" } },
      { name: "stuur_mail", input_schema: { type: "object" } },
    ]);
    expect(sent.tool_choice).toEqual({ type: "any" });
    expect(sent.messages.map((m: Data) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(sent.messages[1].content[0]).toEqual({
      type: "tool_use",
      id: "call_1",
      name: "zoek_klant",
      input: { naam: "[PERSOON_1]" },
    });
    expect(sent.messages[2].content[0]).toMatchObject({ type: "tool_result", tool_use_id: "call_1" });
    expect(sent.messages[2].content[0].content).toContain("[EMAIL_1]");
    expectNoPersonalData(s.upstream.lastRequest()?.bodyText ?? "");
  });

  it("refuses what Anthropic cannot do with a clear 400, before anything goes upstream", async () => {
    for (const [extra, param] of [
      [{ tools: [{ type: "web_search" }] }, "tools[0]"],
      [{ text: { format: { type: "json_schema", name: "x", schema: {} } } }, "text.format"],
    ] as const) {
      const response = await postResponses(s, { model: MODEL, input: "Hallo", ...extra });
      expect(response.status).toBe(400);
      const error = (await response.json()).error;
      expect(error.param).toBe(param);
    }
    expect(s.upstream.requests).toHaveLength(0);
  });

  it("still refuses a provider that has neither the Responses API nor a translation (Mistral)", () => {
    const upstream = new ResponsesUpstream(
      [
        { id: "mistral", type: "mistral" },
        { id: "claude", type: "anthropic" },
      ],
      new UpstreamClient(),
    );
    expect(upstream.supports("mistral")).toBe(false);
    expect(upstream.supports("claude")).toBe(true);
  });
});

describe("POST /v1/responses with an Anthropic model, streamed", () => {
  it("sends the Responses event sequence with placeholders restored across deltas, and meters usage", async () => {
    s.upstream.reply({
      text: ["Beste [PERS", "OON_1], bel ", "[TELEF", "OON_1] of mail [EMAIL_", "1]"],
      usage: { input: 33, output: 11 },
      ping: true,
    });
    const response = await postResponses(s, { model: MODEL, input: PROMPT, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const list = await events(response);
    const types = list.map((e) => e.type);
    const expected = `Beste ${NAME}, bel ${PHONE} of mail ${EMAIL}`;
    // The order a Responses client expects, deltas collapsed.
    expect(types.filter((t, i) => t !== types[i - 1])).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(list.map((e) => e.sequence_number)).toEqual(list.map((_, i) => i));
    const deltas = list.filter((e) => e.type === "response.output_text.delta").map((e) => e.delta);
    expect(deltas.join("")).toBe(expected);
    for (const delta of deltas) expect(delta).not.toMatch(/\[|\]/);
    expect(list.find((e) => e.type === "response.output_text.done").text).toBe(expected);
    expect(list.find((e) => e.type === "response.content_part.done").part.text).toBe(expected);
    expect(list.find((e) => e.type === "response.output_item.done").item.content[0].text).toBe(expected);
    const completed = list.at(-1).response;
    expect(completed.status).toBe("completed");
    expect(completed.output[0].content[0].text).toBe(expected);
    expect(completed.usage).toMatchObject({ input_tokens: 33, output_tokens: 11 });

    const recorded = s.upstream.lastRequest();
    expect(recorded?.path).toBe("/anthropic/v1/messages");
    expect(recorded?.body.stream).toBe(true);
    expectNoPersonalData(recorded?.bodyText ?? "");
    const audit = await lastAudit(s);
    expect(audit?.tokensIn).toBe(33);
    expect(audit?.tokensOut).toBe(11);
    expect(audit?.reasons).not.toContain("usage_estimated");
  });

  it("streams a tool call as function_call events with the arguments restored as JSON", async () => {
    s.upstream.reply({
      text: "Ik stuur de mail.",
      toolCalls: [{ id: "toolu_5", name: "stuur_mail", arguments: '{"aan":"[EMAIL_1]","naam":"[PERSOON_1]"}' }],
    });
    const response = await postResponses(s, {
      model: MODEL,
      input: PROMPT,
      stream: true,
      tools: [{ type: "function", name: "stuur_mail", parameters: { type: "object" } }],
    });
    const list = await events(response);
    const added = list.filter((e) => e.type === "response.output_item.added").map((e) => e.item.type);
    expect(added).toEqual(["message", "function_call"]);
    const args = list
      .filter((e) => e.type === "response.function_call_arguments.delta")
      .map((e) => e.delta)
      .join("");
    expect(JSON.parse(args)).toEqual({ aan: EMAIL, naam: NAME });
    expect(list.find((e) => e.type === "response.function_call_arguments.done").arguments).toBe(args);
    const output = list.at(-1).response.output;
    expect(output[1]).toMatchObject({ type: "function_call", call_id: "toolu_5", arguments: args });
  });

  it("passes an upstream error event on and audits the request as failed", async () => {
    s.upstream.reply({ text: ["Een", " twee", " drie"], errorAfterDeltas: 1 });
    const response = await postResponses(s, { model: MODEL, input: "Tel tot drie", stream: true });
    const list = await events(response);
    expect(list.at(-1)).toMatchObject({ type: "error", code: "overloaded_error" });
    const audit = await lastAudit(s);
    expect(audit?.errorCode).toBe("upstream_stream_error");
  });
});
