import type { Kysely } from "kysely";
import type { ChatConversationsTable, Database } from "../schema.js";

/**
 * The team chat's conversation rows. Every query is scoped to one account: there is no way to
 * read or change another account's conversation through this repository, not even for admins.
 * Title and content arrive sealed; this layer never sees them in plain text.
 */
export type ConversationRow = ChatConversationsTable;

export class ConversationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: ConversationRow): Promise<void> {
    await this.db.insertInto("chat_conversations").values(row).execute();
  }

  /** The account's conversations, most recently active first. */
  async list(accountId: string): Promise<ConversationRow[]> {
    return this.db
      .selectFrom("chat_conversations")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .execute();
  }

  async get(accountId: string, id: string): Promise<ConversationRow | undefined> {
    return this.db
      .selectFrom("chat_conversations")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** False when the account has no such conversation. */
  async update(
    accountId: string,
    id: string,
    change: Partial<Pick<ConversationRow, "title_sealed" | "content_sealed" | "updated_at">>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable("chat_conversations")
      .set(change)
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("chat_conversations")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Retention: removes every conversation last active before `iso`; returns how many. */
  async deleteInactiveSince(iso: string): Promise<number> {
    const result = await this.db.deleteFrom("chat_conversations").where("updated_at", "<", iso).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
