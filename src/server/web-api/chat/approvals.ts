/**
 * Chat messages held for an admin's approval. The gateway answers such a request with a 403 that
 * tells an API client to retry with the `x-poortwachter-approval` header; a chat user has no
 * headers to set. So the chat API explains it in plain words, the page asks for the approval's
 * status (`GET /api/app/chat/approvals/:id`, the user's own approvals only), and when the user
 * sends the message again with the approval's id, the chat API attaches the header itself.
 */
import { Hono } from "hono";
import { ApprovalNotFoundError, type ApprovalRecord, isApprovalId } from "../../../gateway/approvals/index.js";
import { type WebApiDeps, type WebEnv, webError } from "../context.js";

/** What the chat shows: "expired" is an approval whose window has passed. */
export type ChatApprovalStatus = "pending" | "approved" | "denied" | "expired";

export interface ChatApproval {
  id: string;
  status: ChatApprovalStatus;
}

/** The gateway's refusal codes for a held request, and what they mean for the user. */
const HELD: Record<string, ChatApprovalStatus> = {
  approval_required: "pending",
  approval_pending: "pending",
  approval_denied: "denied",
};

/** The approval a refusal is about, if it is one (the gateway names it in its approval header). */
export function heldApproval(code: string | null | undefined, id: string | undefined): ChatApproval | undefined {
  const status = code ? HELD[code] : undefined;
  if (!status || !id || !isApprovalId(id)) return undefined;
  return { id, status };
}

/** The refusal text for the chat, without the API's instructions about headers and the CLI. */
export function heldMessage(approval: ChatApproval, language: "nl" | "en"): string {
  if (approval.status === "denied") {
    return language === "en"
      ? "An administrator has denied this request. Send your message without customer data, or talk to your administrator."
      : "Een beheerder heeft dit verzoek afgewezen. Stuur je bericht zonder klantgegevens, of overleg met de beheerder.";
  }
  return language === "en"
    ? "This message lets the AI model use tools while it contains customer data. The AI policy says an administrator must approve that first. Your message has not been sent; once it is approved, you can send it again."
    : "Dit bericht laat het AI-model tools gebruiken terwijl er klantgegevens in staan. Volgens het AI-beleid moet een beheerder dat eerst goedkeuren. Je bericht is nog niet verstuurd; zodra het is goedgekeurd, kun je het opnieuw versturen.";
}

function statusOf(record: ApprovalRecord, now: number): ChatApprovalStatus {
  if (record.status !== "approved") return record.status;
  return record.expiresAt !== null && Date.parse(record.expiresAt) <= now ? "expired" : "approved";
}

export function createChatApprovalsRoute(deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();

  app.get("/:id", async (c) => {
    const missing = () =>
      webError(
        c,
        404,
        "not_found",
        c.get("language") === "en" ? "This approval does not exist." : "Deze goedkeuring bestaat niet.",
      );
    const service = deps.gateway?.approvals;
    if (!service) return missing();
    let record: ApprovalRecord;
    try {
      record = await service.get(c.req.param("id"));
    } catch (error) {
      if (error instanceof ApprovalNotFoundError) return missing();
      throw error;
    }
    // Someone else's approval is "not found": ids are no way to learn about others' requests.
    if (record.user !== c.get("account").name) return missing();
    return c.json({
      id: record.id,
      status: statusOf(record, deps.clock()),
      decidedAt: record.decidedAt,
      note: record.note,
    });
  });

  return app;
}
