/**
 * The path of one request (DESIGN.md): auth -> parse -> rate limit -> detect -> classify -> decide
 * -> budget reserve -> pseudonymise -> upstream -> restore -> client, with the audit record and the
 * budget settlement afterwards. HTTP-agnostic: the routes hand in headers, body text and the
 * client's abort signal, and get back a JSON reply or a stream of SSE text.
 *
 * Fail closed: anything that goes wrong before the upstream call (detection, policy,
 * pseudonymisation, the vault) ends the request with an error and nothing is sent upstream.
 */
import type { CatalogModel, PoortwachterConfig } from "../../config/index.js";
import { modelCatalog } from "../../config/index.js";
import { Detector, type Entity, InputTooLargeError } from "../../detect/index.js";
import {
  type Classification,
  classify,
  type Decision,
  decide,
  effectiveRules,
  type InjectionFinding,
  type PolicySettings,
  type RoutableModel,
  scanForInjection,
  stripInjection,
  tierAllows,
} from "../../policy/index.js";
import { pseudonymize, restore, Session, StreamingRestorer, type Vault } from "../../pseudonymize/index.js";
import { presentedApiKey } from "../accounting/api-keys.js";
import { type AuditCode, type AuditRecord, auditCode, newAuditRecord, toolFromHeaders } from "../accounting/audit.js";
import {
  type BudgetReservation,
  type BudgetService,
  budgetWarningHeader,
  budgetWarningReasons,
} from "../accounting/budgets.js";
import type { Identity, IdentityService } from "../accounting/identity.js";
import { DEFAULT_MAX_OUTPUT_TOKENS, estimateTokens, type PriceBook } from "../accounting/pricing.js";
import type { RateLimiter } from "../accounting/rate-limits.js";
import {
  APPROVAL_HEADER,
  ApprovalRefusal,
  type ApprovalService,
  approvalConversation,
  approvalRefusal,
  approvedPolicy,
  firstUserText,
  toolNames,
} from "../approvals/index.js";
import { type Detected, DetectionPool, defaultDetectionThreads } from "../detection/pool.js";
import type { DetectorSpec } from "../detection/spec.js";
import type { AnthropicMessagesRequest } from "../providers/anthropic/types.js";
import { wantsStructuredOutput, withStreamDisclosure } from "../providers/disclosure-stream.js";
import { GatewayError, toGatewayError } from "../providers/errors.js";
import { chatStreamWithFallback, chatWithFallback, type FallbackTarget } from "../providers/fallback.js";
import type { OpenAIChatRequest, OpenAIEmbeddingsRequest } from "../providers/openai/types.js";
import type { ResponsesUpstream } from "../providers/responses/upstream.js";
import { rewriteResultText, rewriteStreamText, type TextKind, type TextRewriter } from "../providers/rewrite-text.js";
import { formatStreamError, formatStreamEvent, streamTerminator } from "../providers/sse/writer.js";
import type {
  ChatRequest,
  ChatResult,
  ChatStream,
  ChatStreamEvent,
  Protocol,
  ProviderAdapter,
  Usage,
} from "../providers/types.js";
import {
  authRefusal,
  budgetRefusal,
  internalRefusal,
  type JsonReply,
  policyRefusal,
  Refusal,
  rateLimitRefusal,
  renderGatewayError,
  renderRefusal,
} from "./client-errors.js";
import {
  CONVERSATION_HEADER,
  type ConversationSessions,
  conversationId,
  isConversationSessions,
  LocalSessions,
  vaultSessionId,
} from "./conversation.js";
import { applyHints, type DetectionHints } from "./hints.js";
import { type Language, messageLanguage } from "./language.js";
import {
  MAX_BODY_BYTES,
  parseAnthropicMessages,
  parseEmbeddings,
  parseJsonBody,
  parseOpenAIChat,
  tooLarge,
} from "./parse.js";
import { handleResponses } from "./responses.js";
import {
  anthropicTexts,
  embeddingsTexts,
  openAIChatTexts,
  promptChars,
  type RequestTexts,
  type TextPart,
} from "./text-parts.js";

/**
 * Requests with fewer characters of text are detected on the main thread even with workers: the
 * hop to a worker and back costs the main thread about 25-35 µs, as much as detecting ~250
 * characters does (measured on the bench machine).
 */
const INLINE_BELOW_CHARS = 256;

export type GatewayEndpoint = "/v1/chat/completions" | "/v1/messages" | "/v1/embeddings" | "/v1/responses";

export interface GatewayRequest {
  endpoint: GatewayEndpoint;
  /** Header lookup, case-insensitive (e.g. `Headers.get`). */
  header(name: string): string | null | undefined;
  bodyText: string;
  /** Aborts when the client goes away. */
  signal?: AbortSignal | undefined;
  /**
   * Set only by an in-process caller that has authenticated the user itself (the team chat, as
   * the logged-in account): no API key is looked up. Never filled from HTTP input.
   */
  identity?: Identity | undefined;
  /** The user's corrections to detection (the team chat's review step). */
  hints?: DetectionHints | undefined;
  /** Sees what the AI service saw: the request as sent upstream and the answer before restoring. */
  observer?: UpstreamObserver | undefined;
}

export interface UpstreamObserver {
  /** The request body as it goes upstream, pseudonymised. */
  sent?(body: unknown): void;
  /** Answer text as the upstream wrote it (placeholders still in), in order. */
  received?(text: string): void;
}

