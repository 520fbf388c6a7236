/**
 * The team chat ("Veilig chatten") and the document-text helper of the anonymise page, at
 * /api/app/chat. Every message goes through the gateway pipeline as the logged-in account (same
 * policy, pseudonymisation, routing, budgets and audit as an API client, tool
 * "poortwachter-chat"); conversations are the account's own, sealed at rest, with a retention
 * period.
 */
import { Hono } from "hono";
import { z } from "zod";
import { ConversationCipher, SealedValueError } from "../../../chat/conversation-cipher.js";
import { ConversationService } from "../../../chat/conversations.js";
import { resolveVaultKey } from "../../../config/index.js";
import { ConversationRepository } from "../../../store/repositories/conversations.js";
import { type WebApiDeps, type WebContext, type WebEnv, webError } from "../context.js";
import { createChatApprovalsRoute } from "./approvals.js";
import { createDocumentTextRoute } from "./document-text.js";
import { modelView } from "./models.js";
import { hintsSchema, lockedValue, sendMessage } from "./send.js";

/** How often expired conversations are purged besides on every access. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

const titleSchema = z.string().trim().min(1).max(200);
const createSchema = z.object({ title: titleSchema.optional(), model: z.string().min(1).max(200).optional() });
const renameSchema = z.object({ title: titleSchema });
const previewSchema = z.object({ text: z.string().max(200_000), hints: hintsSchema.optional() });

function conversationService(deps: WebApiDeps): ConversationService | undefined {
  if (!deps.config) return undefined;
  const dataDir = deps.dataDir ?? deps.config.storage.dataDir;
  const key = resolveVaultKey(deps.config.security.vaultKey, dataDir).key;
  return new ConversationService({
    repository: new ConversationRepository(deps.store.db),
    cipher: new ConversationCipher(key),
    settings: deps.store.settings,
    clock: deps.clock,
  });
}

function unavailable(c: WebContext) {
  return webError(
    c,
    503,
    "chat_unavailable",
    c.get("language") === "en"
      ? "The team chat is not available: no AI providers are configured. Ask your administrator."
      : "Veilig chatten is niet beschikbaar: er zijn geen AI-diensten ingesteld. Vraag het de beheerder.",
  );
}

function notFound(c: WebContext) {
  return webError(
    c,
    404,
    "not_found",
    c.get("language") === "en" ? "This conversation does not exist (any more)." : "Dit gesprek bestaat niet (meer).",
  );
}

function invalid(c: WebContext, error: z.ZodError) {
  return webError(
    c,
    400,
    "invalid_request",
    c.get("language") === "en" ? "The request is not valid." : "Het verzoek is niet geldig.",
    error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  );
}

async function jsonBody(c: WebContext): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

export function createChatApi(deps: WebApiDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const conversations = conversationService(deps);
  if (conversations) {
    setInterval(() => {
      conversations.purgeExpired().catch(() => {});
    }, PURGE_INTERVAL_MS).unref();
  }

  // Text out of an uploaded document for the anonymise page: works without providers too.
  app.route("/documents", createDocumentTextRoute());
  // The status of the user's own message held for an admin's approval.
  app.route("/approvals", createChatApprovalsRoute(deps));

  app.get("/models", (c) => {
    const gateway = deps.gateway?.gateway;
    if (!gateway) return unavailable(c);
    const team = c.get("account").team;
    const rules = gateway.rulesFor(team);
    const models = gateway.modelsFor(team).map((model) => modelView(model, rules));
    return c.json({ models });
  });

  // What will be replaced, with the gateway's own detector (customer list included) and the
  // user's corrections: the review step before sending.
  app.post("/preview", async (c) => {
    const gateway = deps.gateway?.gateway;
    if (!gateway) return unavailable(c);
    const parsed = previewSchema.safeParse(await jsonBody(c));
    if (!parsed.success) return invalid(c, parsed.error);
    const { text, hints } = parsed.data;
    const entities = gateway.preview(text, hints).map((e) => ({
      type: e.type,
      start: e.start,
      end: e.end,
      value: text.slice(e.start, e.end),
      locked: lockedValue(e.type),
      userAdded: e.recognizer === "user",
    }));
    return c.json({ entities });
  });

  app.get("/conversations", async (c) => {
    if (!conversations) return unavailable(c);
    const list = await conversations.list(c.get("account").id);
    return c.json({ conversations: list, retentionDays: await conversations.retentionDays() });
  });

  app.post("/conversations", async (c) => {
    if (!conversations) return unavailable(c);
    const parsed = createSchema.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success) return invalid(c, parsed.error);
    const title = parsed.data.title ?? (c.get("language") === "en" ? "New conversation" : "Nieuw gesprek");
    const created = await conversations.create(c.get("account").id, title, parsed.data.model ?? null);
    return c.json(created, 201);
  });

  app.get("/conversations/:id", async (c) => {
    if (!conversations) return unavailable(c);
    try {
      const conversation = await conversations.get(c.get("account").id, c.req.param("id"));
      return conversation ? c.json(conversation) : notFound(c);
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      return webError(
        c,
        500,
        "conversation_unreadable",
        c.get("language") === "en"
          ? "This conversation can no longer be opened: the instance's key has changed. Delete it and start a new one."
          : "Dit gesprek kan niet meer worden geopend: de sleutel van Poortwachter is veranderd. Verwijder het en begin een nieuw gesprek.",
      );
    }
  });

  app.patch("/conversations/:id", async (c) => {
    if (!conversations) return unavailable(c);
    const parsed = renameSchema.safeParse(await jsonBody(c));
    if (!parsed.success) return invalid(c, parsed.error);
    const done = await conversations.rename(c.get("account").id, c.req.param("id"), parsed.data.title);
    return done ? c.json({ ok: true }) : notFound(c);
  });

  app.delete("/conversations/:id", async (c) => {
    if (!conversations) return unavailable(c);
    const done = await conversations.delete(c.get("account").id, c.req.param("id"));
    return done ? c.body(null, 204) : notFound(c);
  });

  app.post("/conversations/:id/messages", async (c) => {
    const gateway = deps.gateway?.gateway;
    if (!gateway || !conversations) return unavailable(c);
    return sendMessage(c, gateway, conversations, await jsonBody(c), invalid, notFound);
  });

  return app;
}
