/**
 * The gateway's POST endpoints straight on Node's HTTP server, without the Hono app in between.
 * Measured on the benchmark, building a Web Request and Response per call, the middleware chain
 * and the Headers objects cost about a tenth of a request's CPU time; here the Node request is
 * read directly and the reply written with one `writeHead` and, for JSON, one `end`. Everything
 * else (the web app, the APIs, GET /v1/models) still goes through the Hono app, and the routes
 * in routes.ts serve the same endpoints for `app.fetch` (tests, other runtimes).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { renderGatewayError } from "../pipeline/client-errors.js";
import type { Gateway, GatewayEndpoint, GatewayReply } from "../pipeline/gateway.js";
import { MAX_BODY_BYTES, tooLarge } from "../pipeline/parse.js";
import type { GatewayError } from "../providers/errors.js";
import { SSE_HEADERS } from "../providers/sse/writer.js";

/** The gateway's POST endpoints; routes.ts mounts the same list on the Hono app. */
export const GATEWAY_POST_ENDPOINTS: readonly GatewayEndpoint[] = [
  "/v1/chat/completions",
  "/v1/messages",
  "/v1/responses",
  "/v1/embeddings",
];
const ENDPOINTS: ReadonlySet<string> = new Set(GATEWAY_POST_ENDPOINTS);

/** The protocol an endpoint's errors are written in. */
export function protocolOf(endpoint: GatewayEndpoint): "anthropic" | "openai" {
  return endpoint === "/v1/messages" ? "anthropic" : "openai";
}

/** Handles one request when it is for a gateway endpoint; returns false to leave it to the app. */
export type NodeRequestHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Reads the body, refusing more than MAX_BODY_BYTES without holding it all in memory. */
export async function readIncoming(incoming: IncomingMessage): Promise<string> {
  const declared = Number(incoming.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    incoming.resume();
    throw tooLarge(declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) {
      incoming.resume();
      throw tooLarge(size);
    }
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8");
}

/** A request header as `Headers.get` gives it: case-insensitive, repeated values joined. */
function headerOf(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

function writeJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>>,
  base: Readonly<Record<string, string>>,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...base,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** Resolves when the socket can take more, or the client is gone. */
function writable(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

/**
 * Writes the SSE pieces as they come. Pieces that arrive together (one upstream read holds
 * several events) are corked into one socket write: the first piece of a burst corks, the
 * uncork runs once the microtasks of this turn are done, so no piece waits for a later one.
 */
async function writeStream(
  response: ServerResponse,
  events: AsyncGenerator<string, void, undefined>,
  abort: AbortController,
): Promise<void> {
  let finished = false;
  let corked = false;
  const uncork = () => {
    corked = false;
    response.uncork();
  };
  try {
    for (;;) {
      const next = await events.next();
      if (next.done) break;
      if (response.destroyed) return;
      // Anthropic's terminator is empty: nothing to write.
      if (next.value === "") continue;
      if (!corked) {
        corked = true;
        response.cork();
        process.nextTick(uncork);
      }
      if (!response.write(next.value)) await writable(response);
    }
    finished = true;
    response.end();
  } finally {
    if (!finished) {
      // The client is gone: abort first (a pending upstream read would otherwise hold return()).
      abort.abort();
      await events.return(undefined).catch(() => {});
    }
  }
}

async function serveEndpoint(
  gateway: Gateway,
  endpoint: GatewayEndpoint,
  request: IncomingMessage,
  response: ServerResponse,
  base: Readonly<Record<string, string>>,
): Promise<void> {
  const abort = new AbortController();
  // 'close' also fires after a complete answer; only an unfinished one means the client left.
  response.once("close", () => {
    if (!response.writableFinished) abort.abort();
  });
  let bodyText: string;
  try {
    bodyText = await readIncoming(request);
  } catch (error) {
    const reply = renderGatewayError(protocolOf(endpoint), error as GatewayError);
    writeJson(response, reply.status, reply.body, { connection: "close", ...reply.headers }, base);
    return;
  }
  const reply: GatewayReply = await gateway.handle({
    endpoint,
    header: (name) => headerOf(request, name),
    bodyText,
    signal: abort.signal,
  });
  if (reply.kind === "json") {
    writeJson(response, reply.status, reply.body, reply.headers, base);
    return;
  }
  response.writeHead(reply.status, { ...base, ...SSE_HEADERS, ...reply.headers });
  await writeStream(response, reply.body, abort);
}

/**
 * The Node handler for the gateway's POST endpoints. `baseHeaders` go on every answer (the
 * server's security headers, as the app's middleware sets them on everything else).
 */
export function gatewayNodeHandler(
  gateway: Gateway,
  baseHeaders: Readonly<Record<string, string>>,
): NodeRequestHandler {
  return (request, response) => {
    if (request.method !== "POST" || request.url === undefined) return false;
    const query = request.url.indexOf("?");
    const path = query < 0 ? request.url : request.url.slice(0, query);
    if (!ENDPOINTS.has(path)) return false;
    serveEndpoint(gateway, path as GatewayEndpoint, request, response, baseHeaders).catch(() => {
      // gateway.handle answers its own errors; this is a broken socket or a bug: never hang.
      if (!response.headersSent) {
        writeJson(response, 500, { error: { message: "Internal error", type: "internal_error" } }, {}, baseHeaders);
      } else response.destroy();
    });
    return true;
  };
}
