import type { Redis } from "ioredis";
import { type Session, SessionSealer, type Vault } from "../../pseudonymize/index.js";

export interface RedisVaultOptions {
  /** Encryption key (32 bytes, or hex / base64): every instance that shares the vault needs the same one. */
  key: Uint8Array | string;
  ttlSeconds: number;
  /** Prepended to every key, e.g. `pw:` or a random prefix per test run. */
  prefix?: string;
}

/**
 * Conversation sessions in Redis, shared by every instance. Values are sealed (AES-256-GCM, bound
 * to the session id) before they leave the process: Redis never holds readable personal data.
 */
export class RedisVault implements Vault {
  private constructor(
    private readonly redis: Redis,
    private readonly sealer: SessionSealer,
    private readonly ttlSeconds: number,
    private readonly prefix: string,
  ) {}

  static async create(redis: Redis, options: RedisVaultOptions): Promise<RedisVault> {
    if (!(options.ttlSeconds > 0)) throw new Error("ttlSeconds must be positive");
    return new RedisVault(redis, await SessionSealer.create(options.key), options.ttlSeconds, options.prefix ?? "pw:");
  }

  async get(sessionId: string): Promise<Session | undefined> {
    const sealed = await this.redis.getBuffer(this.key(sessionId));
    return sealed ? this.sealer.open(sessionId, new Uint8Array(sealed)) : undefined;
  }

  async put(session: Session, ttlSeconds?: number): Promise<void> {
    const ttl = ttlSeconds ?? this.ttlSeconds;
    if (!(ttl > 0)) throw new Error("ttlSeconds must be positive");
    const sealed = await this.sealer.seal(session);
    await this.redis.set(this.key(session.id), Buffer.from(sealed), "EX", Math.ceil(ttl));
  }

  async delete(sessionId: string): Promise<void> {
    await this.redis.del(this.key(sessionId));
  }

  private key(sessionId: string): string {
    return `${this.prefix}vault:${sessionId}`;
  }
}
