import { createHash, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { PolicySettings } from "../../policy/index.js";
import {
  type ApprovalFilter,
  type ApprovalRecord,
  type ApprovalStatus,
  ApprovalsRepository,
} from "../../store/repositories/approvals.js";
import type { Database } from "../../store/schema.js";

export type { ApprovalRecord, ApprovalStatus };

/** The header a client sends on its retry, with the id from the `approval_required` error. */
export const APPROVAL_HEADER = "x-poortwachter-approval";

/** How long an approval lets the same conversation through after an admin approved it. */
export const DEFAULT_APPROVAL_WINDOW_MS = 60 * 60 * 1000;

const ID_LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Letters only: an id never looks like a number, so it is a valid audit code as is. */
export function newApprovalId(): string {
  let id = "apr_";
  for (let i = 0; i < 20; i++) id += ID_LETTERS[randomInt(ID_LETTERS.length)];
  return id;
}

const APPROVAL_ID = /^apr_[a-z]{20}$/;

export function isApprovalId(value: string): boolean {
  return APPROVAL_ID.test(value);
}

/** What a held request is, as the admin sees it: no prompt text, only codes and counts. */
export interface HeldRequest {
  user: string;
  team: string | null;
  keyId: string | null;
  endpoint: string;
  model: string;
  tools: readonly string[];
  classification: string;
  entityCounts: Record<string, number>;
  /** The conversation id (client header or derived from the first message); stored hashed. */
  conversation: string;
}

/**
 * `granted`: the request may go on. Otherwise the request stays held: `required` (a new or
 * still-pending approval; `previous` says why a presented id did not count), `pending` (the
 * presented id is not decided yet) or `denied`.
 */
export type ApprovalCheck =
  | { outcome: "granted"; approval: ApprovalRecord }
  | { outcome: "pending" | "denied"; approval: ApprovalRecord }
  | { outcome: "required"; approval: ApprovalRecord; previous?: "expired" | "other-request" | "unknown" };

export class ApprovalNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`approval "${id}" not found`);
    this.name = "ApprovalNotFoundError";
  }
}

export class ApprovalAlreadyDecidedError extends Error {
  constructor(
    readonly id: string,
    readonly status: ApprovalStatus,
  ) {
    super(`approval "${id}" is already ${status}`);
    this.name = "ApprovalAlreadyDecidedError";
  }
}

function conversationHash(user: string, conversation: string): string {
  return createHash("sha256").update(`approval\u0000${user}\u0000${conversation}`, "utf8").digest("base64url");
}

/** Tool names of a request in any protocol (`function.name`, `name`, or the built-in tool's type), sorted. */
export function toolNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  const names = new Set<string>();
  for (const tool of tools) {
    if (!tool || typeof tool !== "object") continue;
    const record = tool as { type?: unknown; name?: unknown; function?: { name?: unknown } };
    const name =
      typeof record.function?.name === "string"
        ? record.function.name
        : typeof record.name === "string"
          ? record.name
          : typeof record.type === "string"
            ? record.type
            : undefined;
    if (name) names.add(name.slice(0, 64));
  }
  return [...names].sort();
}

/** The policy with tool calls on customer data flagged instead of held: what an approved request is decided under. */
export function approvedPolicy(policy: PolicySettings, team: string | null): PolicySettings {
  const teamRules = team === null ? undefined : policy.teams[team];
  const teams = teamRules
    ? { ...policy.teams, [team as string]: { ...teamRules, toolCalls: "flag" as const } }
    : policy.teams;
  return { ...policy, toolCalls: "flag", teams };
}

/**
 * Approvals for requests the policy holds for a person (`toolCalls: require-approval`).
 *
 * An approval belongs to one user's conversation, one model and a set of tools. Once an admin
 * approves it, that conversation may use those tools (or fewer) with that model for the
 * approval window (an hour by default): agents send the whole conversation again on every step,
 * so a single-use approval would stop an agent after its first tool call. Denied is final for
 * that approval; a new request asks again.
 */
export class ApprovalService {
  readonly repository: ApprovalsRepository;
  private readonly clock: () => number;
  private readonly windowMs: number;

  constructor(db: Kysely<Database>, options: { clock?: () => number; windowMs?: number } = {}) {
    this.repository = new ApprovalsRepository(db);
    this.clock = options.clock ?? Date.now;
    this.windowMs = options.windowMs ?? DEFAULT_APPROVAL_WINDOW_MS;
  }