export type GatewayReply =
  | ({ kind: "json" } & JsonReply)
  | {
      kind: "stream";
      status: 200;
      headers: Record<string, string>;
      /** SSE text in the client's protocol. Stop early (return()) when the client is gone: upstream is aborted. */
      body: AsyncGenerator<string, void, undefined>;
    };

export interface AuditSink {
  record(record: AuditRecord): void;
}

export interface GatewayOptions {
  config: PoortwachterConfig;
  identity: IdentityService;
  budgets: BudgetService;
  rateLimiter: RateLimiter;
  prices: PriceBook;
  audit: AuditSink;
  vault: Vault;
  /**
   * Atomic placeholder allocation per conversation in front of the vault; by default the vault's
   * own (Redis) or an in-process cache of live sessions (memory and store vaults).
   */
  sessions?: ConversationSessions;
  /** Adapters by provider id. */
  adapters: ReadonlyMap<string, ProviderAdapter>;
  /** A detector with a customer dictionary or custom recognizers; the built-in one otherwise. */
  detector?: Detector;
  /**
   * What `detector` is made of, so worker threads can rebuild it. A detector given without its
   * spec is only run on the main thread (a worker could not reproduce it).
   */
  detectorSpec?: DetectorSpec;
  /** Worker threads for detection (0: the main thread); `server.detectionThreads` otherwise. */
  detectionThreads?: number;
  /** Upstream timeout per request (header wait and each silence while streaming); the provider's otherwise. */
  timeoutMs?: number;
  clock?: () => number;
  /** Approvals of requests the policy holds for a person; without it such requests are refused. */
  approvals?: ApprovalService | undefined;
  /** The Responses API upstreams; without it /v1/responses answers 404. */
  responses?: ResponsesUpstream | undefined;
}

/** Response headers Poortwachter adds. */
export const HEADERS = {
  decision: "x-poortwachter-decision",
  entities: "x-poortwachter-entities",
  model: "x-poortwachter-model",
  conversation: "x-poortwachter-conversation",
  budgetWarning: "x-poortwachter-budget-warning",
  aiGenerated: "x-ai-generated",
  approval: APPROVAL_HEADER,
} as const;

/** What the pipeline learned about a request, for the audit record and the response headers. */
export class Trace {
  identity: Identity | null = null;
  modelRequested: string | null = null;
  model: CatalogModel | null = null;
  provider: string | null = null;
  classification: Classification | null = null;
  decision: Decision | null = null;
  entityCounts: Record<string, number> = {};
  reasons: string[] = [];
  toolCalls = false;
  injection = false;
  /** The injection findings, for deciding again once a request is approved. */
  findings: InjectionFinding[] = [];
  usage: Usage | undefined;
  /** Prompt tokens as estimated before the call: the fallback when the upstream reports no usage. */
  promptTokens = 0;
  /** Characters of answer text passed to the client: the fallback for output tokens. */
  outputChars = 0;
  costMicros = 0;
  upstreamStatus: number | null = null;
  conversation: string | null = null;
  budgetWarning: string | undefined;

  constructor(
    readonly protocol: Protocol,
    readonly endpoint: GatewayEndpoint,
    readonly tool: AuditCode | null,
    readonly started: number,
  ) {}
}

/** Characters of model output in one stream event (text and tool arguments). */
function eventTextLength(event: ChatStreamEvent): number {
  if (event.protocol === "openai") {
    if (!("choices" in event.data)) return 0;
    let n = 0;
    for (const choice of event.data.choices) {
      n += choice.delta.content?.length ?? 0;
      for (const call of choice.delta.tool_calls ?? []) n += call.function?.arguments?.length ?? 0;
    }
    return n;
  }
  const data = event.data;
  if (data.type !== "content_block_delta") return 0;
  if (data.delta.type === "text_delta") return data.delta.text.length;
  return data.delta.type === "input_json_delta" ? data.delta.partial_json.length : 0;
}

function countEntities(entities: readonly Entity[], into: Record<string, number>): void {
  for (const entity of entities) into[entity.type] = (into[entity.type] ?? 0) + 1;
}

/** `EMAIL=1, PERSON=2`: counts only, never values. */
function entitiesHeader(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "none" : entries.map(([type, n]) => `${type}=${n}`).join(", ");
}

/** Hands the upstream's text to an observer before it is restored. */
function observed(rewriter: TextRewriter, received: ((text: string) => void) | undefined): TextRewriter {
  if (!received) return rewriter;
  return {
    push(text: string): string {
      received(text);
      return rewriter.push(text);
    },
    flush: () => rewriter.flush(),
  };
}

/** Writes the pseudonymised texts into the request body. */
function applyTexts(texts: RequestTexts<unknown>, pseudonymised: readonly (string | undefined)[]): void {
  pseudonymised.forEach((text, i) => {
    if (text !== undefined) texts.parts[i]?.set(text);
  });
  texts.commit();
}

/** Tool-call arguments are JSON text: restored values are JSON-escaped there. */
function jsonEscapingResolver(session: Session) {
  return {
    resolve(label: string, digits: string): string | undefined {
      const value = session.resolve(label, digits);
      return value === undefined ? undefined : JSON.stringify(value).slice(1, -1);
    },
  };
}

