import { createHash } from "node:crypto";
import type { TextPart } from "./text-parts.js";

/** Header a client may send to keep placeholders stable across the requests of one conversation. */
export const CONVERSATION_HEADER = "x-poortwachter-conversation";

const CONVERSATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The conversation a request belongs to: the client's header, or else derived from the first
 * prompt text (chat clients resend the whole history, so the first message is stable for the
 * conversation). Returns null for a header that is not a plain id.
 */
export function conversationId(header: string | null | undefined, parts: readonly TextPart[]): string | null {
  if (header !== undefined && header !== null && header !== "") {
    return CONVERSATION_ID.test(header) ? header : null;
  }
  const first = parts.find((part) => part.kind === "prompt" && part.text.trim() !== "")?.text ?? "";
  return `derived-${createHash("sha256").update(first, "utf8").digest("base64url").slice(0, 32)}`;
}

/**
 * The vault id of a user's conversation. The user is part of it, so the same conversation id sent
 * by another user opens another session: one user's placeholders never resolve with another's data.
 */
export function vaultSessionId(user: string, conversation: string): string {
  return `conv-${createHash("sha256").update(`${user}\u0000${conversation}`, "utf8").digest("base64url")}`;
}
