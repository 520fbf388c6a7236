/**
 * One chat message through the gateway pipeline, streamed to the browser as SSE:
 *
 * - `delta`   {text}: answer text with the real values restored, as it arrives;
 * - `refusal` {status, code, message, approval?}: the gateway refused (policy, budget, rate limit),
 *   with its own plain-language reason and what to do; nothing was sent and nothing is stored. A
 *   message held for an admin's approval carries `approval` {id, status}; sending it again with
 *   `approval: id` attaches the approval header (see approvals.ts);
 * - `error`   {code, message}: the AI service failed mid-answer;
 * - `done`    {decision, model, entities, seen: {prompt, answer}, messages}: what happened, what the
 *   AI service saw (the pseudonymised prompt) and its answer as sent (placeholders still in).
 *
 * The browser closing the connection aborts the upstream call; what arrived until then is kept.
 */
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { ConversationService } from "../../../chat/conversations.js";
import type { ChatMessage, ConversationHints } from "../../../chat/types.js";
import { ENTITY_TYPES, type EntityType } from "../../../detect/index.js";
import { APPROVAL_HEADER, isApprovalId } from "../../../gateway/approvals/index.js";
import { type Gateway, HEADERS } from "../../../gateway/pipeline/gateway.js";
import { LOCKED_TYPES } from "../../../gateway/pipeline/hints.js";
import { type WebContext, webError } from "../context.js";
import { heldApproval, heldMessage } from "./approvals.js";
import { parseEntityCounts, piecesOf, SseDataReader } from "./gateway-stream.js";

export const CHAT_TOOL = "poortwachter-chat";

export const hintsSchema = z.object({
  notPersonal: z.array(z.string().trim().min(1).max(500)).max(500).default([]),
  add: z
    .array(z.object({ value: z.string().trim().min(1).max(500), type: z.enum(ENTITY_TYPES) }))
    .max(500)
    .default([]),
});

const sendSchema = z.object({
  text: z.string().trim().min(1).max(100_000),
  model: z.string().min(1).max(200),
  hints: hintsSchema.optional(),
  /** The approval of an earlier attempt of this message, once an admin approved it. */
  approval: z.string().refine(isApprovalId).optional(),
});

/** Secrets and BSNs: the user cannot mark them "not personal", the policy never forwards them. */
export function lockedValue(type: EntityType): boolean {
  return LOCKED_TYPES.has(type);
}

function mergeHints(kept: ConversationHints, added: z.infer<typeof hintsSchema> | undefined): ConversationHints {
  if (!added) return kept;
  const notPersonal = [...new Set([...kept.notPersonal, ...added.notPersonal])];
  const add = [...kept.add];
  for (const hint of added.add) {
    if (!add.some((a) => a.value === hint.value && a.type === hint.type)) add.push(hint);
  }
  // A value marked personal again takes back an earlier "not personal".
  return { notPersonal: notPersonal.filter((v) => !added.add.some((a) => a.value === v)), add };
}

function titleFrom(text: string): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** The last user message of the request body as it went upstream. */
function sentPrompt(body: unknown): string {
  const messages = (body as { messages?: Array<{ role?: string; content?: unknown }> } | undefined)?.messages ?? [];
  const last = [...messages].reverse().find((m) => m.role === "user");
  if (typeof last?.content === "string") return last.content;
  if (Array.isArray(last?.content)) {
    return last.content
      .map((part) => (typeof part === "object" && part && "text" in part ? String(part.text) : ""))
      .join("");
  }
  return "";
}

