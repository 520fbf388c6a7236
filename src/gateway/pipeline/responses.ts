/**
 * The OpenAI Responses API (`POST /v1/responses`) through the same pipeline as chat completions:
 * detection on every text part, policy and tier routing, approvals, budgets, pseudonymisation,
 * `store: false` upstream, restore in the answer (streamed or not) and the audit record.
 * OpenAI, Azure OpenAI and OpenAI-compatible providers serve it themselves; Anthropic models are
 * reached by translation to the Messages API (see ResponsesUpstream). A model of another provider
 * (Mistral) gets a clear 400.
 */
import type { CatalogModel } from "../../config/index.js";
import type { Entity } from "../../detect/index.js";
import type { Decision } from "../../policy/index.js";
import { type PlaceholderResolver, restore, type Session, StreamingRestorer } from "../../pseudonymize/index.js";
import type { BudgetReservation } from "../accounting/budgets.js";
import type { Identity } from "../accounting/identity.js";
import { estimateTokens } from "../accounting/pricing.js";
import { disclosureSuffix, wantsStructuredOutput } from "../providers/disclosure-stream.js";
import { GatewayError, toGatewayError } from "../providers/errors.js";
import { isFallbackWorthy } from "../providers/fallback.js";
import { rewriteResponseEvents, rewriteResponseObject } from "../providers/responses/rewrite.js";
import type { ResponsesStreamEvent } from "../providers/responses/types.js";
import type { ResponsesUpstream, ResponsesUpstreamStream } from "../providers/responses/upstream.js";
import type { TextKind, TextRewriter } from "../providers/rewrite-text.js";
import type { GatewayReply, GatewayRequest, Trace } from "./gateway.js";
import { parseResponsesRequest, responsesTexts } from "./responses-request.js";
import type { RequestTexts, TextPart } from "./text-parts.js";

type Target = { model: CatalogModel; adapter: { id: string } };

/** The pipeline steps of the Gateway this endpoint reuses. */
export interface ResponsesSteps {
  upstream: ResponsesUpstream;
  timeoutMs: number | undefined;
  disclosureLine: string | undefined;
  checkRate(identity: Identity, bodyChars: number): Promise<void>;
  assess(
    parts: TextPart[],
    model: string,
    identity: Identity,
    trace: Trace,
  ): Promise<{ decision: Decision; entities: Entity[][] }>;
  approvalGate(request: GatewayRequest, body: { tools?: unknown }, decision: Decision, trace: Trace): Promise<Decision>;
  decided(decision: Decision, trace: Trace): CatalogModel;
  targets(model: CatalogModel, decision: Decision, identity: Identity): Target[];
  reserve(
    identity: Identity,
    targets: Target[],
    chars: number,
    maxOutput: number | undefined,
    trace: Trace,
  ): Promise<BudgetReservation>;
  pseudonymise(
    request: GatewayRequest,
    texts: RequestTexts<unknown>,
    entities: Entity[][],
    decision: Decision,
    identity: Identity,
    trace: Trace,
  ): Promise<Session>;
  noteProvider(provider: string, upstreamModel: string, targets: Target[], trace: Trace): void;
  finish(
    reservation: BudgetReservation,
    trace: Trace,
    estimatedTokens: number,
    httpStatus: number,
    errorCode: string | null,
  ): void;
  headers(trace: Trace, kind: "json" | "stream"): Record<string, string>;
  jsonEscaping(session: Session): PlaceholderResolver;
}

/** Response header set when a client's `store: true` was sent upstream as `store: false`. */
export const STORE_HEADER = "x-poortwachter-store";

