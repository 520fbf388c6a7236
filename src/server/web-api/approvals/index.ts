/**
 * The approvals page's API (admin only): requests the policy held for a person's approval
 * (`toolCalls: require-approval`), listed with who, model, tools, data class and entity counts
 * (never prompt text), and the approve/deny decision recorded under the admin's name.
 */
import { Hono } from "hono";
import { z } from "zod";
import {
  ApprovalAlreadyDecidedError,
  ApprovalNotFoundError,
  ApprovalService,
  DEFAULT_APPROVAL_WINDOW_MS,
} from "../../../gateway/approvals/index.js";
import { requireAdmin, say, type WebApiDeps, type WebContext, type WebEnv, webError } from "../context.js";

const querySchema = z.strictObject({
  status: z.enum(["pending", "approved", "denied", "all"]).default("pending"),
});
const decisionSchema = z.strictObject({ note: z.string().trim().max(500).optional() });

const STATUS = {
  pending: { nl: "wacht nog", en: "pending" },
  approved: { nl: "goedgekeurd", en: "approved" },
  denied: { nl: "afgewezen", en: "denied" },
} as const;

function decisionError(c: WebContext, error: unknown) {
  if (error instanceof ApprovalNotFoundError) {
    return webError(c, 404, "not_found", say(c, "Deze goedkeuring bestaat niet.", "This approval does not exist."));
  }
  if (error instanceof ApprovalAlreadyDecidedError) {
    const status = STATUS[error.status];
    return webError(
      c,
      409,
      "already_decided",
      say(c, `Hierover is al beslist (${status.nl}).`, `This has already been decided (${status.en}).`),
      { status: error.status },
    );
  }
  throw error;
}

export function createApprovalsApi(deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  // The gateway's service when it runs here; otherwise the same table through the store.
  const approvals = (): ApprovalService =>
    deps.gateway?.approvals ?? new ApprovalService(deps.store.db, { clock: deps.clock });

  app.use("*", requireAdmin());

  app.get("/", async (c) => {
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success) {
      return webError(
        c,
        400,
        "invalid_query",
        say(c, "Kies pending, approved, denied of all.", "Choose pending, approved, denied or all."),
      );
    }
    const status = parsed.data.status;
    const list = await approvals().list({ status: status === "all" ? undefined : status, limit: 200 });
    return c.json({ approvals: list, windowMinutes: DEFAULT_APPROVAL_WINDOW_MS / 60_000 });
  });

  for (const action of ["approve", "deny"] as const) {
    app.post(`/:id/${action}`, async (c) => {
      let raw: unknown = {};
      const text = await c.req.text();
      if (text.trim() !== "") {
        try {
          raw = JSON.parse(text);
        } catch {
          return webError(
            c,
            400,
            "invalid_body",
            say(c, "De body is geen geldige JSON.", "The body is not valid JSON."),
          );
        }
      }
      const body = decisionSchema.safeParse(raw);
      if (!body.success) {
        return webError(
          c,
          400,
          "invalid_body",
          say(c, "Een toelichting is hooguit 500 tekens.", "A note is at most 500 characters."),
        );
      }
      const account = c.get("account");
      try {
        const service = approvals();
        const id = c.req.param("id");
        const decided =
          action === "approve"
            ? await service.approve(id, account.name, body.data.note)
            : await service.deny(id, account.name, body.data.note);
        return c.json(decided);
      } catch (error) {
        return decisionError(c, error);
      }
    });
  }

  return app;
}
