/**
 * Where sessions live between requests. The interface is what the store module implements with
 * SQLite, PostgreSQL or Redis; values are sealed with `SessionSealer` before they are stored, so
 * a database dump holds no readable personal data.
 */
import { importAesKey, open, parseKeyMaterial, seal } from "./crypto.js";
import { Session, type SessionState } from "./session.js";

export interface Vault {
  get(sessionId: string): Promise<Session | undefined>;
  /** Store (or replace) a session; it expires `ttlSeconds` after this call (the vault's default when absent). */
  put(session: Session, ttlSeconds?: number): Promise<void>;
  delete(sessionId: string): Promise<void>;
}

/**
 * AES-256-GCM under one key: `iv (12 bytes) || ciphertext || tag (16 bytes)`, the context as
 * additional authenticated data; `open` throws DecryptionError for a wrong key, context or a
 * changed byte. Every implementation reads what every other one wrote.
 */
export interface AeadCipher {
  seal(plaintext: string, context: string): Uint8Array | Promise<Uint8Array>;
  open(sealed: Uint8Array, context: string): string | Promise<string>;
}

function webCryptoCipher(key: CryptoKey): AeadCipher {
  return { seal: (plaintext, ctx) => seal(key, plaintext, ctx), open: (sealed, ctx) => open(key, sealed, ctx) };
}

/**
 * Encrypts session states with AES-256-GCM, bound to the session id: a sealed state copied under
 * another id does not decrypt, so one session's placeholders never resolve with another's values.
 */
export class SessionSealer {
  private constructor(private readonly cipher: AeadCipher) {}

  /**
   * `key`: 32 bytes, or their hex / base64 spelling (from configuration). `cipher` replaces
   * WebCrypto with an implementation of the same format (the gateway uses Node's, which does not
   * need a thread-pool round trip per session).
   */
  static async create(key: Uint8Array | string, cipher?: (raw: Uint8Array) => AeadCipher): Promise<SessionSealer> {
    const raw = typeof key === "string" ? parseKeyMaterial(key) : key;
    return new SessionSealer(cipher ? cipher(raw) : webCryptoCipher(await importAesKey(raw)));
  }

  async seal(session: Session): Promise<Uint8Array> {
    return this.cipher.seal(JSON.stringify(session.toState()), context(session.id));
  }

  async open(sessionId: string, sealed: Uint8Array): Promise<Session> {
    const state = JSON.parse(await this.cipher.open(sealed, context(sessionId))) as SessionState;
    if (state.id !== sessionId) throw new Error("sealed session belongs to another session id");
    return Session.fromState(state);
  }
}

function context(sessionId: string): string {
  return `poortwachter-vault-v1:${sessionId}`;
}

export interface MemoryVaultOptions {
  /** Encryption key: 32 bytes or their hex / base64 spelling. */
  key: Uint8Array | string;
  /** Default lifetime of an entry. Default one day. */
  ttlSeconds?: number;
  /** Clock in milliseconds, for tests. */
  now?: () => number;
}

/** In-process vault: encrypted at rest in memory, entries expire. For one instance or tests. */
export class MemoryVault implements Vault {
  private readonly entries = new Map<string, { sealed: Uint8Array; expiresAt: number }>();
  private readonly ttlSeconds: number;
  private readonly now: () => number;

  private constructor(
    private readonly sealer: SessionSealer,
    options: MemoryVaultOptions,
  ) {
    this.ttlSeconds = options.ttlSeconds ?? 86_400;
    this.now = options.now ?? Date.now;
    if (!(this.ttlSeconds > 0)) throw new Error("ttlSeconds must be positive");
  }

  static async create(options: MemoryVaultOptions): Promise<MemoryVault> {
    return new MemoryVault(await SessionSealer.create(options.key), options);
  }

  /** Number of live entries (expired ones are removed first). */
  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  async get(sessionId: string): Promise<Session | undefined> {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return this.sealer.open(sessionId, entry.sealed);
  }

  async put(session: Session, ttlSeconds?: number): Promise<void> {
    const ttl = ttlSeconds ?? this.ttlSeconds;
    if (!(ttl > 0)) throw new Error("ttlSeconds must be positive");
    this.sweep();
    this.entries.set(session.id, { sealed: await this.sealer.seal(session), expiresAt: this.now() + ttl * 1000 });
  }

  async delete(sessionId: string): Promise<void> {
    this.entries.delete(sessionId);
  }

  /** Raw stored bytes, for tests that check nothing readable is kept. */
  sealedBytes(sessionId: string): Uint8Array | undefined {
    return this.entries.get(sessionId)?.sealed;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}