export async function sendMessage(
  c: WebContext,
  gateway: Gateway,
  conversations: ConversationService,
  body: unknown,
  invalid: (c: WebContext, error: z.ZodError) => Response,
  notFound: (c: WebContext) => Response,
): Promise<Response> {
  const parsed = sendSchema.safeParse(body);
  if (!parsed.success) return invalid(c, parsed.error);
  const { text, model } = parsed.data;
  const account = c.get("account");
  const language = c.get("language");
  const conversation = await conversations.get(account.id, c.req.param("id") ?? "");
  if (!conversation) return notFound(c);
  if (!gateway.modelsFor(account.team).some((m) => m.name === model)) {
    return webError(
      c,
      400,
      "model_not_allowed",
      language === "en"
        ? `You may not use the model "${model}". Choose one from the list.`
        : `Je mag het model "${model}" niet gebruiken. Kies er een uit de lijst.`,
    );
  }
  const hints = mergeHints(conversation.hints, parsed.data.hints);
  const requestBody = {
    model,
    stream: true,
    messages: [
      ...conversation.messages.map((m) => ({ role: m.role, content: m.text })),
      { role: "user", content: text },
    ],
  };
  const headers: Record<string, string> = {
    "accept-language": language,
    "x-poortwachter-tool": CHAT_TOOL,
    "x-poortwachter-conversation": conversation.id,
  };
  // The gateway checks that the approval is this user's, for this conversation and model.
  if (parsed.data.approval) headers[APPROVAL_HEADER] = parsed.data.approval;
  const controller = new AbortController();
  const abort = () => controller.abort();
  c.req.raw.signal.addEventListener("abort", abort, { once: true });
  let sent: unknown;
  let raw = "";
  const reply = await gateway.handle({
    endpoint: "/v1/chat/completions",
    header: (name) => headers[name.toLowerCase()] ?? null,
    bodyText: JSON.stringify(requestBody),
    signal: controller.signal,
    identity: { keyId: `chat:${account.name}`, user: account.name, team: account.team },
    hints,
    observer: {
      sent(body) {
        sent = body;
      },
      received(piece) {
        raw += piece;
      },
    },
  });

  return streamSSE(c, async (stream) => {
    stream.onAbort(abort);
    try {
      if (reply.kind === "json") {
        const error = (reply.body as { error?: { message?: string; code?: string | null } }).error;
        const approval = heldApproval(error?.code, reply.headers[HEADERS.approval]);
        await stream.writeSSE({
          event: "refusal",
          data: JSON.stringify({
            status: reply.status,
            code: error?.code ?? "refused",
            message: approval ? heldMessage(approval, language) : (error?.message ?? ""),
            decision: reply.headers[HEADERS.decision] ?? "block",
            entities: parseEntityCounts(reply.headers[HEADERS.entities]),
            ...(approval ? { approval } : {}),
          }),
        });
        return;
      }
      const reader = new SseDataReader();
      let answer = "";
      let failed = false;
      for await (const chunk of reply.body) {
        if (stream.aborted) break;
        for (const data of reader.push(chunk)) {
          for (const piece of piecesOf(data)) {
            if (piece.kind === "text") {
              answer += piece.text;
              await stream.writeSSE({ event: "delta", data: JSON.stringify({ text: piece.text }) });
            } else {
              failed = true;
              await stream.writeSSE({
                event: "error",
                data: JSON.stringify({ code: piece.code, message: piece.message }),
              });
            }
          }
        }
      }
      const now = new Date().toISOString();
      const decision = reply.headers[HEADERS.decision] ?? "forward";
      const usedModel = reply.headers[HEADERS.model] ?? model;
      const entities = parseEntityCounts(reply.headers[HEADERS.entities]);
      const prompt = sentPrompt(sent);
      const userMessage: ChatMessage = { role: "user", text, at: now, seen: prompt };
      const assistantMessage: ChatMessage = {
        role: "assistant",
        text: answer,
        at: now,
        seen: raw,
        model: usedModel,
        decision,
        entities,
        ...(stream.aborted || failed ? { stopped: true } : {}),
      };
      await conversations.save(
        account.id,
        conversation.id,
        { model, hints, messages: [...conversation.messages, userMessage, assistantMessage] },
        conversation.messages.length === 0 ? titleFrom(text) : undefined,
      );
      if (!stream.aborted) {
        await stream.writeSSE({
          event: "done",
          data: JSON.stringify({
            decision,
            model: usedModel,
            entities,
            seen: { prompt, answer: raw },
            messages: [userMessage, assistantMessage],
          }),
        });
      }
    } finally {
      c.req.raw.signal.removeEventListener("abort", abort);
    }
  });
}