export async function handleResponses(
  steps: ResponsesSteps,
  request: GatewayRequest,
  json: unknown,
  trace: Trace,
  reserved: (r: BudgetReservation) => void,
): Promise<GatewayReply> {
  const { body: parsed, storeDowngraded } = parseResponsesRequest(json);
  const texts = responsesTexts(parsed);
  const body = texts.body;
  trace.modelRequested = body.model;
  trace.toolCalls = Array.isArray(body.tools) && body.tools.length > 0;
  const identity = trace.identity as Identity;
  await steps.checkRate(identity, request.bodyText.length);
  const assessed = await steps.assess(texts.parts, body.model, identity, trace);
  // The client's own body: the approval is keyed by what the user wrote, not by placeholders.
  const decision = await steps.approvalGate(request, parsed, assessed.decision, trace);
  const model = steps.decided(decision, trace);
  const targets = steps.targets(model, decision, identity).filter((t) => steps.upstream.supports(t.model.providerId));
  if (targets.length === 0) {
    trace.reasons.push("responses_api_unsupported");
    throw new GatewayError(
      400,
      "invalid_request",
      `Model ${model.name} is served by provider ${model.providerId}, which does not offer the Responses API. ` +
        "Use /v1/chat/completions (or /v1/messages) for this model, or a model of an OpenAI, Azure OpenAI, " +
        "OpenAI-compatible or Anthropic provider.",
      { retryable: false, param: "model" },
    );
  }
  const reservation = await steps.reserve(
    identity,
    targets,
    texts.parts.reduce((n, part) => n + part.text.length, 0),
    body.max_output_tokens ?? model.maxTokens,
    trace,
  );
  reserved(reservation);
  // Allocation is atomic per conversation: once this resolves, a follow-up request finds the placeholders.
  const session = await steps.pseudonymise(request, texts, assessed.entities, decision, identity, trace);
  // Structured output is JSON text: values go in JSON-escaped, and no disclosure line breaks it.
  const structured = wantsStructuredOutput(body);
  const suffix = steps.disclosureLine && !structured ? disclosureSuffix(steps.disclosureLine) : undefined;
  const resolverFor = (kind: TextKind) => (kind === "text" && !structured ? session : steps.jsonEscaping(session));
  const rewriting = {
    create: (kind: TextKind): TextRewriter => new StreamingRestorer(resolverFor(kind)),
    full: (kind: TextKind, text: string) => restore(text, resolverFor(kind)),
    suffix,
  };

  const controller = new AbortController();
  const onAbort = () => controller.abort(request.signal?.reason);
  request.signal?.addEventListener("abort", onAbort, { once: true });
  if (request.signal?.aborted) controller.abort();
  const detach = () => request.signal?.removeEventListener("abort", onAbort);
  const ctx = { signal: controller.signal, ...(steps.timeoutMs ? { timeoutMs: steps.timeoutMs } : {}) };
  const extraHeaders: Record<string, string> = storeDowngraded ? { [STORE_HEADER]: "false" } : {};

  // Fallback as for chat: the next target only after an error another model might not have.
  const attempt = async <T>(call: (target: Target) => Promise<T>): Promise<{ value: T; target: Target }> => {
    for (const [index, target] of targets.entries()) {
      try {
        return { value: await call(target), target };
      } catch (error) {
        const gatewayError = toGatewayError(error, target.adapter.id);
        if (!isFallbackWorthy(gatewayError) || index === targets.length - 1) throw gatewayError;
        trace.reasons.push("upstream_fallback");
      }
    }
    throw new GatewayError(500, "internal_error", "No model to send the request to", { retryable: false });
  };

  if (body.stream === true) {
    let started: { value: ResponsesUpstreamStream; target: Target };
    try {
      started = await attempt((t) => steps.upstream.stream(t.model.providerId, t.model.upstreamModel, body, ctx));
    } catch (error) {
      detach();
      throw error;
    }
    trace.upstreamStatus = 200;
    steps.noteProvider(started.target.adapter.id, started.target.model.upstreamModel, targets, trace);
    return {
      kind: "stream",
      status: 200,
      headers: { ...steps.headers(trace, "stream"), ...extraHeaders },
      body: streamBody(steps, started.value, rewriting, controller, reservation, trace, detach),
    };
  }

  let result: Awaited<ReturnType<ResponsesUpstream["create"]>>;
  let target: Target;
  try {
    ({ value: result, target } = await attempt((t) =>
      steps.upstream.create(t.model.providerId, t.model.upstreamModel, body, ctx),
    ));
  } finally {
    detach();
  }
  trace.upstreamStatus = 200;
  steps.noteProvider(target.adapter.id, target.model.upstreamModel, targets, trace);
  const restored = rewriteResponseObject(result.body, rewriting);
  trace.usage = result.usage;
  if (!result.usage) trace.outputChars = JSON.stringify(result.body.output).length;
  steps.finish(reservation, trace, estimateTokens(request.bodyText.length), 200, null);
  return { kind: "json", status: 200, headers: { ...steps.headers(trace, "json"), ...extraHeaders }, body: restored };
}

function sse(event: ResponsesStreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

async function* streamBody(
  steps: ResponsesSteps,
  stream: ResponsesUpstreamStream,
  rewriting: Parameters<typeof rewriteResponseEvents>[1],
  controller: AbortController,
  reservation: BudgetReservation,
  trace: Trace,
  detach: () => void,
): AsyncGenerator<string, void, undefined> {
  let finished = false;
  let errorCode: string | null = null;
  let sequence = 0;
  try {
    try {
      for await (const event of rewriteResponseEvents(stream, rewriting)) {
        if (event.type.endsWith(".delta") && typeof event.delta === "string") trace.outputChars += event.delta.length;
        sequence = (event.sequence_number ?? sequence) + 1;
        yield sse(event);
      }
    } catch (error) {
      const gatewayError = toGatewayError(error);
      errorCode = gatewayError.code;
      yield sse({
        type: "error",
        code: gatewayError.code,
        message: gatewayError.message,
        param: null,
        sequence_number: sequence,
      });
    }
    finished = true;
  } finally {
    detach();
    // The client went away mid-stream: close the upstream connection so it stops generating.
    if (!finished) {
      controller.abort();
      errorCode = "client_closed";
    }
    const summary = stream.summary();
    trace.usage = summary.usage;
    if (summary.upstreamError && errorCode === null) errorCode = "upstream_stream_error";
    steps.finish(reservation, trace, 0, 200, errorCode);
  }
}
