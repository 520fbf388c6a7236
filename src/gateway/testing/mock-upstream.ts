import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server on 127.0.0.1 that plays OpenAI (`.../chat/completions`, also Azure's
 * deployment paths, and the Responses API at `.../responses`), Anthropic (`.../messages`), `.../embeddings` and `.../models`, streamed
 * or not (the request's `stream` decides). Every request is recorded; each answer can be
 * scripted with `reply()`, otherwise `defaultReply` is used.
 */

export interface MockToolCall {
  id: string;
  name: string;
  /** JSON text of the arguments. */
  arguments: string;
}

export interface MockReply {
  /** The answer text; an array gives the exact stream deltas. */
  text?: string | string[];
  toolCalls?: MockToolCall[];
  /** Anthropic only: a thinking block before the text, with its signature. */
  thinking?: { text: string; signature: string };
  usage?: { input: number; output: number };
  /** OpenAI form; mapped for Anthropic (stop -> end_turn, length -> max_tokens, tool_calls -> tool_use). */
  finishReason?: "stop" | "length" | "tool_calls";
  /** Answer with this HTTP status and an error body in the protocol's shape. */
  status?: number;
  errorMessage?: string;
  /** Extra response headers (e.g. `retry-after`). */
  headers?: Record<string, string>;
  /** Stream: after this many text deltas send an error event (the status was 200) and end. */
  errorAfterDeltas?: number;
  /** Wait before the status line. */
  delayMs?: number;
  /** Wait between stream events (or byte pieces). */
  chunkDelayMs?: number;
  /** Write the stream body in pieces of this many bytes (events split across chunks). */
  splitBytes?: number;
  /** Line ending of the SSE body. */
  lineEnding?: "\n" | "\r\n";
  /** OpenAI stream: an Azure-style prompt-filter chunk with empty `choices` first. */
  emptyChoicesChunk?: boolean;
  /** OpenAI stream: usage in the last content chunk even without include_usage (Mistral). */
  usageInFinalChunk?: boolean;
  /** Anthropic stream: a `ping` event after message_start. */
  ping?: boolean;
  /** Never answer (headers never come). */
  hang?: boolean;
  /** Close the connection without any answer. */
  destroy?: boolean;
  /** Stream: after the text, keep the connection open: "silent" sends nothing more, "trickle" sends deltas forever. */
  neverEnd?: "silent" | "trickle";
  /** Send exactly this; overrides everything above. */
  raw?: { status?: number; headers?: Record<string, string>; body: string | string[] };
}

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  bodyText: string;
  /** The JSON body, or undefined when it was not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields of what the adapters sent
  body: any;
  protocol: "openai" | "anthropic" | "other";
  /** True when the client closed the connection before the answer was complete. */
  closedByClient: boolean;
  /** Resolves when the exchange is over (answer complete or connection closed). */
  finished: Promise<void>;
  /** Everything written as the response body so far (for byte-for-byte comparisons). */
  readonly responseText: string;
}

export interface MockUpstreamOptions {
  defaultReply?: MockReply;
  /** Model ids returned by `GET .../models`. */
  models?: string[];
}