export class Gateway {
  private readonly catalog: Map<string, CatalogModel>;
  private readonly routable: RoutableModel[];
  private detector: Detector;
  /** Detection off the main thread, when configured; used only while it runs the same detector. */
  private readonly detection: DetectionPool | undefined;
  private poolHasDetector: boolean;
  private readonly clock: () => number;
  private policy: PolicySettings;
  private readonly pending = new Set<Promise<void>>();
  private readonly sessions: ConversationSessions;

  constructor(private readonly options: GatewayOptions) {
    const catalog = modelCatalog(options.config);
    this.catalog = new Map(catalog.map((model) => [model.name, model]));
    this.routable = catalog.map((model) => ({ name: model.name, providerId: model.providerId, tier: model.tier }));
    this.detector = options.detector ?? new Detector();
    this.poolHasDetector = options.detector === undefined || options.detectorSpec !== undefined;
    const threads = options.detectionThreads ?? options.config.server.detectionThreads ?? defaultDetectionThreads();
    this.detection = threads > 0 ? new DetectionPool({ threads, spec: options.detectorSpec }) : undefined;
    this.clock = options.clock ?? Date.now;
    this.policy = options.config.policy as PolicySettings;
    this.sessions =
      options.sessions ?? (isConversationSessions(options.vault) ? options.vault : new LocalSessions(options.vault));
  }

  /**
   * Runtime settings (the web app's policy page): the next request uses the new policy. A plain
   * field swap, so the request path pays nothing for it being changeable.
   */
  setPolicy(policy: PolicySettings): void {
    this.policy = policy;
  }

  /**
   * Runtime settings (the customer list): the next request is scanned with this detector. With
   * its spec the detection workers are updated before this returns (their message order keeps
   * any later request from the old list); without it detection stays on the main thread.
   */
  setDetector(detector: Detector, spec?: DetectorSpec): void {
    this.detector = detector;
    this.poolHasDetector = spec !== undefined;
    if (spec) this.detection?.setSpec(spec);
  }

  /** Stops the detection workers; requests still waiting for them are refused. */
  async close(): Promise<void> {
    await this.detection?.close();
  }

  /**
   * Entities per part: on a worker when there is one, small texts inline (the hop costs more).
   * The worker also finds the policy's keywords in the parts, which classify would otherwise
   * look up here on the main thread.
   */
  private detectParts(parts: readonly TextPart[]): Detected | Promise<Detected> {
    if (this.detection && this.poolHasDetector && promptChars(parts) >= INLINE_BELOW_CHARS) {
      return this.detection.detectWithKeywords(parts.map((part) => part.text));
    }
    return { entities: parts.map((part) => this.detector.detect(part.text)) };
  }

  /** The models a key may use (its team's allowed list, or all). */
  async listModels(header: GatewayRequest["header"]): Promise<GatewayReply> {
    const language = messageLanguage(header("accept-language"));
    const protocol: Protocol = header("anthropic-version") ? "anthropic" : "openai";
    const auth = await this.options.identity.authenticate(presentedApiKey(authHeaders(header)));
    if (!auth.ok) return { kind: "json", ...renderRefusal(protocol, authRefusal(auth.code), language) };
    const allowed = effectiveRules(this.policy, auth.identity.team ?? undefined).allowedModels;
    const models = [...this.catalog.values()].filter((m) => allowed === undefined || allowed.includes(m.name));
    const created = Math.floor(this.clock() / 1000);
    return {
      kind: "json",
      status: 200,
      headers: {},
      body: {
        object: "list",
        data: models.map((m) => ({
          id: m.name,
          object: "model",
          type: "model",
          created,
          owned_by: m.providerId,
          display_name: m.name,
          tier: m.tier,
        })),
        has_more: false,
      },
    };
  }

  async handle(request: GatewayRequest): Promise<GatewayReply> {
    const protocol: Protocol = request.endpoint === "/v1/messages" ? "anthropic" : "openai";
    const language = messageLanguage(request.header("accept-language"));
    const trace = new Trace(
      protocol,
      request.endpoint,
      toolFromHeaders(request.header("x-poortwachter-tool"), request.header("user-agent")),
      this.clock(),
    );
    const auth = request.identity
      ? { ok: true as const, identity: request.identity }
      : await this.options.identity.authenticate(presentedApiKey(authHeaders(request.header)));
    if (!auth.ok) return { kind: "json", ...renderRefusal(protocol, authRefusal(auth.code), language) };
    trace.identity = auth.identity;
    let reservation: BudgetReservation | undefined;
    try {
      if (Buffer.byteLength(request.bodyText, "utf8") > MAX_BODY_BYTES) {
        throw tooLarge(Buffer.byteLength(request.bodyText, "utf8"));
      }
      const json = parseJsonBody(request.bodyText);
      if (request.endpoint === "/v1/embeddings") {
        return await this.embeddings(request, parseEmbeddings(json), trace, (r) => {
          reservation = r;
        });
      }
      if (request.endpoint === "/v1/responses") {
        return await this.responses(request, json, trace, (r) => {
          reservation = r;
        });
      }
      const texts: RequestTexts<OpenAIChatRequest | AnthropicMessagesRequest> =
        protocol === "openai" ? openAIChatTexts(parseOpenAIChat(json)) : anthropicTexts(parseAnthropicMessages(json));
      return await this.chat(request, protocol, texts, trace, (r) => {
        reservation = r;
      });
    } catch (error) {
      if (reservation) await this.options.budgets.release(reservation).catch(() => {});
      return this.fail(protocol, error, trace, language);
    }
  }

