import type { EntityType } from "../detect/index.js";

/** One turn of a conversation, as the owner sees it (real values, restored). */
export interface ChatMessage {
  role: "user" | "assistant";
  /** What the person typed, or the answer with placeholders restored. */
  text: string;
  at: string;
  /** user: the message as the AI service saw it. assistant: the answer as the service sent it. */
  seen?: string | undefined;
  /** assistant only. */
  model?: string | undefined;
  decision?: string | undefined;
  entities?: Record<string, number> | undefined;
  /** The person stopped the answer before it was complete. */
  stopped?: boolean | undefined;
}

/** Corrections that hold for the whole conversation (every later request resends the history). */
export interface ConversationHints {
  notPersonal: string[];
  add: Array<{ value: string; type: EntityType }>;
}

export interface ConversationContent {
  model: string | null;
  messages: ChatMessage[];
  hints: ConversationHints;
}

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** When the retention period removes it unless it is used again. */
  expiresAt: string;
}

export interface Conversation extends ConversationSummary, ConversationContent {}