export interface MockUpstream {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Queue replies for the next requests, in order. */
  reply(...replies: MockReply[]): void;
  setDefaultReply(reply: MockReply): void;
  lastRequest(): RecordedRequest | undefined;
  /** Wait until at least `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function deltasOf(reply: MockReply): string[] {
  if (Array.isArray(reply.text)) return reply.text;
  const text = reply.text ?? (reply.toolCalls ? "" : "Hallo van de mock.");
  return text === "" ? [] : [text];
}

function fullText(reply: MockReply): string {
  return deltasOf(reply).join("");
}

function usageOf(reply: MockReply): { input: number; output: number } {
  return reply.usage ?? { input: 12, output: 7 };
}

function finishOf(reply: MockReply): "stop" | "length" | "tool_calls" {
  return reply.finishReason ?? (reply.toolCalls?.length ? "tool_calls" : "stop");
}

const ANTHROPIC_STOP = { stop: "end_turn", length: "max_tokens", tool_calls: "tool_use" } as const;

/** Argument JSON split in two, as real upstreams stream it. */
function halves(text: string): string[] {
  const middle = Math.floor(text.length / 2);
  return [text.slice(0, middle), text.slice(middle)].filter((part) => part !== "");
}

// ---------- OpenAI ----------

export function openAICompletionBody(reply: MockReply, model: string, id = "chatcmpl-mock") {
  const usage = usageOf(reply);
  const text = fullText(reply);
  return {
    id,
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: text === "" && reply.toolCalls?.length ? null : text,
          ...(reply.toolCalls?.length
            ? {
                tool_calls: reply.toolCalls.map((call) => ({
                  id: call.id,
                  type: "function",
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
          refusal: null,
        },
        logprobs: null,
        finish_reason: finishOf(reply),
      },
    ],
    usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
  };
}

/** The SSE `data:` payloads of an OpenAI stream, in order (without framing). */
export function openAIStreamPayloads(
  reply: MockReply,
  model: string,
  includeUsage: boolean,
  id = "chatcmpl-mock",
): string[] {
  const usage = usageOf(reply);
  const usageValue = {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
  };
  const base = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created: 1_700_000_000,
      model,
      choices,
      ...(includeUsage ? { usage: null } : {}),
      ...extra,
    });
  const choice = (delta: unknown, finish: string | null = null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finish,
  });
  const out: string[] = [];
  if (reply.emptyChoicesChunk) {
    out.push(
      JSON.stringify({
        id: "",
        object: "",
        created: 0,
        model: "",
        choices: [],
        prompt_filter_results: [{ prompt_index: 0 }],
      }),
    );
  }
  out.push(base([choice({ role: "assistant", content: "", refusal: null })]));
  const deltas = deltasOf(reply);
  for (const [index, delta] of deltas.entries()) {
    if (reply.errorAfterDeltas !== undefined && index === reply.errorAfterDeltas) break;
    out.push(base([choice({ content: delta })]));
  }
  if (reply.errorAfterDeltas !== undefined && reply.errorAfterDeltas <= deltas.length) {
    out.push(
      JSON.stringify({
        error: {
          message: reply.errorMessage ?? "The server had an error while processing your request.",
          type: "server_error",
          param: null,
          code: null,
        },
      }),
    );
    return out;
  }
  for (const [index, call] of (reply.toolCalls ?? []).entries()) {
    out.push(
      base([
        choice({
          tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
        }),
      ]),
    );
    for (const part of halves(call.arguments)) {
      out.push(base([choice({ tool_calls: [{ index, function: { arguments: part } }] })]));
    }
  }
  out.push(base([choice({}, finishOf(reply))], reply.usageInFinalChunk ? { usage: usageValue } : {}));
  if (includeUsage && !reply.usageInFinalChunk) out.push(base([], { usage: usageValue }));
  out.push("[DONE]");
  return out;
}

// ---------- OpenAI Responses API ----------

function responsesOutput(reply: MockReply, id: string, done: boolean) {
  const output: Array<Record<string, unknown>> = [];
  const text = fullText(reply);
  if (text !== "" || !reply.toolCalls?.length) {
    output.push({
      id: `msg_${id}`,
      type: "message",
      status: done ? "completed" : "in_progress",
      role: "assistant",
      content: done ? [{ type: "output_text", text, annotations: [], logprobs: [] }] : [],
    });
  }
  for (const call of reply.toolCalls ?? []) {
    output.push({
      id: `fc_${call.id}`,
      type: "function_call",
      status: done ? "completed" : "in_progress",
      call_id: call.id,
      name: call.name,
      arguments: done ? call.arguments : "",
    });
  }
  return output;
}

/** A Responses API response object (what `POST /responses` returns, and `response.completed` carries). */
export function responsesBody(reply: MockReply, model: string, request: unknown, id = "resp_mock", done = true) {
  const usage = usageOf(reply);
  const body = (request ?? {}) as { instructions?: unknown; store?: unknown; tools?: unknown };
  return {
    id,
    object: "response",
    created_at: 1_700_000_000,
    status: done ? (finishOf(reply) === "length" ? "incomplete" : "completed") : "in_progress",
    error: null,
    incomplete_details: done && finishOf(reply) === "length" ? { reason: "max_output_tokens" } : null,
    instructions: body.instructions ?? null,
    model,
    output: done ? responsesOutput(reply, id, true) : [],
    parallel_tool_calls: true,
    store: body.store ?? true,
    tools: body.tools ?? [],
    usage: done
      ? {
          input_tokens: usage.input,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: usage.output,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: usage.input + usage.output,
        }
      : null,
  };
}

