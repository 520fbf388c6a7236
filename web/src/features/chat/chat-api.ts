import { apiFetch } from "../../api";
import type { EntityType } from "./entities";

export interface ChatModel {
  name: string;
  provider: string;
  tier: "public" | "customer" | "sensitive" | "special";
  facts: { contract: string; trainsOnData: boolean; euResidency: boolean; dpaSigned: boolean; local: boolean };
  allows: { public: boolean; customer: boolean; sensitive: boolean; special: boolean };
}

export interface ChatMessage {
  role: "user" | "assistant";
  text: string;
  at: string;
  seen?: string;
  model?: string;
  decision?: string;
  entities?: Record<string, number>;
  stopped?: boolean;
}

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface Hints {
  notPersonal: string[];
  add: Array<{ value: string; type: EntityType }>;
}

export interface Conversation extends ConversationSummary {
  model: string | null;
  messages: ChatMessage[];
  hints: Hints;
}

export interface PreviewEntity {
  type: EntityType;
  start: number;
  end: number;
  value: string;
  locked: boolean;
  userAdded: boolean;
}

/** "expired": approved, but the approval window has passed. */
export type ApprovalStatus = "pending" | "approved" | "denied" | "expired";

/** A message held until an admin approves it, as the chat API reports it. */
export interface HeldApproval {
  id: string;
  status: ApprovalStatus;
}

export interface ApprovalState extends HeldApproval {
  decidedAt: string | null;
  /** The admin's note with the decision. */
  note: string | null;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
  /** Set when the message waits for an admin's approval instead of being refused outright. */
  approval?: HeldApproval;
}

export interface Done {
  decision: string;
  model: string;
  entities: Record<string, number>;
  seen: { prompt: string; answer: string };
  messages: [ChatMessage, ChatMessage];
}

export interface StreamHandlers {
  delta(text: string): void;
  refusal(refusal: Refusal): void;
  error(error: { code: string; message: string }): void;
  done(done: Done): void;
}

/** Sends a message and reads the server's SSE answer (fetch: EventSource cannot POST). */
export async function sendChatMessage(
  conversationId: string,
  body: { text: string; model: string; hints: Hints; approval?: string },
  handlers: StreamHandlers,
  signal: AbortSignal,
): Promise<void> {
  const response = await apiFetch(`/api/app/chat/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      dispatch(block, handlers);
    }
  }
}

function dispatch(block: string, handlers: StreamHandlers): void {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  if (data.length === 0) return;
  const payload = JSON.parse(data.join("\n"));
  if (event === "delta") handlers.delta(payload.text);
  else if (event === "refusal") handlers.refusal(payload);
  else if (event === "error") handlers.error(payload);
  else if (event === "done") handlers.done(payload);
}
