import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Setup, setup } from "./gateway-harness.js";

// Made-up personal data; the assertions check that none of it reaches the upstream.
const NAME = "Pieter van Dijk";
const EMAIL = "pieter.vandijk@voorbeeld.nl";
const PHONE = "06-12345678";
const PROMPT = `Stel een mail op aan ${NAME} (${EMAIL}, ${PHONE}) over de factuur.`;
const PLANTED = [NAME, "van Dijk", EMAIL, PHONE, "12345678"];

function expectNoPersonalData(text: string): void {
  for (const value of PLANTED) expect(text).not.toContain(value);
}

interface SseEvent {
  event: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary event fields
  data: any;
}

function parseEvents(text: string): SseEvent[] {
  const out: SseEvent[] = [];
  for (const block of text.split("\n\n")) {
    if (block.trim() === "") continue;
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    out.push({ event, data: JSON.parse(data.join("\n")) });
  }
  return out;
}

function postResponses(s: Setup, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${s.instance.url}/v1/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${s.key}`, ...headers },
    body: JSON.stringify(body),
  });
}

async function lastAudit(s: Setup) {
  await s.instance.gateway.gateway.idle();
  await s.instance.gateway.accounting.audit.flush();
  const records = await s.instance.gateway.accounting.auditLog.query({ limit: 100_000 });
  return records[records.length - 1];
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

describe("POST /v1/responses, not streamed", () => {
  it("pseudonymises input and instructions, forces store:false and restores the answer", async () => {
    s.upstream.reply({ text: "Beste [PERSOON_1], we mailen naar [EMAIL_1].", usage: { input: 40, output: 9 } });
    const response = await postResponses(s, {
      model: "gpt-4.1",
      instructions: `Onderteken namens de klant ${NAME}.`,
      input: PROMPT,
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.object).toBe("response");
    expect(body.output[0].content[0].text).toBe(`Beste ${NAME}, we mailen naar ${EMAIL}.`);
    // The echoed instructions are the client's own again.
    expect(body.instructions).toBe(`Onderteken namens de klant ${NAME}.`);
    expect(response.headers.get("x-poortwachter-decision")).toBe("forward");
    expect(response.headers.get("x-poortwachter-entities")).toContain("PERSON=");
    expect(response.headers.get("x-poortwachter-store")).toBeNull();

    const recorded = s.upstream.lastRequest();
    expect(recorded?.path).toBe("/openai/v1/responses");
    expect(recorded?.body.store).toBe(false);
    expect(recorded?.body.input).toContain("[PERSOON_1]");
    expect(recorded?.body.instructions).toContain("[PERSOON_1]");
    expect(recorded?.headers.authorization).toBe("Bearer sk-upstream-openai");
    expectNoPersonalData(recorded?.bodyText ?? "");

    const audit = await lastAudit(s);
    expect(audit?.endpoint).toBe("/v1/responses");
    expect(audit?.tokensIn).toBe(40);
    expect(audit?.tokensOut).toBe(9);
    expect(audit?.costMicros).toBeGreaterThan(0);
  });

  it("downgrades store:true to false and says so in a header", async () => {
    s.upstream.reply({ text: "Goed." });
    const response = await postResponses(s, { model: "gpt-4.1", input: "Hallo", store: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-poortwachter-store")).toBe("false");
    expect(s.upstream.lastRequest()?.body.store).toBe(false);
    expect((await response.json()).store).toBe(false);
  });

  it("refuses previous_response_id, background and item references with a clear 400, sending nothing", async () => {
    for (const [body, param] of [
      [{ model: "gpt-4.1", input: "Verder", previous_response_id: "resp_123" }, "previous_response_id"],
      [{ model: "gpt-4.1", input: "Verder", background: true }, "background"],
      [{ model: "gpt-4.1", input: [{ type: "item_reference", id: "msg_1" }] }, "input[0]"],
    ] as const) {
      const response = await postResponses(s, body);
      expect(response.status).toBe(400);
      const error = (await response.json()).error;
      expect(error.code).toBe("invalid_request");
      expect(error.param).toBe(param);
      expect(error.message).toContain("store:false");
    }
    expect(s.upstream.requests).toHaveLength(0);
  });

  it("refuses files, which cannot be checked", async () => {
    const response = await postResponses(s, {
      model: "gpt-4.1",
      input: [
        {
          role: "user",
          content: [{ type: "input_file", filename: "a.pdf", file_data: "data:application/pdf;base64,AAAA" }],
        },
      ],
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("Files cannot be checked");
    expect(s.upstream.requests).toHaveLength(0);
  });

  it("pseudonymises every kind of input item: roles, text parts, earlier tool calls and their output", async () => {
    s.upstream.reply({ text: "Verstuurd naar [EMAIL_1]." });
    const response = await postResponses(s, {
      model: "gpt-4.1",
      input: [
        { role: "developer", content: "Je helpt de administratie." },
        { role: "user", content: [{ type: "input_text", text: PROMPT }] },
        { type: "message", role: "assistant", content: [{ type: "output_text", text: `Ik zoek ${NAME} op.` }] },
        { type: "function_call", call_id: "call_1", name: "zoek_klant", arguments: JSON.stringify({ naam: NAME }) },
        { type: "function_call_output", call_id: "call_1", output: `Klant: ${NAME}, telefoon ${PHONE}` },
        { role: "assistant", content: [{ type: "refusal", refusal: `Ik bel ${NAME} niet.` }] },
      ],
      tools: [{ type: "function", name: "zoek_klant", parameters: { type: "object" } }],
    });
    expect(response.status).toBe(200);
    expect((await response.json()).output[0].content[0].text).toBe(`Verstuurd naar ${EMAIL}.`);
    const sent = s.upstream.lastRequest()?.body;
    expectNoPersonalData(JSON.stringify(sent));
    expect(sent.input[1].content[0].text).toContain("[PERSOON_1]");
    expect(JSON.parse(sent.input[3].arguments)).toEqual({ naam: "[PERSOON_1]" });
    expect(sent.input[4].output).toContain("[TELEFOON_1]");
    expect(sent.input[5].content[0].refusal).toBe("Ik bel [PERSOON_1] niet.");
  });

  it("pseudonymises identifiers and metadata that go upstream too", async () => {
    s.upstream.reply({ text: "Goed." });
    const response = await postResponses(s, {
      model: "gpt-4.1",
      input: "Vat de week samen.",
      user: EMAIL,
      safety_identifier: EMAIL,
      metadata: { klant: NAME, order: "A-17" },
    });
    expect(response.status).toBe(200);
    const sent = s.upstream.lastRequest()?.body;
    expectNoPersonalData(JSON.stringify(sent));
    expect(sent.user).toBe("[EMAIL_1]");
    expect(sent.metadata).toEqual({ klant: "[PERSOON_1]", order: "A-17" });
  });

  it("restores function-call arguments as JSON", async () => {
    s.upstream.reply({
      toolCalls: [{ id: "call_9", name: "stuur_mail", arguments: '{"aan":"[EMAIL_1]","naam":"[PERSOON_1]"}' }],
    });
    const response = await postResponses(s, {
      model: "gpt-4.1",
      input: PROMPT,
      tools: [{ type: "function", name: "stuur_mail", parameters: { type: "object" } }],
    });
    const body = await response.json();
    const call = body.output.find((item: { type: string }) => item.type === "function_call");
    expect(JSON.parse(call.arguments)).toEqual({ aan: EMAIL, naam: NAME });
  });

  it("applies the policy: a BSN is refused in the OpenAI error shape", async () => {
    const response = await postResponses(s, { model: "gpt-4.1", input: "BSN van de klant: 111222333" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("policy_blocked");
    expect(body.error.message).toContain("BSN");
    expect(s.upstream.requests).toHaveLength(0);
  });

  it("routes customer data to a sufficient tier: a special category goes to the local model", async () => {
    s.upstream.reply({ text: "Sterkte, [PERSOON_1]." });
    const response = await postResponses(s, {
      model: "gpt-4.1",
      input: `${NAME} heeft de diagnose diabetes gekregen. Schrijf een korte reactie.`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-poortwachter-decision")).toBe("reroute");
    expect(response.headers.get("x-poortwachter-model")).toBe("llama3.1:8b");
    expect(s.upstream.lastRequest()?.path).toBe("/local/v1/responses");
    expect((await response.json()).output[0].content[0].text).toBe(`Sterkte, ${NAME}.`);
  });

  it("answers bad JSON in the OpenAI error shape", async () => {
    const response = await fetch(`${s.instance.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${s.key}` },
      body: "{niet json",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_request");
  });
});

describe("POST /v1/responses, streamed", () => {
  it("restores split placeholders in the deltas, and the closing events repeat exactly the streamed text", async () => {
    s.upstream.reply({
      text: ["Beste [PERS", "OON_1], bel ", "[TELEF", "OON_1] of mail [EMAIL_", "1]"],
      usage: { input: 33, output: 11 },
    });
    const response = await postResponses(s, { model: "gpt-4.1", input: PROMPT, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = parseEvents(await response.text());
    const expected = `Beste ${NAME}, bel ${PHONE} of mail ${EMAIL}`;
    const deltas = events.filter((e) => e.data.type === "response.output_text.delta").map((e) => e.data.delta);
    expect(deltas.join("")).toBe(expected);
    // No placeholder fragment is ever shown to the client.
    for (const delta of deltas) expect(delta).not.toMatch(/\[|\]/);
    const done = events.find((e) => e.data.type === "response.output_text.done")?.data;
    expect(done.text).toBe(expected);
    expect(events.find((e) => e.data.type === "response.content_part.done")?.data.part.text).toBe(expected);
    expect(events.find((e) => e.data.type === "response.output_item.done")?.data.item.content[0].text).toBe(expected);
    const completed = events.find((e) => e.data.type === "response.completed")?.data;
    expect(completed.response.output[0].content[0].text).toBe(expected);
    // SSE event names match the types, numbering is consecutive after rewriting.
    expect(events.every((e) => e.event === e.data.type)).toBe(true);
    expect(events.map((e) => e.data.sequence_number)).toEqual(events.map((_, i) => i));

    const recorded = s.upstream.lastRequest();
    expect(recorded?.body.stream).toBe(true);
    expect(recorded?.body.store).toBe(false);
    expectNoPersonalData(recorded?.bodyText ?? "");
    const audit = await lastAudit(s);
    expect(audit?.tokensIn).toBe(33);
    expect(audit?.tokensOut).toBe(11);
    expect(audit?.reasons).not.toContain("usage_estimated");
  });

  it("restores streamed function-call arguments as JSON, in deltas and closing events alike", async () => {
    s.upstream.reply({
      toolCalls: [{ id: "call_5", name: "stuur_mail", arguments: '{"aan":"[EMAIL_1]","naam":"[PERSOON_1]"}' }],
    });
    const response = await postResponses(s, {
      model: "gpt-4.1",
      input: PROMPT,
      stream: true,
      tools: [{ type: "function", name: "stuur_mail", parameters: { type: "object" } }],
    });
    const events = parseEvents(await response.text());
    const args = events
      .filter((e) => e.data.type === "response.function_call_arguments.delta")
      .map((e) => e.data.delta)
      .join("");
    expect(JSON.parse(args)).toEqual({ aan: EMAIL, naam: NAME });
    expect(events.find((e) => e.data.type === "response.function_call_arguments.done")?.data.arguments).toBe(args);
    const completed = events.find((e) => e.data.type === "response.completed")?.data;
    expect(completed.response.output.find((i: { type: string }) => i.type === "function_call").arguments).toBe(args);
  });

  it("passes an upstream error event on and still audits the request", async () => {
    s.upstream.reply({ text: ["Een", " twee", " drie"], errorAfterDeltas: 1 });
    const response = await postResponses(s, { model: "gpt-4.1", input: "Tel tot drie", stream: true });
    const events = parseEvents(await response.text());
    expect(events.at(-1)?.data.type).toBe("error");
    const audit = await lastAudit(s);
    expect(audit?.errorCode).toBe("upstream_stream_error");
  });
});

describe("POST /v1/responses, cancellation and metering", () => {
  it("closes the upstream connection when the client goes away mid-stream, and charges by estimate", async () => {
    s.upstream.reply({ text: ["Beste "], neverEnd: "trickle", chunkDelayMs: 10 });
    const abort = new AbortController();
    const response = await fetch(`${s.instance.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${s.key}` },
      body: JSON.stringify({ model: "gpt-4.1", input: PROMPT, stream: true }),
      signal: abort.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.read();
    abort.abort();
    const recorded = s.upstream.lastRequest();
    await recorded?.finished;
    expect(recorded?.closedByClient).toBe(true);
    let audit = await lastAudit(s);
    for (let i = 0; i < 50 && audit?.errorCode !== "client_closed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      audit = await lastAudit(s);
    }
    expect(audit?.errorCode).toBe("client_closed");
    expect(audit?.reasons).toContain("usage_estimated");
    expect(audit?.costMicros).toBeGreaterThan(0);
  });

  it("charges a stream that ends without its final response event by estimate, never for free", async () => {
    s.upstream.reply({
      raw: {
        headers: { "content-type": "text/event-stream" },
        body: `event: response.output_text.delta\ndata: ${JSON.stringify({ type: "response.output_text.delta", output_index: 0, content_index: 0, delta: "Hallo daar" })}\n\n`,
      },
    });
    const response = await postResponses(s, { model: "gpt-4.1", input: "Zeg hallo", stream: true });
    const events = parseEvents(await response.text());
    expect(events.map((e) => e.data.delta).join("")).toBe("Hallo daar");
    const audit = await lastAudit(s);
    expect(audit?.reasons).toContain("usage_estimated");
    expect(audit?.tokensOut).toBeGreaterThan(0);
  });
});

describe("POST /v1/responses under a budget", () => {
  let tight: Setup;
  beforeAll(async () => {
    tight = await setup("budgets:\n  perKey:\n    daily: { hard: 0.001 }\n");
  });
  afterAll(async () => {
    await tight.close();
  });

  it("reserves the maximum before calling upstream: a request that could pass the hard limit is refused with 402", async () => {
    const response = await postResponses(tight, {
      model: "gpt-4.1",
      input: "Schrijf een lang verhaal.",
      max_output_tokens: 100_000,
    });
    expect(response.status).toBe(402);
    const body = await response.json();
    expect(body.error.type).toBe("insufficient_quota");
    expect(response.headers.get("retry-after")).not.toBeNull();
    expect(tight.upstream.requests).toHaveLength(0);
  });

  it("lets a small request through and settles it with the metered usage", async () => {
    tight.upstream.reply({ text: "Kort.", usage: { input: 10, output: 2 } });
    const response = await postResponses(tight, { model: "gpt-4.1", input: "Eén woord.", max_output_tokens: 16 });
    expect(response.status).toBe(200);
    const audit = await lastAudit(tight);
    expect(audit?.tokensIn).toBe(10);
    expect(audit?.tokensOut).toBe(2);
  });
});
