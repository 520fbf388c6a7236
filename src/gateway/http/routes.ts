/**
 * The OpenAI- and Anthropic-compatible endpoints: thin HTTP glue around the Gateway pipeline.
 * POST /v1/chat/completions, POST /v1/messages, POST /v1/responses, POST /v1/embeddings, GET /v1/models.
 */
import type { IncomingMessage } from "node:http";
import { Hono } from "hono";
import { renderGatewayError } from "../pipeline/client-errors.js";
import type { Gateway, GatewayEndpoint, GatewayReply } from "../pipeline/gateway.js";
import { MAX_BODY_BYTES, tooLarge } from "../pipeline/parse.js";
import type { GatewayError } from "../providers/errors.js";
import { SSE_HEADERS } from "../providers/sse/writer.js";
import { GATEWAY_POST_ENDPOINTS, protocolOf, readIncoming } from "./node.js";

const encoder = new TextEncoder();

/** The body as text, refusing more than MAX_BODY_BYTES without reading it all into memory. */
async function readBody(request: Request, incoming: IncomingMessage | undefined): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge(declared);
  if (incoming && !incoming.readableEnded) return readIncoming(incoming);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge(size);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function toResponse(reply: GatewayReply, abort: AbortController): Response {
  if (reply.kind === "json") {
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { "content-type": "application/json", ...reply.headers },
    });
  }
  const events = reply.body;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // Empty pieces (Anthropic's terminator) are skipped: a pull that enqueues nothing is not repeated.
        for (;;) {
          const next = await events.next();
          if (next.done) return controller.close();
          if (next.value !== "") return controller.enqueue(encoder.encode(next.value));
        }
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      // The client is gone: abort first (a pending upstream read would otherwise hold return()).
      abort.abort();
      await events.return(undefined).catch(() => {});
    },
  });
  return new Response(body, { status: reply.status, headers: { ...SSE_HEADERS, ...reply.headers } });
}

function route(gateway: Gateway, endpoint: GatewayEndpoint) {
  return async (c: { req: { raw: Request }; env: unknown }): Promise<Response> => {
    const raw = c.req.raw;
    // Under @hono/node-server the Node request is at hand; elsewhere (app.fetch in tests) it is not.
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const abort = new AbortController();
    const clientSignal = raw.signal;
    if (clientSignal.aborted) abort.abort();
    else clientSignal.addEventListener("abort", () => abort.abort(), { once: true });
    let bodyText: string;
    try {
      bodyText = await readBody(raw, incoming);
    } catch (error) {
      const reply = renderGatewayError(protocolOf(endpoint), error as GatewayError);
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { "content-type": "application/json", connection: "close", ...reply.headers },
      });
    }
    const reply = await gateway.handle({
      endpoint,
      header: (name) => raw.headers.get(name),
      bodyText,
      signal: abort.signal,
    });
    return toResponse(reply, abort);
  };
}

/** The gateway's routes, to mount at the root of the server app. */
export function createGatewayRoutes(gateway: Gateway): Hono {
  const app = new Hono();
  for (const endpoint of GATEWAY_POST_ENDPOINTS) app.post(endpoint, route(gateway, endpoint));
  app.get("/v1/models", async (c) => {
    const reply = await gateway.listModels((name) => c.req.raw.headers.get(name));
    return toResponse(reply, new AbortController());
  });
  return app;
}