/** The events of a streamed Responses API answer, in order, numbered. */
export function responsesStreamEvents(reply: MockReply, model: string, request: unknown, id = "resp_mock") {
  const out: Array<Record<string, unknown>> = [];
  const push = (event: Record<string, unknown>) => out.push({ ...event, sequence_number: out.length });
  push({ type: "response.created", response: responsesBody(reply, model, request, id, false) });
  push({ type: "response.in_progress", response: responsesBody(reply, model, request, id, false) });
  const final = responsesOutput(reply, id, true);
  const started = responsesOutput(reply, id, false);
  let index = 0;
  const deltas = deltasOf(reply);
  if (final[0]?.type === "message") {
    const itemId = final[0].id;
    push({ type: "response.output_item.added", output_index: index, item: started[0] });
    const part = { type: "output_text", text: "", annotations: [], logprobs: [] };
    push({ type: "response.content_part.added", item_id: itemId, output_index: index, content_index: 0, part });
    for (const [n, delta] of deltas.entries()) {
      if (reply.errorAfterDeltas !== undefined && n === reply.errorAfterDeltas) break;
      push({
        type: "response.output_text.delta",
        item_id: itemId,
        output_index: index,
        content_index: 0,
        delta,
        logprobs: [],
      });
    }
    if (reply.errorAfterDeltas !== undefined && reply.errorAfterDeltas <= deltas.length) {
      push({ type: "error", code: "server_error", message: reply.errorMessage ?? "Upstream failed", param: null });
      return out;
    }
    const text = fullText(reply);
    push({
      type: "response.output_text.done",
      item_id: itemId,
      output_index: index,
      content_index: 0,
      text,
      logprobs: [],
    });
    push({
      type: "response.content_part.done",
      item_id: itemId,
      output_index: index,
      content_index: 0,
      part: { ...part, text },
    });
    push({ type: "response.output_item.done", output_index: index, item: final[0] });
    index++;
  }
  for (const call of reply.toolCalls ?? []) {
    const itemId = `fc_${call.id}`;
    push({ type: "response.output_item.added", output_index: index, item: started[index] });
    for (const part of halves(call.arguments)) {
      push({ type: "response.function_call_arguments.delta", item_id: itemId, output_index: index, delta: part });
    }
    push({
      type: "response.function_call_arguments.done",
      item_id: itemId,
      output_index: index,
      arguments: call.arguments,
    });
    push({ type: "response.output_item.done", output_index: index, item: final[index] });
    index++;
  }
  const body = responsesBody(reply, model, request, id, true);
  push({ type: body.status === "incomplete" ? "response.incomplete" : "response.completed", response: body });
  return out;
}

// ---------- Anthropic ----------

export function anthropicMessageBody(reply: MockReply, model: string, id = "msg_mock") {
  const usage = usageOf(reply);
  const content: unknown[] = [];
  if (reply.thinking)
    content.push({ type: "thinking", thinking: reply.thinking.text, signature: reply.thinking.signature });
  const text = fullText(reply);
  if (text !== "") content.push({ type: "text", text });
  for (const call of reply.toolCalls ?? []) {
    content.push({ type: "tool_use", id: call.id, name: call.name, input: JSON.parse(call.arguments || "{}") });
  }
  return {
    id,
    type: "message",
    role: "assistant",
    model,
    content,
    stop_reason: ANTHROPIC_STOP[finishOf(reply)],
    stop_sequence: null,
    usage: {
      input_tokens: usage.input,
      output_tokens: usage.output,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  };
}

/** The `[event, data]` pairs of an Anthropic stream, in order. */
export function anthropicStreamEvents(reply: MockReply, model: string, id = "msg_mock"): Array<[string, string]> {
  const usage = usageOf(reply);
  const out: Array<[string, string]> = [];
  const push = (data: { type: string; [key: string]: unknown }) => out.push([data.type, JSON.stringify(data)]);
  push({
    type: "message_start",
    message: {
      id,
      type: "message",
      role: "assistant",
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: usage.input,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 1,
      },
    },
  });
  if (reply.ping) push({ type: "ping" });
  let index = 0;
  if (reply.thinking) {
    push({ type: "content_block_start", index, content_block: { type: "thinking", thinking: "", signature: "" } });
    for (const part of halves(reply.thinking.text))
      push({ type: "content_block_delta", index, delta: { type: "thinking_delta", thinking: part } });
    push({
      type: "content_block_delta",
      index,
      delta: { type: "signature_delta", signature: reply.thinking.signature },
    });
    push({ type: "content_block_stop", index });
    index++;
  }
  const deltas = deltasOf(reply);
  if (deltas.length > 0) {
    push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
    for (const [n, delta] of deltas.entries()) {
      if (reply.errorAfterDeltas !== undefined && n === reply.errorAfterDeltas) break;
      push({ type: "content_block_delta", index, delta: { type: "text_delta", text: delta } });
    }
    if (reply.errorAfterDeltas !== undefined && reply.errorAfterDeltas <= deltas.length) {
      push({ type: "error", error: { type: "overloaded_error", message: reply.errorMessage ?? "Overloaded" } });
      return out;
    }
    push({ type: "content_block_stop", index });
    index++;
  }
  for (const call of reply.toolCalls ?? []) {
    push({
      type: "content_block_start",
      index,
      content_block: { type: "tool_use", id: call.id, name: call.name, input: {} },
    });
    for (const part of halves(call.arguments)) {
      push({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: part } });
    }
    push({ type: "content_block_stop", index });
    index++;
  }
  push({
    type: "message_delta",
    delta: { stop_reason: ANTHROPIC_STOP[finishOf(reply)], stop_sequence: null },
    usage: { output_tokens: usage.output },
  });
  push({ type: "message_stop" });
  return out;
}

