import { type Kysely, sql } from "kysely";
import type { Database, GatewayApprovalsTable } from "../schema.js";

/** Approvals of gateway requests held by the policy until a person decides. */

export type ApprovalStatus = "pending" | "approved" | "denied";

export interface ApprovalRecord {
  id: string;
  status: ApprovalStatus;
  user: string;
  team: string | null;
  keyId: string | null;
  endpoint: string;
  model: string;
  tools: string[];
  classification: string;
  entityCounts: Record<string, number>;
  conversationHash: string;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  note: string | null;
  /** Until when an approved request may be sent again; null while pending or when denied. */
  expiresAt: string | null;
  uses: number;
  lastUsedAt: string | null;
}

export type NewApproval = Omit<
  ApprovalRecord,
  "status" | "decidedAt" | "decidedBy" | "note" | "expiresAt" | "uses" | "lastUsedAt"
>;

export interface ApprovalFilter {
  status?: ApprovalStatus | undefined;
  limit?: number | undefined;
}

function toRecord(row: GatewayApprovalsTable): ApprovalRecord {
  return {
    id: row.id,
    status: row.status as ApprovalStatus,
    user: row.user_name,
    team: row.team,
    keyId: row.key_id,
    endpoint: row.endpoint,
    model: row.model,
    tools: JSON.parse(row.tools) as string[],
    classification: row.classification,
    entityCounts: JSON.parse(row.entity_counts) as Record<string, number>,
    conversationHash: row.conversation_hash,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    note: row.note,
    expiresAt: row.expires_at,
    uses: Number(row.uses),
    lastUsedAt: row.last_used_at,
  };
}

export class ApprovalsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(approval: NewApproval): Promise<ApprovalRecord> {
    const row: GatewayApprovalsTable = {
      id: approval.id,
      status: "pending",
      user_name: approval.user,
      team: approval.team,
      key_id: approval.keyId,
      endpoint: approval.endpoint,
      model: approval.model,
      tools: JSON.stringify(approval.tools),
      classification: approval.classification,
      entity_counts: JSON.stringify(approval.entityCounts),
      conversation_hash: approval.conversationHash,
      requested_at: approval.requestedAt,
      decided_at: null,
      decided_by: null,
      note: null,
      expires_at: null,
      uses: 0,
      last_used_at: null,
    };
    await this.db.insertInto("gateway_approvals").values(row).execute();
    return toRecord(row);
  }

  async get(id: string): Promise<ApprovalRecord | undefined> {
    const row = await this.db.selectFrom("gateway_approvals").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** A pending approval of the same user, conversation, model and tools (a client that retries). */
  async findPending(user: string, conversationHash: string, model: string, tools: string[]) {
    const row = await this.db
      .selectFrom("gateway_approvals")
      .selectAll()
      .where("user_name", "=", user)
      .where("conversation_hash", "=", conversationHash)
      .where("status", "=", "pending")
      .where("model", "=", model)
      .where("tools", "=", JSON.stringify(tools))
      .orderBy("requested_at", "desc")
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** Newest first. */
  async list(filter: ApprovalFilter = {}): Promise<ApprovalRecord[]> {
    let query = this.db.selectFrom("gateway_approvals").selectAll();
    if (filter.status) query = query.where("status", "=", filter.status);
    const rows = await query
      .orderBy("requested_at", "desc")
      .orderBy("id")
      .limit(filter.limit ?? 500)
      .execute();
    return rows.map(toRecord);
  }

  /**
   * Approve or deny a pending approval. Only a pending one changes (two admins clicking at once
   * cannot both decide); returns undefined when it was not pending.
   */
  async decide(
    id: string,
    decision: { status: "approved" | "denied"; by: string; note: string | null; at: string; expiresAt: string | null },
  ): Promise<ApprovalRecord | undefined> {
    const result = await this.db
      .updateTable("gateway_approvals")
      .set({
        status: decision.status,
        decided_by: decision.by,
        decided_at: decision.at,
        note: decision.note,
        expires_at: decision.expiresAt,
      })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return this.get(id);
  }

  async recordUse(id: string, at: string): Promise<void> {
    await this.db
      .updateTable("gateway_approvals")
      .set({ uses: sql<number>`uses + 1`, last_used_at: at })
      .where("id", "=", id)
      .execute();
  }
}
