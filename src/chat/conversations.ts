/**
 * The team chat's conversations: kept for their owner only, sealed at rest, removed after the
 * retention period (setting `chat.retentionDays`, counted from the last activity). Expired
 * conversations are purged on every access, so an expired one is never shown, and on a timer.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ConversationRepository, ConversationRow } from "../store/repositories/conversations.js";
import type { SettingsRepository } from "../store/repositories/settings.js";
import { type ConversationCipher, SealedValueError } from "./conversation-cipher.js";
import type { Conversation, ConversationContent, ConversationSummary } from "./types.js";

export const RETENTION_SETTING = "chat.retentionDays";
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const retentionDays = z.number().int().min(1).max(3650);

const contentSchema = z.object({
  model: z.string().nullable(),
  messages: z.array(
    z.object({
      role: z.enum(["user", "assistant"]),
      text: z.string(),
      at: z.string(),
      seen: z.string().optional(),
      model: z.string().optional(),
      decision: z.string().optional(),
      entities: z.record(z.string(), z.number()).optional(),
      stopped: z.boolean().optional(),
    }),
  ),
  hints: z.object({
    notPersonal: z.array(z.string()),
    add: z.array(z.object({ value: z.string(), type: z.string() })),
  }),
}) as unknown as z.ZodType<ConversationContent>;

export interface ConversationServiceOptions {
  repository: ConversationRepository;
  cipher: ConversationCipher;
  settings: SettingsRepository;
  clock: () => number;
}

const EMPTY: ConversationContent = { model: null, messages: [], hints: { notPersonal: [], add: [] } };

export class ConversationService {
  constructor(private readonly options: ConversationServiceOptions) {}

  async retentionDays(): Promise<number> {
    try {
      return (await this.options.settings.get(RETENTION_SETTING, retentionDays)) ?? DEFAULT_RETENTION_DAYS;
    } catch {
      // A malformed setting must not keep conversations forever: fall back to the default.
      return DEFAULT_RETENTION_DAYS;
    }
  }

  /** Removes every conversation past the retention period; returns how many. */
  async purgeExpired(): Promise<number> {
    const days = await this.retentionDays();
    return this.options.repository.deleteInactiveSince(new Date(this.options.clock() - days * DAY_MS).toISOString());
  }

  async list(accountId: string): Promise<ConversationSummary[]> {
    const days = await this.purgeAndDays();
    const rows = await this.options.repository.list(accountId);
    const out: ConversationSummary[] = [];
    for (const row of rows) {
      // A row sealed with another key (the vault key was replaced) cannot be shown; retention removes it.
      try {
        out.push(this.summary(row, days));
      } catch (error) {
        if (!(error instanceof SealedValueError)) throw error;
      }
    }
    return out;
  }

  async get(accountId: string, id: string): Promise<Conversation | undefined> {
    const days = await this.purgeAndDays();
    const row = await this.options.repository.get(accountId, id);
    if (!row) return undefined;
    const content = contentSchema.parse(JSON.parse(this.options.cipher.open(row.content_sealed, accountId, id)));
    return { ...this.summary(row, days), ...content };
  }

  async create(accountId: string, title: string, model: string | null): Promise<Conversation> {
    const id = randomUUID();
    const now = new Date(this.options.clock()).toISOString();
    const content: ConversationContent = { ...EMPTY, model };
    const row: ConversationRow = {
      id,
      account_id: accountId,
      title_sealed: this.options.cipher.seal(title, accountId, id),
      content_sealed: this.options.cipher.seal(JSON.stringify(content), accountId, id),
      created_at: now,
      updated_at: now,
    };
    await this.options.repository.insert(row);
    return { ...this.summary(row, await this.retentionDays()), ...content };
  }

  async rename(accountId: string, id: string, title: string): Promise<boolean> {
    return this.options.repository.update(accountId, id, {
      title_sealed: this.options.cipher.seal(title, accountId, id),
    });
  }

  /** Stores the content (and a title for a conversation that had none); counts as activity. */
  async save(accountId: string, id: string, content: ConversationContent, title?: string): Promise<boolean> {
    return this.options.repository.update(accountId, id, {
      content_sealed: this.options.cipher.seal(JSON.stringify(content), accountId, id),
      updated_at: new Date(this.options.clock()).toISOString(),
      ...(title === undefined ? {} : { title_sealed: this.options.cipher.seal(title, accountId, id) }),
    });
  }

  delete(accountId: string, id: string): Promise<boolean> {
    return this.options.repository.delete(accountId, id);
  }

  private async purgeAndDays(): Promise<number> {
    await this.purgeExpired();
    return this.retentionDays();
  }

  private summary(row: ConversationRow, days: number): ConversationSummary {
    return {
      id: row.id,
      title: this.options.cipher.open(row.title_sealed, row.account_id, row.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      expiresAt: new Date(Date.parse(row.updated_at) + days * DAY_MS).toISOString(),
    };
  }
}
