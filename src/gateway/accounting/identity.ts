import { RecordNotFoundError } from "../../store/errors.js";
import type {
  ApiKeyRecord,
  GatewayIdentityRepository,
  TeamRecord,
  UserRecord,
} from "../../store/repositories/gateway-identity.js";
import { apiKeyId, apiKeyMatches, assertAccountName, displayKeyId, generateApiKey } from "./api-keys.js";

export type AuthErrorCode = "missing" | "invalid" | "revoked" | "expired";

export interface Identity {
  keyId: string;
  user: string;
  team: string | null;
}

export type AuthResult = { ok: true; identity: Identity } | { ok: false; code: AuthErrorCode };

export type KeyStatus = "active" | "revoked" | "expired";

/** A key as listings show it: never the key itself, nor its hash. */
export interface KeyView {
  id: string;
  display: string;
  user: string;
  team: string | null;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  status: KeyStatus;
}

export interface CreateKeyInput {
  user: string;
  team?: string | undefined;
  /** Lifetime in ms from now; absent: the key does not expire. */
  expiresInMs?: number | undefined;
  label?: string | undefined;
}

export interface CreatedKey {
  /** Shown once; Poortwachter cannot show it again. */
  key: string;
  view: KeyView;
}

export interface IdentityServiceOptions {
  /** How long a looked-up key is trusted without asking the database (default 5 s). */
  cacheTtlMs?: number;
  /** At most this many keys in the cache (default 10 000). */
  cacheSize?: number;
  clock?: () => number;
}

interface CachedKey {
  record: ApiKeyRecord | undefined;
  loadedAt: number;
}

function statusOf(record: ApiKeyRecord, now: number): KeyStatus {
  if (record.revokedAt !== null) return "revoked";
  if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now) return "expired";
  return "active";
}

/**
 * Users, teams and personal keys: what `poortwachter keys|users|teams` and the admin API call, and
 * `authenticate()` for every gateway request. Key rows are cached for a few seconds so a request
 * costs no database round trip; a revocation on another instance takes effect within that window,
 * on this instance at once.
 */
export class IdentityService {
  private readonly cache = new Map<string, CachedKey>();
  private readonly cacheTtlMs: number;
  private readonly cacheSize: number;
  private readonly clock: () => number;

  constructor(
    private readonly repo: GatewayIdentityRepository,
    options: IdentityServiceOptions = {},
  ) {
    this.cacheTtlMs = options.cacheTtlMs ?? 5000;
    this.cacheSize = options.cacheSize ?? 10_000;
    this.clock = options.clock ?? Date.now;
  }

  async authenticate(presentedKey: string | undefined): Promise<AuthResult> {
    if (!presentedKey) return { ok: false, code: "missing" };
    const id = apiKeyId(presentedKey);
    if (!id) return { ok: false, code: "invalid" };
    const record = await this.lookup(id);
    if (!record || !apiKeyMatches(presentedKey, record.keyHash)) return { ok: false, code: "invalid" };
    const status = statusOf(record, this.clock());
    if (status !== "active") return { ok: false, code: status };
    return { ok: true, identity: { keyId: record.id, user: record.user, team: record.team } };
  }

  /** Creates the user (and team) on the fly when they do not exist yet. */
  async createKey(input: CreateKeyInput): Promise<CreatedKey> {
    assertAccountName("user", input.user);
    if (input.team !== undefined) {
      assertAccountName("team", input.team);
      await this.repo.ensureTeam(input.team, this.now());
    }
    const user = await this.repo.ensureUser(input.user, input.team ?? null, this.now());
    const generated = generateApiKey();
    const created = this.now();
    const record = await this.repo.addKey({
      id: generated.id,
      keyHash: generated.hash,
      user: user.name,
      team: input.team ?? user.team,
      label: input.label ?? null,
      createdAt: created.toISOString(),
      expiresAt: input.expiresInMs === undefined ? null : new Date(created.getTime() + input.expiresInMs).toISOString(),
    });
    return { key: generated.key, view: this.view({ ...record }) };
  }

  async listKeys(filter: { user?: string; team?: string } = {}): Promise<KeyView[]> {
    return (await this.repo.listKeys(filter)).map((r) => this.view(r));
  }

  async revokeKey(id: string): Promise<KeyView> {
    const bare = id.replace(/^pw-/, "").replace(/-…?$/, "");
    const record = await this.repo.revokeKey(bare, this.now());
    this.cache.delete(bare);
    return this.view(record);
  }

  async addTeam(name: string): Promise<TeamRecord> {
    return this.repo.addTeam(assertAccountName("team", name), this.now());
  }

  async listTeams(): Promise<TeamRecord[]> {
    return this.repo.listTeams();
  }

  async addUser(name: string, team?: string): Promise<UserRecord> {
    assertAccountName("user", name);
    if (team !== undefined) {
      assertAccountName("team", team);
      await this.repo.ensureTeam(team, this.now());
    }
    return this.repo.addUser(name, team ?? null, this.now());
  }

  /** Moves a user to a team (created when missing). Existing keys keep the team they were made for. */
  async setUserTeam(name: string, team: string | null): Promise<UserRecord> {
    if (team !== null) {
      assertAccountName("team", team);
      await this.repo.ensureTeam(team, this.now());
    }
    await this.repo.setUserTeam(name, team);
    const user = await this.repo.getUser(name);
    if (!user) throw new RecordNotFoundError("user", name);
    return user;
  }

  async listUsers(team?: string): Promise<UserRecord[]> {
    return this.repo.listUsers(team);
  }

  private async lookup(id: string): Promise<ApiKeyRecord | undefined> {
    const now = this.clock();
    const cached = this.cache.get(id);
    if (cached && now - cached.loadedAt < this.cacheTtlMs) return cached.record;
    const record = await this.repo.getKey(id);
    // Unknown ids are not cached: a key created on another instance must work at once.
    if (record) {
      if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(id, { record, loadedAt: now });
    } else {
      this.cache.delete(id);
    }
    return record;
  }

  private view(record: ApiKeyRecord): KeyView {
    return {
      id: record.id,
      display: displayKeyId(record.id),
      user: record.user,
      team: record.team,
      label: record.label,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      revokedAt: record.revokedAt,
      status: statusOf(record, this.clock()),
    };
  }

  private now(): Date {
    return new Date(this.clock());
  }
}
