import { createHash } from "node:crypto";
import { DecryptionError, Session, type Vault } from "../../pseudonymize/index.js";
import type { TextPart } from "./text-parts.js";

/** Header a client may send to keep placeholders stable across the requests of one conversation. */
export const CONVERSATION_HEADER = "x-poortwachter-conversation";

const CONVERSATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The conversation a request belongs to: the client's header, or else derived from the first
 * user message (chat clients resend the whole history, so it is stable for the conversation). Not
 * from the system prompt: a tool sends the same one in every conversation, which would put all of
 * a user's conversations in one placeholder session. Without user text, the first prompt text.
 * Returns null for a header that is not a plain id.
 */
export function conversationId(
  header: string | null | undefined,
  parts: readonly TextPart[],
  firstUserText = "",
): string | null {
  if (header !== undefined && header !== null && header !== "") {
    return CONVERSATION_ID.test(header) ? header : null;
  }
  const first =
    firstUserText.trim() !== ""
      ? firstUserText
      : (parts.find((part) => part.kind === "prompt" && part.text.trim() !== "")?.text ?? "");
  return `derived-${createHash("sha256").update(first, "utf8").digest("base64url").slice(0, 32)}`;
}

/**
 * The vault id of a user's conversation. The user is part of it, so the same conversation id sent
 * by another user opens another session: one user's placeholders never resolve with another's data.
 */
export function vaultSessionId(user: string, conversation: string): string {
  return `conv-${createHash("sha256").update(`${user}\u0000${conversation}`, "utf8").digest("base64url")}`;
}

/**
 * The placeholder allocation of one request, done atomically per conversation: no other request
 * in the same conversation allocates between reading the session and committing the change, so
 * two requests can never give two values one number (or one value two numbers).
 */
export interface ConversationSessions {
  /**
   * Runs `allocate` (synchronous) on the conversation's session and commits what it changed.
   * When this resolves, every later request of the conversation sees the change.
   */
  update<T>(sessionId: string, allocate: (session: Session) => T): Promise<{ session: Session; result: T }>;
  /** Writes what is still pending (on shutdown). */
  close(): Promise<void>;
}

export function isConversationSessions(value: unknown): value is ConversationSessions {
  return typeof (value as Partial<ConversationSessions> | null)?.update === "function";
}

export interface LocalSessionsOptions {
  /** How long a change may wait before it is written to the vault. Default 50 ms. */
  flushIntervalMs?: number;
  /** Sessions kept decrypted in memory at most (least recently used go first). Default 5 000. */
  maxLive?: number;
  /** A session unused this long leaves memory (it stays in the vault). Default 10 minutes. */
  idleMs?: number;
  /** Told about failed vault writes; the change stays pending and is tried again. */
  onError?: (error: unknown) => void;
  now?: () => number;
}

interface LiveSession {
  session: Session;
  lastUsed: number;
  /** Changed since the last write started. */
  dirty: boolean;
  /** Writes in flight: the entry may not leave memory before they land (a reload would be stale). */
  writing: number;
  /** The last write failed (flush() leaves the retry to the timer). */
  failed?: boolean;
}

/**
 * Conversation sessions of one process in front of a vault (in memory or on the store). Every
 * request of a conversation works on the same live Session object, and allocation is synchronous,
 * so the event loop makes it atomic. Changes reach the vault write-behind: sealed once per flush
 * however many requests changed the session, off the request path, and all of them on `close()`.
 * For several instances sharing a vault use Redis (RedisVault), whose update is atomic across them.
 */
export class LocalSessions implements ConversationSessions {
  private readonly live = new Map<string, LiveSession>();
  private readonly loading = new Map<string, Promise<LiveSession>>();
  private readonly writes = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private evictionScheduled = false;
  private lastEviction = 0;
  private readonly flushIntervalMs: number;
  private readonly maxLive: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(
    private readonly vault: Vault,
    private readonly options: LocalSessionsOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    this.maxLive = options.maxLive ?? 5_000;
    this.idleMs = options.idleMs ?? 600_000;
    this.now = options.now ?? Date.now;
  }

  /** Sessions decrypted in memory now. */
  get liveCount(): number {
    return this.live.size;
  }

