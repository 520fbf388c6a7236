import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { Session, SessionSealer, type Vault } from "../../pseudonymize/index.js";
import type { ConversationSessions } from "./conversation.js";
import { nodeAesGcm } from "./node-cipher.js";

export interface RedisVaultOptions {
  /** Encryption key (32 bytes, or hex / base64): every instance that shares the vault needs the same one. */
  key: Uint8Array | string;
  ttlSeconds: number;
  /** Prepended to every key, e.g. `pw:` or a random prefix per test run. */
  prefix?: string;
  /** Tries of one update when other instances keep changing the same conversation. Default 12. */
  maxAttempts?: number;
}

// KEYS: the sealed session, its revision. ARGV: the revision it was read at ('0': none), the new
// sealed session, the lifetime in seconds. Writes only when nobody wrote in between.
const COMPARE_AND_SET = `
local rev = redis.call('GET', KEYS[2]) or '0'
if rev ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
redis.call('SET', KEYS[2], tostring(tonumber(rev) + 1), 'EX', ARGV[3])
return 1
`;
const COMPARE_AND_SET_SHA = createHash("sha1").update(COMPARE_AND_SET).digest("hex");

export class VaultConflictError extends Error {
  override name = "VaultConflictError";
}

/**
 * Conversation sessions in Redis, shared by every instance. Values are sealed (AES-256-GCM, bound
 * to the session id) before they leave the process: Redis never holds readable personal data.
 *
 * Each session has a revision next to it. `update` reads both, allocates, and writes back only
 * if the revision is unchanged (one Lua script, atomic in Redis); otherwise it reads again and
 * allocates again. Requests of one instance queue per conversation first, so they do not race
 * each other into retries.
 */
export class RedisVault implements Vault, ConversationSessions {
  private readonly queues = new Map<string, Promise<unknown>>();

  private constructor(
    private readonly redis: Redis,
    private readonly sealer: SessionSealer,
    private readonly ttlSeconds: number,
    private readonly prefix: string,
    private readonly maxAttempts: number,
  ) {}

  static async create(redis: Redis, options: RedisVaultOptions): Promise<RedisVault> {
    if (!(options.ttlSeconds > 0)) throw new Error("ttlSeconds must be positive");
    return new RedisVault(
      redis,
      await SessionSealer.create(options.key, nodeAesGcm),
      options.ttlSeconds,
      options.prefix ?? "pw:",
      options.maxAttempts ?? 12,
    );
  }

  async get(sessionId: string): Promise<Session | undefined> {
    const sealed = await this.redis.getBuffer(this.key(sessionId));
    return sealed ? this.sealer.open(sessionId, new Uint8Array(sealed)) : undefined;
  }

  async put(session: Session, ttlSeconds?: number): Promise<void> {
    const ttl = Math.ceil(ttlSeconds ?? this.ttlSeconds);
    if (!(ttl > 0)) throw new Error("ttlSeconds must be positive");
    const sealed = await this.sealer.seal(session);
    const rev = this.revisionKey(session.id);
    await this.redis
      .multi()
      .set(this.key(session.id), Buffer.from(sealed), "EX", ttl)
      .incr(rev)
      .expire(rev, ttl)
      .exec();
  }

  async delete(sessionId: string): Promise<void> {
    await this.redis.del(this.key(sessionId), this.revisionKey(sessionId));
  }

  update<T>(sessionId: string, allocate: (session: Session) => T): Promise<{ session: Session; result: T }> {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const run = previous.then(
      () => this.compareAndSet(sessionId, allocate),
      () => this.compareAndSet(sessionId, allocate),
    );
    this.queues.set(sessionId, run);
    const forget = () => {
      if (this.queues.get(sessionId) === run) this.queues.delete(sessionId);
    };
    run.then(forget, forget);
    return run;
  }

  /** Nothing is pending: every update is in Redis when it resolves. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
  }

  private async compareAndSet<T>(
    sessionId: string,
    allocate: (session: Session) => T,
  ): Promise<{ session: Session; result: T }> {
    const keys = [this.key(sessionId), this.revisionKey(sessionId)];
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const [sealed, revision] = await this.redis.mgetBuffer(...keys);
      const session = sealed
        ? await this.sealer.open(sessionId, new Uint8Array(sealed))
        : new Session({ id: sessionId });
      const before = session.revision;
      const result = allocate(session);
      if (session.revision === before) return { session, result };
      const next = Buffer.from(await this.sealer.seal(session));
      const args = [revision ? revision.toString() : "0", next, Math.ceil(this.ttlSeconds)];
      if ((await this.script(keys, args)) === 1) return { session, result };
      // Another instance won this round: wait a random moment so the two do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
    }
    throw new VaultConflictError(`conversation session changed concurrently ${this.maxAttempts} times in a row`);
  }

  /** EVALSHA first (the script body is sent only when Redis does not know it yet). */
  private async script(keys: string[], args: (string | number | Buffer)[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(COMPARE_AND_SET_SHA, keys.length, ...keys, ...args);
    } catch (error) {
      if (error instanceof Error && error.message.includes("NOSCRIPT")) {
        return this.redis.eval(COMPARE_AND_SET, keys.length, ...keys, ...args);
      }
      throw error;
    }
  }

  private key(sessionId: string): string {
    return `${this.prefix}vault:${sessionId}`;
  }

  private revisionKey(sessionId: string): string {
    return `${this.prefix}vault:${sessionId}:rev`;
  }
}