  /** Decide whether a held request may go on, and record a pending approval when it may not. */
  async check(request: HeldRequest, presented: string | null | undefined): Promise<ApprovalCheck> {
    const hash = conversationHash(request.user, request.conversation);
    const tools = [...new Set(request.tools)].sort();
    let previous: "expired" | "other-request" | "unknown" | undefined;
    const id = presented?.trim();
    if (id) {
      const found = isApprovalId(id) ? await this.repository.get(id) : undefined;
      // Another user's id is treated as unknown: ids are not a way to learn about others' requests.
      if (!found || found.user !== request.user) previous = "unknown";
      else if (
        found.conversationHash !== hash ||
        found.model !== request.model ||
        !tools.every((t) => found.tools.includes(t))
      ) {
        previous = "other-request";
      } else if (found.status === "pending") return { outcome: "pending", approval: found };
      else if (found.status === "denied") return { outcome: "denied", approval: found };
      else if (found.expiresAt !== null && Date.parse(found.expiresAt) > this.clock()) {
        const now = new Date(this.clock()).toISOString();
        await this.repository.recordUse(found.id, now);
        return { outcome: "granted", approval: { ...found, uses: found.uses + 1, lastUsedAt: now } };
      } else previous = "expired";
    }
    const pending = await this.repository.findPending(request.user, hash, request.model, tools);
    const approval =
      pending ??
      (await this.repository.create({
        id: newApprovalId(),
        user: request.user,
        team: request.team,
        keyId: request.keyId,
        endpoint: request.endpoint,
        model: request.model,
        tools,
        classification: request.classification,
        entityCounts: request.entityCounts,
        conversationHash: hash,
        requestedAt: new Date(this.clock()).toISOString(),
      }));
    return previous ? { outcome: "required", approval, previous } : { outcome: "required", approval };
  }

  list(filter: ApprovalFilter = {}): Promise<ApprovalRecord[]> {
    return this.repository.list(filter);
  }

  async get(id: string): Promise<ApprovalRecord> {
    const found = isApprovalId(id) ? await this.repository.get(id) : undefined;
    if (!found) throw new ApprovalNotFoundError(id);
    return found;
  }

  approve(id: string, by: string, note?: string): Promise<ApprovalRecord> {
    return this.decide(id, "approved", by, note);
  }

  deny(id: string, by: string, note?: string): Promise<ApprovalRecord> {
    return this.decide(id, "denied", by, note);
  }

  private async decide(
    id: string,
    status: "approved" | "denied",
    by: string,
    note: string | undefined,
  ): Promise<ApprovalRecord> {
    const now = this.clock();
    const decided = await this.repository.decide(id, {
      status,
      by,
      note: note?.trim() ? note.trim().slice(0, 500) : null,
      at: new Date(now).toISOString(),
      expiresAt: status === "approved" ? new Date(now + this.windowMs).toISOString() : null,
    });
    if (decided) return decided;
    const current = await this.get(id);
    throw new ApprovalAlreadyDecidedError(id, current.status);
  }
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (part && typeof part === "object" && typeof part.text === "string" ? part.text : ""))
    .join("\n");
}

/**
 * The first thing the user wrote in a request of any protocol (chat messages, Anthropic messages,
 * Responses input). Not the system prompt: an agent's system prompt is the same in every
 * conversation, and an approval must not carry over to the next one.
 */
export function firstUserText(body: unknown): string {
  if (!body || typeof body !== "object") return "";
  const record = body as { messages?: unknown; input?: unknown };
  if (typeof record.input === "string") return record.input;
  const list = Array.isArray(record.messages) ? record.messages : Array.isArray(record.input) ? record.input : [];
  for (const item of list as Array<{ role?: unknown; content?: unknown }>) {
    if (item && item.role === "user") {
      const text = textOf(item.content);
      if (text.trim() !== "") return text;
    }
  }
  return "";
}

/** The conversation an approval belongs to: the client's conversation header, else its first user message. */
export function approvalConversation(header: string | null | undefined, body: unknown): string {
  if (header) return `header:${header}`;
  return `first:${createHash("sha256").update(firstUserText(body), "utf8").digest("base64url")}`;
}