  async update<T>(sessionId: string, allocate: (session: Session) => T): Promise<{ session: Session; result: T }> {
    const entry = await this.open(sessionId);
    const before = entry.session.revision;
    const result = allocate(entry.session);
    if (entry.session.revision !== before) {
      entry.dirty = true;
      this.schedule();
    }
    return { session: entry.session, result };
  }

  /** Forgets a conversation in memory and in the vault. */
  async delete(sessionId: string): Promise<void> {
    this.live.delete(sessionId);
    await this.vault.delete(sessionId);
  }

  /** Writes every changed session now; resolves when the vault has them. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writeDirty();
    // Changes made while a write of their session was running go in a second pass; a failed
    // write is not retried here (the timer does), so a database that is down cannot hang this.
    for (let pass = 0; pass < 2 && this.writes.size > 0; pass++) {
      await Promise.all([...this.writes]);
      if (pass === 0) this.writeDirty((entry) => !entry.failed);
    }
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }

  /**
   * Starts a write for every changed session that has none running: two writes of one session
   * in flight could land in the wrong order (PostgreSQL commits them in parallel), the older state
   * last. The one left waiting is written when the running one is done.
   */
  private writeDirty(also: (entry: LiveSession) => boolean = () => true): void {
    for (const entry of this.live.values()) if (entry.dirty && entry.writing === 0 && also(entry)) this.write(entry);
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private write(entry: LiveSession): void {
    entry.dirty = false;
    entry.failed = false;
    entry.writing += 1;
    const task: Promise<void> = this.vault
      .put(entry.session)
      .catch((error: unknown) => {
        // Kept for the next flush: a change is never dropped while the process lives.
        entry.dirty = true;
        entry.failed = true;
        this.options.onError?.(error);
      })
      .finally(() => {
        entry.writing -= 1;
        this.writes.delete(task);
        if (entry.dirty) this.schedule();
      });
    this.writes.add(task);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writeDirty();
      this.scheduleEviction();
    }, this.flushIntervalMs);
    this.timer.unref();
  }

  private async open(sessionId: string): Promise<LiveSession> {
    const now = this.now();
    const cached = this.live.get(sessionId);
    if (cached) {
      cached.lastUsed = now;
      // Most recently used last: eviction walks the map from the front.
      this.live.delete(sessionId);
      this.live.set(sessionId, cached);
      return cached;
    }
    let loading = this.loading.get(sessionId);
    if (!loading) {
      // One load per session at a time: concurrent first requests share one live object.
      loading = (async () => {
        let stored: Session | undefined;
        try {
          stored = await this.vault.get(sessionId);
        } catch (error) {
          // Sealed under another key (the vault key was changed): it can never be read again,
          // so the conversation starts afresh and its row is replaced on the next change. Chat
          // clients resend the whole history, which is pseudonymised again consistently.
          if (!(error instanceof DecryptionError)) throw error;
          this.options.onError?.(error);
        }
        const entry: LiveSession = {
          session: stored ?? new Session({ id: sessionId }),
          lastUsed: this.now(),
          dirty: false,
          writing: 0,
        };
        this.live.set(sessionId, entry);
        this.scheduleEviction();
        return entry;
      })().finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, loading);
    }
    return loading;
  }

  /**
   * Eviction runs as a task of its own, never between a load and the allocation that waits for
   * it (those run in one go of microtasks): an entry dropped there would take a change with it.
   */
  private scheduleEviction(): void {
    if (this.evictionScheduled) return;
    const now = this.now();
    if (this.live.size <= this.maxLive && now - this.lastEviction < this.idleMs / 10) return;
    this.evictionScheduled = true;
    setImmediate(() => {
      this.evictionScheduled = false;
      this.lastEviction = this.now();
      this.evict();
    });
  }

  /** Drops idle sessions and the least recently used beyond `maxLive`, never one with a pending write. */
  private evict(): void {
    const now = this.now();
    let excess = this.live.size - this.maxLive;
    for (const [id, entry] of this.live) {
      const idle = now - entry.lastUsed >= this.idleMs;
      if (!idle && excess <= 0) break;
      if (entry.dirty || entry.writing > 0) continue;
      this.live.delete(id);
      excess -= 1;
    }
  }
}