// ---------- server ----------

function errorBody(protocol: RecordedRequest["protocol"], status: number, message: string): unknown {
  if (protocol === "anthropic") {
    const type =
      status === 429
        ? "rate_limit_error"
        : status === 529
          ? "overloaded_error"
          : status >= 500
            ? "api_error"
            : "invalid_request_error";
    return { type: "error", error: { type, message } };
  }
  const type = status === 429 ? "rate_limit_error" : status >= 500 ? "server_error" : "invalid_request_error";
  return { error: { message, type, param: null, code: null } };
}

function protocolOf(path: string): RecordedRequest["protocol"] {
  if (path.endsWith("/messages")) return "anthropic";
  if (path.endsWith("/chat/completions") || path.endsWith("/embeddings") || path.endsWith("/responses"))
    return "openai";
  return "other";
}

export async function startMockUpstream(options: MockUpstreamOptions = {}): Promise<MockUpstream> {
  const queue: MockReply[] = [];
  const requests: RecordedRequest[] = [];
  let defaultReply: MockReply = options.defaultReply ?? {};
  const waiters: Array<() => void> = [];
  const sentBytes = new WeakMap<RecordedRequest, Buffer[]>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const bodyText = Buffer.concat(chunks).toString("utf8");
      let body: RecordedRequest["body"];
      try {
        body = bodyText === "" ? undefined : JSON.parse(bodyText);
      } catch {
        body = undefined;
      }
      const url = new URL(req.url ?? "/", "http://mock");
      let finish!: () => void;
      const sent: Buffer[] = [];
      const record: RecordedRequest = {
        method: req.method ?? "GET",
        url: req.url ?? "/",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        bodyText,
        body,
        protocol: protocolOf(url.pathname),
        closedByClient: false,
        finished: new Promise<void>((resolve) => {
          finish = resolve;
        }),
        get responseText() {
          return Buffer.concat(sent).toString("utf8");
        },
      };
      sentBytes.set(record, sent);
      requests.push(record);
      for (const wake of waiters.splice(0)) wake();
      res.on("close", () => {
        if (!res.writableFinished) record.closedByClient = true;
        finish();
      });
      const reply = queue.shift() ?? defaultReply;
      void answer(record, reply, res).catch(() => res.destroy());
    });
  });

  function write(record: RecordedRequest, res: ServerResponse, piece: string | Buffer): boolean {
    if (res.destroyed) return false;
    const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    sentBytes.get(record)?.push(bytes);
    res.write(bytes);
    return true;
  }

  async function answer(record: RecordedRequest, reply: MockReply, res: ServerResponse): Promise<void> {
    if (reply.destroy) {
      res.socket?.destroy();
      return;
    }
    if (reply.hang) return;
    if (reply.delayMs) await sleep(reply.delayMs);
    if (res.destroyed) return;
    if (reply.raw) {
      res.writeHead(reply.raw.status ?? 200, reply.raw.headers ?? { "content-type": "text/event-stream" });
      const parts = typeof reply.raw.body === "string" ? [reply.raw.body] : reply.raw.body;
      for (const part of parts) {
        if (!write(record, res, part)) return;
        if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      }
      res.end();
      return;
    }
    const model = typeof record.body?.model === "string" ? record.body.model : "mock-model";
    const json = (status: number, value: unknown) => {
      const text = JSON.stringify(value);
      res.writeHead(status, { "content-type": "application/json", ...reply.headers });
      sentBytes.get(record)?.push(Buffer.from(text, "utf8"));
      res.end(text);
    };
    if (reply.status !== undefined && reply.status >= 400) {
      json(reply.status, errorBody(record.protocol, reply.status, reply.errorMessage ?? `Mock error ${reply.status}`));
      return;
    }
    if (record.method === "GET" && record.path.endsWith("/models")) {
      const ids = options.models ?? ["mock-model"];
      if (record.headers["anthropic-version"])
        json(200, { data: ids.map((id) => ({ id, type: "model", display_name: id })), has_more: false });
      else
        json(200, { object: "list", data: ids.map((id) => ({ id, object: "model", created: 0, owned_by: "mock" })) });
      return;
    }
    if (record.path.endsWith("/embeddings")) {
      const inputs = Array.isArray(record.body?.input) ? record.body.input : [record.body?.input];
      json(200, {
        object: "list",
        data: inputs.map((_: unknown, index: number) => ({ object: "embedding", index, embedding: [0.1, 0.2, 0.3] })),
        model,
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      });
      return;
    }
    if (record.protocol === "other") {
      json(404, errorBody("openai", 404, `No mock route for ${record.method} ${record.path}`));
      return;
    }
    if (record.path.endsWith("/responses")) {
      const id = `resp_mock_${requests.indexOf(record) + 1}`;
      if (record.body?.stream !== true) json(200, responsesBody(reply, model, record.body, id));
      else await stream(record, reply, res, model, id);
      return;
    }
    const id = `${record.protocol === "anthropic" ? "msg_mock_" : "chatcmpl-mock-"}${requests.indexOf(record) + 1}`;
    if (record.body?.stream !== true) {
      json(
        200,
        record.protocol === "anthropic"
          ? anthropicMessageBody(reply, model, id)
          : openAICompletionBody(reply, model, id),
      );
      return;
    }
    await stream(record, reply, res, model, id);
  }

  async function stream(record: RecordedRequest, reply: MockReply, res: ServerResponse, model: string, id: string) {
    const eol = reply.lineEnding ?? "\n";
    let frames: string[];
    if (record.path.endsWith("/responses")) {
      frames = responsesStreamEvents(reply, model, record.body, id).map(
        (event) => `event: ${event.type}${eol}data: ${JSON.stringify(event)}${eol}${eol}`,
      );
    } else if (record.protocol === "anthropic") {
      frames = anthropicStreamEvents(reply, model, id).map(
        ([event, data]) => `event: ${event}${eol}data: ${data}${eol}${eol}`,
      );
    } else {
      const includeUsage = record.body?.stream_options?.include_usage === true;
      frames = openAIStreamPayloads(reply, model, includeUsage, id).map((data) => `data: ${data}${eol}${eol}`);
    }
    if (reply.neverEnd) frames = frames.slice(0, -2);
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", ...reply.headers });
    res.flushHeaders();
    const pieces: Array<string | Buffer> = reply.splitBytes ? splitBytes(frames.join(""), reply.splitBytes) : frames;
    for (const piece of pieces) {
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      if (!write(record, res, piece)) return;
    }
    if (reply.neverEnd === "silent") return;
    if (reply.neverEnd === "trickle") {
      while (!res.destroyed) {
        await sleep(reply.chunkDelayMs ?? 10);
        const frame = record.path.endsWith("/responses")
          ? `event: response.output_text.delta${eol}data: ${JSON.stringify({ type: "response.output_text.delta", output_index: 0, content_index: 0, delta: "." })}${eol}${eol}`
          : record.protocol === "anthropic"
            ? `event: content_block_delta${eol}data: ${JSON.stringify({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "." } })}${eol}${eol}`
            : `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1_700_000_000, model, choices: [{ index: 0, delta: { content: "." }, finish_reason: null }] })}${eol}${eol}`;
        write(record, res, frame);
      }
      return;
    }
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    reply(...replies) {
      queue.push(...replies);
    },
    setDefaultReply(reply) {
      defaultReply = reply;
    },
    lastRequest() {
      return requests[requests.length - 1];
    },
    waitForRequests(count, timeoutMs = 5000) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`mock upstream: ${requests.length} of ${count} requests arrived`)),
          timeoutMs,
        );
        const check = () => {
          if (requests.length >= count) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        waiters.push(check);
      });
    },
    reset() {
      queue.length = 0;
      requests.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Split text into byte pieces of `size` (multi-byte characters may be cut, as on a real network). */
function splitBytes(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, "utf8");
  const out: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) out.push(bytes.subarray(offset, offset + size));
  return out;
}