  private async chat(
    request: GatewayRequest,
    protocol: Protocol,
    texts: RequestTexts<OpenAIChatRequest | AnthropicMessagesRequest>,
    trace: Trace,
    reserved: (r: BudgetReservation) => void,
  ): Promise<GatewayReply> {
    const body = texts.body;
    trace.modelRequested = body.model;
    trace.toolCalls = Array.isArray(body.tools) && body.tools.length > 0;
    const identity = trace.identity as Identity;
    await this.checkRate(identity, request.bodyText.length);
    const assessed = await this.assess(texts.parts, body.model, identity, trace, request.hints);
    const { entities } = assessed;
    const decision = await this.approvalGate(request, body, assessed.decision, trace);
    const model = this.decided(decision, trace);
    const maxOutput =
      protocol === "openai"
        ? ((body as OpenAIChatRequest).max_completion_tokens ?? (body as OpenAIChatRequest).max_tokens ?? undefined)
        : (body as AnthropicMessagesRequest).max_tokens;
    const targets = this.targets(model, decision, identity);
    const reservation = await this.reserve(
      identity,
      targets,
      promptChars(texts.parts),
      maxOutput ?? model.maxTokens,
      trace,
    );
    reserved(reservation);

    const session = await this.pseudonymise(request, texts, entities, decision, identity, trace);
    // JSON mode / structured output: the answer text is JSON, so restored values go in escaped.
    const answerResolver = wantsStructuredOutput(body) ? jsonEscapingResolver(session) : session;
    request.observer?.sent?.(texts.body);
    const received = request.observer?.received?.bind(request.observer);
    const chatRequest = { protocol, body: texts.body } as ChatRequest;
    const controller = new AbortController();
    const onAbort = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener("abort", onAbort, { once: true });
    if (request.signal?.aborted) controller.abort();
    const ctx = { signal: controller.signal, ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}) };
    const fallbackTargets = targets.map((t) => ({ adapter: t.adapter, model: t.model.upstreamModel }));
    const onFallback = () => trace.reasons.push("upstream_fallback");

    if (body.stream === true) {
      let stream: Awaited<ReturnType<typeof chatStreamWithFallback>>;
      try {
        stream = await chatStreamWithFallback(fallbackTargets, chatRequest, ctx, { onFallback });
      } catch (error) {
        request.signal?.removeEventListener("abort", onAbort);
        throw error;
      }
      trace.upstreamStatus = 200;
      this.noteProvider(stream.provider, stream.model, targets, trace);
      const restored = rewriteStreamText(
        stream,
        (kind: TextKind): TextRewriter =>
          kind === "text"
            ? observed(new StreamingRestorer(answerResolver), received)
            : new StreamingRestorer(jsonEscapingResolver(session)),
      );
      return {
        kind: "stream",
        status: 200,
        headers: this.headers(trace, "stream"),
        body: this.streamBody(this.withStreamDisclosure(restored, body), protocol, controller, reservation, trace, () =>
          request.signal?.removeEventListener("abort", onAbort),
        ),
      };
    }

    let result: ChatResult;
    try {
      result = await chatWithFallback(fallbackTargets, chatRequest, ctx, { onFallback });
    } finally {
      request.signal?.removeEventListener("abort", onAbort);
    }
    trace.upstreamStatus = 200;
    this.noteProvider(result.provider, result.model, targets, trace);
    const restored = this.withDisclosure(
      rewriteResultText(result, (text) => {
        received?.(text);
        return restore(text, answerResolver);
      }),
      body,
    );
    trace.usage = result.usage;
    if (!result.usage) trace.outputChars = JSON.stringify(result.body).length;
    this.finish(reservation, trace, estimateTokens(request.bodyText.length), 200, null);
    return { kind: "json", status: 200, headers: this.headers(trace, "json"), body: restored.body };
  }

  private async embeddings(
    request: GatewayRequest,
    parsed: OpenAIEmbeddingsRequest,
    trace: Trace,
    reserved: (r: BudgetReservation) => void,
  ): Promise<GatewayReply> {
    trace.modelRequested = parsed.model;
    const identity = trace.identity as Identity;
    const texts = embeddingsTexts(parsed);
    if (texts.parts.length === 0) {
      throw new GatewayError(400, "invalid_request", "Token arrays cannot be checked for personal data: send text", {
        retryable: false,
        param: "input",
      });
    }
    await this.checkRate(identity, request.bodyText.length);
    const { decision, entities } = await this.assess(texts.parts, parsed.model, identity, trace);
    const model = this.decided(decision, trace);
    const adapter = this.options.adapters.get(model.providerId);
    if (!adapter?.embeddings) {
      throw new GatewayError(400, "invalid_request", `Model "${model.name}" does not offer embeddings`, {
        retryable: false,
        param: "model",
      });
    }
    const targets = [{ model, adapter }];
    const reservation = await this.reserve(identity, targets, promptChars(texts.parts), 0, trace);
    reserved(reservation);
    // Embeddings are never restored: a fresh session per request keeps nothing in the vault.
    const session = new Session();
    this.pseudonymiseParts(texts, entities, decision, session);
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    let response: Awaited<ReturnType<NonNullable<ProviderAdapter["embeddings"]>>>;
    try {
      response = await adapter.embeddings({ ...texts.body, model: model.upstreamModel }, { signal: controller.signal });
    } finally {
      request.signal?.removeEventListener("abort", onAbort);
    }
    trace.upstreamStatus = 200;
    trace.provider = adapter.id;
    trace.model = model;
    if (typeof response.usage?.prompt_tokens === "number") {
      trace.usage = { inputTokens: response.usage.prompt_tokens, outputTokens: 0 };
    }
    this.finish(reservation, trace, estimateTokens(request.bodyText.length), 200, null);
    return {
      kind: "json",
      status: 200,
      headers: this.headers(trace, "json"),
      body: { ...response, model: model.name },
    };
  }

  private async checkRate(identity: Identity, bodyChars: number): Promise<void> {
    const outcome = await this.options.rateLimiter.check(identity, estimateTokens(bodyChars));
    if (!outcome.allowed) {
      throw rateLimitRefusal(outcome.retryAfterSeconds);
    }
  }

  /** Injection scan, detection per part, classification and the policy decision. Any error blocks. */
  private async assess(
    parts: TextPart[],
    requestedModel: string,
    identity: Identity,
    trace: Trace,
    hints?: DetectionHints,
  ): Promise<{ decision: Decision; entities: Entity[][] }> {
    const team = identity.team ?? undefined;
    const rules = effectiveRules(this.policy, team);
    const findings: InjectionFinding[] = [];
    let entities: Entity[][];
    let classification: Classification;
    try {
      for (const part of parts) {
        if (part.kind !== "tool_result") continue;
        const found = scanForInjection(part.text);
        if (found.length === 0) continue;
        findings.push(...found);
        if (rules.promptInjection === "strip") {
          part.text = stripInjection(part.text);
          part.set(part.text);
        }
      }
      const detected = await this.detectParts(parts);
      entities = detected.entities;
      if (hints) entities = this.corrected(parts, entities, hints, trace);
      for (const list of entities) countEntities(list, trace.entityCounts);
      classification = classify({
        entities: entities.flat(),
        text: parts.map((part) => part.text).join("\n"),
        keywordHits: detected.keywords,
        specialKeywords: rules.specialKeywords,
        minimumClass: rules.minimumClass,
      });
    } catch (error) {
      if (error instanceof InputTooLargeError) {
        throw new GatewayError(413, "request_too_large", error.message, { retryable: false });
      }
      trace.reasons.push("detection_error");
      throw internalRefusal();
    }
    trace.injection = findings.length > 0;
    trace.classification = classification;
    const decision = decide({
      classification,
      requestedModel,
      models: this.routable,
      fallbacks: this.options.config.models.fallbacks,
      policy: this.policy,
      team,
      toolCalls: trace.toolCalls,
      injection: findings,
    });
    trace.decision = decision;
    trace.findings = findings;
    trace.reasons.push(...decision.reasons, ...decision.flags);
    return { decision, entities };
  }

  /**
   * A request the policy holds for a person's approval goes on only with an approved, unexpired
   * approval of this user's conversation (header x-poortwachter-approval); otherwise a pending
   * approval is recorded (codes and counts only) and the client gets its id in a 403.
   */
  private async approvalGate(
    request: GatewayRequest,
    body: { tools?: unknown },
    decision: Decision,
    trace: Trace,
  ): Promise<Decision> {
    const approvals = this.options.approvals;
    const identity = trace.identity;
    if (!decision.approvalRequired || !approvals || !identity || !trace.classification) return decision;
    const conversation = approvalConversation(request.header(CONVERSATION_HEADER), body);
    let check: Awaited<ReturnType<ApprovalService["check"]>>;
    try {
      check = await approvals.check(
        {
          user: identity.user,
          team: identity.team,
          keyId: identity.keyId,
          endpoint: trace.endpoint,
          model: trace.modelRequested ?? "",
          tools: toolNames(body.tools),
          classification: trace.classification.dataClass,
          entityCounts: trace.entityCounts,
          conversation,
        },
        request.header(APPROVAL_HEADER),
      );
    } catch {
      trace.reasons.push("approval_store_error");
      throw internalRefusal();
    }
    trace.reasons.push(`approval:${check.approval.id}`);
    if (check.outcome !== "granted") throw approvalRefusal(check);
    const team = identity.team ?? undefined;
    const approved = decide({
      classification: trace.classification,
      requestedModel: trace.modelRequested ?? "",
      models: this.routable,
      fallbacks: this.options.config.models.fallbacks,
      policy: approvedPolicy(this.policy, identity.team ?? null),
      team,
      toolCalls: trace.toolCalls,
      injection: trace.findings,
    });
    trace.decision = approved;
    trace.reasons = trace.reasons.filter((reason) => reason !== "approval-required");
    trace.reasons.push(...approved.reasons, ...approved.flags, "approval_granted");
    return approved;
  }

  private responses(
    request: GatewayRequest,
    json: unknown,
    trace: Trace,
    reserved: (r: BudgetReservation) => void,
  ): Promise<GatewayReply> {
    const upstream = this.options.responses;
    if (!upstream) {
      throw new GatewayError(404, "not_found", "The Responses API is not enabled on this gateway", {
        retryable: false,
      });
    }
    return handleResponses(
      {
        upstream,
        timeoutMs: this.options.timeoutMs,
        disclosureLine: this.options.config.disclosure.line,
        checkRate: (identity, chars) => this.checkRate(identity, chars),
        assess: (parts, model, identity, t) => this.assess(parts, model, identity, t, request.hints),
        approvalGate: (req, body, decision, t) => this.approvalGate(req, body, decision, t),
        decided: (decision, t) => this.decided(decision, t),
        targets: (model, decision, identity) => this.targets(model, decision, identity),
        reserve: (identity, targets, chars, maxOutput, t) => this.reserve(identity, targets, chars, maxOutput, t),
        pseudonymise: (req, texts, entities, decision, identity, t) =>
          this.pseudonymise(req, texts, entities, decision, identity, t),
        noteProvider: (provider, model, targets, t) =>
          this.noteProvider(provider, model, targets as Array<{ model: CatalogModel; adapter: ProviderAdapter }>, t),
        finish: (reservation, t, tokens, status, code) => this.finish(reservation, t, tokens, status, code),
        headers: (t, kind) => this.headers(t, kind),
        jsonEscaping: (session) => jsonEscapingResolver(session),
      },
      request,
      json,
      trace,
      reserved,
    );
  }

  /** The disclosure line (EU AI Act art. 50) in a streamed answer, when configured. */
  private withStreamDisclosure<S extends ChatStream>(stream: S, body: unknown): S | ChatStream {
    const line = this.options.config.disclosure.line;
    return line && !wantsStructuredOutput(body) ? withStreamDisclosure(stream, line) : stream;
  }

  /** The user's corrections applied to every part; the audit keeps how many, never which. */
  private corrected(parts: readonly TextPart[], entities: Entity[][], hints: DetectionHints, trace: Trace): Entity[][] {
    let unmarked = 0;
    let added = 0;
    const out = parts.map((part, i) => {
      const outcome = applyHints(part.text, entities[i] ?? [], hints);
      unmarked += outcome.unmarked;
      added += outcome.added;
      return outcome.entities;
    });
    if (unmarked > 0) trace.reasons.push(`user_unmarked:${unmarked}`);
    if (added > 0) trace.reasons.push(`user_added:${added}`);
    return out;
  }

  /** The policy rules that hold for a team (the team chat shows what its models may receive). */
  rulesFor(team: string | null): ReturnType<typeof effectiveRules> {
    return effectiveRules(this.policy, team ?? undefined);
  }

  /** The models a team may choose (the team chat's model picker). */
  modelsFor(team: string | null): CatalogModel[] {
    const allowed = effectiveRules(this.policy, team ?? undefined).allowedModels;
    return [...this.catalog.values()].filter(
      (m) => this.options.adapters.has(m.providerId) && (allowed === undefined || allowed.includes(m.name)),
    );
  }

  /** What would be pseudonymised in a text, with the user's corrections (the team chat's review step). */
  preview(text: string, hints?: DetectionHints): Entity[] {
    const found = this.detector.detect(text);
    return hints ? applyHints(text, found, hints).entities : found;
  }

  /** The model the decision chose, or the refusal. */
  private decided(decision: Decision, trace: Trace): CatalogModel {
    if (decision.action === "block" || decision.model === null) {
      throw policyRefusal(decision.message, decision.reasons.includes("unknown-model"));
    }
    const model = this.catalog.get(decision.model);
    if (!model || !this.options.adapters.has(model.providerId)) {
      trace.reasons.push("no_adapter");
      throw internalRefusal();
    }
    trace.model = model;
    trace.provider = model.providerId;
    return model;
  }

  /** The chosen model first, then its configured fallbacks that may receive this data too. */
  private targets(
    model: CatalogModel,
    decision: Decision,
    identity: Identity,
  ): Array<{ model: CatalogModel; adapter: ProviderAdapter }> {
    const allowed = effectiveRules(this.policy, identity.team ?? undefined).allowedModels;
    const names = [model.name, ...(this.options.config.models.fallbacks[model.name] ?? [])];
    const out: Array<{ model: CatalogModel; adapter: ProviderAdapter }> = [];
    for (const name of names) {
      const candidate = this.catalog.get(name);
      const adapter = candidate && this.options.adapters.get(candidate.providerId);
      if (!candidate || !adapter || out.some((t) => t.model.name === name)) continue;
      if (!tierAllows(candidate.tier, decision.dataClass)) continue;
      if (allowed !== undefined && !allowed.includes(name)) continue;
      out.push({ model: candidate, adapter });
    }
    return out;
  }

  private microsFor(model: CatalogModel, inputTokens: number, outputTokens: number, roundUp: boolean): number {
    const price = model.price ?? this.options.prices.priceOf(model.upstreamModel).price;
    const micros = inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok;
    return roundUp ? Math.ceil(micros) : Math.round(micros);
  }

  private async reserve(
    identity: Identity,
    targets: ReadonlyArray<{ model: CatalogModel }>,
    chars: number,
    maxOutputTokens: number | undefined,
    trace: Trace,
  ): Promise<BudgetReservation> {
    const inputTokens = estimateTokens(chars);
    trace.promptTokens = inputTokens;
    const outputTokens = maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    // A fallback may be dearer than the first choice: reserve for the dearest.
    const estimate = Math.max(0, ...targets.map((t) => this.microsFor(t.model, inputTokens, outputTokens, true)));
    const outcome = await this.options.budgets.reserve(identity, estimate);
    if (!outcome.ok) {
      trace.reasons.push(`budget_hard_${outcome.scope}_${outcome.period}`);
      throw budgetRefusal(outcome.scope, outcome.period, outcome.hardEur, outcome.retryAfterSeconds);
    }
    trace.budgetWarning = budgetWarningHeader(outcome.warnings);
    trace.reasons.push(...budgetWarningReasons(outcome.warnings));
    return outcome;
  }

  /**
   * The pseudonymised text of every part (undefined: unchanged). Changes only the session, so a
   * vault that has to allocate again (a conflict in Redis) can call it again.
   */
  private pseudonymisedTexts(
    texts: RequestTexts<unknown>,
    entities: Entity[][],
    decision: Decision,
    session: Session,
  ): (string | undefined)[] {
    return texts.parts.map((part, i) => {
      const found = entities[i] ?? [];
      if (found.length === 0 && !part.text.includes("[")) return undefined;
      return pseudonymize(part.text, found, session, decision.pseudonymizePolicy).text;
    });
  }

  private pseudonymiseParts(
    texts: RequestTexts<unknown>,
    entities: Entity[][],
    decision: Decision,
    session: Session,
  ): void {
    applyTexts(texts, this.pseudonymisedTexts(texts, entities, decision, session));
  }

  /** Pseudonymise in the conversation's session and keep the session for follow-up requests. */
  private async pseudonymise(
    request: GatewayRequest,
    texts: RequestTexts<unknown>,
    entities: Entity[][],
    decision: Decision,
    identity: Identity,
    trace: Trace,
  ): Promise<Session> {
    const conversation = conversationId(request.header(CONVERSATION_HEADER), texts.parts, firstUserText(texts.body));
    if (conversation === null) {
      throw new GatewayError(
        400,
        "invalid_request",
        "X-Poortwachter-Conversation must be 1-128 letters, digits, '.', '_', ':' or '-'",
        { retryable: false },
      );
    }
    trace.conversation = conversation;
    const sessionId = vaultSessionId(identity.user, conversation);
    try {
      // Allocation is atomic per conversation; once update() resolves, a follow-up request
      // (on any instance sharing the vault) sees these placeholders.
      const { session, result } = await this.sessions.update(sessionId, (live) =>
        this.pseudonymisedTexts(texts, entities, decision, live),
      );
      applyTexts(texts, result);
      return session;
    } catch (error) {
      trace.reasons.push("pseudonymise_error");
      throw error instanceof GatewayError ? error : internalRefusal();
    }
  }

  private noteProvider(
    provider: string,
    upstreamModel: string,
    targets: ReadonlyArray<{ model: CatalogModel; adapter: ProviderAdapter }>,
    trace: Trace,
  ): void {
    trace.provider = provider;
    const used = targets.find((t) => t.adapter.id === provider && t.model.upstreamModel === upstreamModel);
    if (used) trace.model = used.model;
  }

  private withDisclosure(result: ChatResult, body: unknown): ChatResult {
    const line = this.options.config.disclosure.line;
    if (!line || wantsStructuredOutput(body)) return result;
    if (result.protocol === "openai") {
      const choices = result.body.choices.map((choice) =>
        typeof choice.message.content === "string" && choice.message.content !== ""
          ? { ...choice, message: { ...choice.message, content: `${choice.message.content}\n\n${line}` } }
          : choice,
      );
      return { ...result, body: { ...result.body, choices } };
    }
    const content = [...result.body.content];
    const last = content.map((block) => block.type).lastIndexOf("text");
    const block = content[last];
    if (block?.type === "text") content[last] = { ...block, text: `${block.text}\n\n${line}` };
    return { ...result, body: { ...result.body, content } };
  }

  private async *streamBody(
    stream: AsyncIterable<Parameters<typeof formatStreamEvent>[0]> & {
      summary(): Promise<{ usage?: Usage | undefined; upstreamError?: unknown }>;
    },
    protocol: Protocol,
    controller: AbortController,
    reservation: BudgetReservation,
    trace: Trace,
    detach: () => void,
  ): AsyncGenerator<string, void, undefined> {
    let finished = false;
    let errorCode: string | null = null;
    try {
      try {
        for await (const event of stream) {
          trace.outputChars += eventTextLength(event);
          yield formatStreamEvent(event);
        }
        yield streamTerminator(protocol);
      } catch (error) {
        const gatewayError = toGatewayError(error);
        errorCode = gatewayError.code;
        yield formatStreamError(protocol, gatewayError);
      }
      finished = true;
    } finally {
      detach();
      // The client went away mid-stream: close the upstream connection so it stops generating.
      if (!finished) {
        controller.abort();
        errorCode = "client_closed";
      }
      const summary = await Promise.race([
        stream.summary(),
        new Promise<{ usage?: Usage; upstreamError?: unknown }>((resolve) =>
          setTimeout(() => resolve({}), 1000).unref(),
        ),
      ]);
      trace.usage = summary.usage;
      if (summary.upstreamError && errorCode === null) errorCode = "upstream_stream_error";
      this.finish(reservation, trace, 0, 200, errorCode);
    }
  }

  /** Resolves once the budget settlements still running in the background are done (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * After the answer: the cost from the metered usage, the audit record, and (off the response
   * path) the budget settlement and the token rate limit.
   */
  private finish(
    reservation: BudgetReservation,
    trace: Trace,
    estimatedTokens: number,
    httpStatus: number,
    errorCode: string | null,
  ): void {
    const charge = this.cost(trace);
    this.audit(trace, httpStatus, errorCode);
    const task = (async () => {
      await this.options.budgets.settle(reservation, trace.costMicros);
      if (charge && trace.identity) {
        await this.options.rateLimiter.chargeTokens(trace.identity, charge, estimatedTokens);
      }
    })()
      .catch(() => {})
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Sets the cost of the request; returns the tokens used. Without reported usage it is estimated (never free). */
  private cost(trace: Trace): number {
    const model = trace.model;
    if (!model) return 0;
    // An upstream that reports no usage is charged by estimate, never for free: an unmetered
    // request would be a way around the budget.
    if (!trace.usage) trace.reasons.push("usage_estimated");
    const usage = trace.usage ?? { inputTokens: trace.promptTokens, outputTokens: estimateTokens(trace.outputChars) };
    trace.usage = usage;
    const input = usage.inputTokens + (usage.cacheReadTokens ?? 0) + (usage.cacheWriteTokens ?? 0);
    trace.costMicros = this.microsFor(model, input, usage.outputTokens, false);
    return input + usage.outputTokens;
  }

  private headers(trace: Trace, _kind: "json" | "stream"): Record<string, string> {
    const headers: Record<string, string> = {
      [HEADERS.decision]: trace.decision?.action ?? "block",
      [HEADERS.entities]: entitiesHeader(trace.entityCounts),
    };
    if (trace.model) headers[HEADERS.model] = trace.model.name;
    if (trace.conversation) headers[HEADERS.conversation] = trace.conversation;
    if (trace.budgetWarning) headers[HEADERS.budgetWarning] = trace.budgetWarning;
    if (this.options.config.disclosure.header) headers[HEADERS.aiGenerated] = "true";
    return headers;
  }

  private fail(protocol: Protocol, error: unknown, trace: Trace, language: Language): GatewayReply {
    let reply: JsonReply;
    let code: string;
    if (error instanceof Refusal) {
      reply = renderRefusal(protocol, error, language);
      code = protocol === "openai" ? error.openAI.code : error.anthropicType;
    } else {
      const gatewayError = toGatewayError(error);
      if (gatewayError.code === "internal_error") {
        reply = renderRefusal(protocol, internalRefusal(), language);
      } else {
        reply = renderGatewayError(protocol, gatewayError);
      }
      code = gatewayError.code;
    }
    const headers: Record<string, string> = { ...reply.headers };
    if (error instanceof ApprovalRefusal) headers[HEADERS.approval] = error.approvalId;
    if (trace.decision) {
      headers[HEADERS.decision] = trace.decision.action === "block" ? "block" : trace.decision.action;
      headers[HEADERS.entities] = entitiesHeader(trace.entityCounts);
    }
    if (trace.identity && trace.modelRequested !== null) this.audit(trace, reply.status, code);
    return { kind: "json", ...reply, headers };
  }

  private audit(trace: Trace, httpStatus: number, errorCode: string | null): void {
    const identity = trace.identity;
    const decision = trace.decision;
    const usage = trace.usage;
    const record = newAuditRecord(
      {
        user: identity ? auditCode(identity.user) : null,
        team: identity?.team ? auditCode(identity.team) : null,
        keyId: identity ? auditCode(identity.keyId) : null,
        tool: trace.tool,
        endpoint: auditCode(trace.endpoint),
        protocol: trace.protocol,
        provider: trace.provider ? auditCode(trace.provider) : null,
        modelRequested: trace.modelRequested ? auditCode(trace.modelRequested) : null,
        modelUsed: trace.model && decision?.action !== "block" ? auditCode(trace.model.name) : null,
        tier: trace.model?.tier ?? null,
        classification: trace.classification?.dataClass ?? null,
        decision: decision?.action ?? "block",
        reasons: [...new Set(trace.reasons)].map((r) => auditCode(r.replace(/-/g, "_"))),
        entityCounts: trace.entityCounts,
        toolCalls: trace.toolCalls,
        promptInjection: trace.injection,
        tokensIn: usage ? usage.inputTokens + (usage.cacheReadTokens ?? 0) + (usage.cacheWriteTokens ?? 0) : 0,
        tokensOut: usage?.outputTokens ?? 0,
        costMicros: trace.costMicros,
        latencyMs: this.clock() - trace.started,
        upstreamStatus: trace.upstreamStatus,
        httpStatus,
        errorCode: errorCode === null ? null : auditCode(errorCode),
      },
      new Date(trace.started),
    );
    try {
      this.options.audit.record(record);
    } catch {
      // The audit writer never throws by contract; a broken sink must not fail the answer.
    }
  }
}

function authHeaders(header: GatewayRequest["header"]): { authorization?: string | null; "x-api-key"?: string | null } {
  return { authorization: header("authorization") ?? null, "x-api-key": header("x-api-key") ?? null };
}

export type { FallbackTarget };
