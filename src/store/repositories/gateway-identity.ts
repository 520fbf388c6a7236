import type { Kysely } from "kysely";
import { DuplicateIdError, isUniqueViolation, RecordNotFoundError } from "../errors.js";
import type { Database } from "../schema.js";
import { type GatewayDb, type GatewayKeysTable, withGatewayTables } from "./gateway-tables.js";

/** Users, teams and personal API keys of the gateway. Keys are stored by hash only. */

export interface TeamRecord {
  name: string;
  createdAt: string;
}

export interface UserRecord {
  name: string;
  team: string | null;
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  keyHash: string;
  user: string;
  team: string | null;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export type NewApiKey = Omit<ApiKeyRecord, "revokedAt">;

function toKey(row: GatewayKeysTable): ApiKeyRecord {
  return {
    id: row.id,
    keyHash: row.key_hash,
    user: row.user_name,
    team: row.team,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export class GatewayIdentityRepository {
  private readonly db: GatewayDb;

  constructor(db: Kysely<Database>) {
    this.db = withGatewayTables(db);
  }

  async addTeam(name: string, now = new Date()): Promise<TeamRecord> {
    const row = { name, created_at: now.toISOString() };
    try {
      await this.db.insertInto("gateway_teams").values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateIdError("team", name);
      throw err;
    }
    return { name, createdAt: row.created_at };
  }

  /** Creates the team when it does not exist yet; safe when two instances race. */
  async ensureTeam(name: string, now = new Date()): Promise<void> {
    await this.db
      .insertInto("gateway_teams")
      .values({ name, created_at: now.toISOString() })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
  }

  async getTeam(name: string): Promise<TeamRecord | undefined> {
    const row = await this.db.selectFrom("gateway_teams").selectAll().where("name", "=", name).executeTakeFirst();
    return row ? { name: row.name, createdAt: row.created_at } : undefined;
  }

  async listTeams(): Promise<TeamRecord[]> {
    const rows = await this.db.selectFrom("gateway_teams").selectAll().orderBy("name").execute();
    return rows.map((r) => ({ name: r.name, createdAt: r.created_at }));
  }

  async addUser(name: string, team: string | null, now = new Date()): Promise<UserRecord> {
    const row = { name, team, created_at: now.toISOString() };
    try {
      await this.db.insertInto("gateway_users").values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateIdError("user", name);
      throw err;
    }
    return { name, team, createdAt: row.created_at };
  }

  /** Creates the user when missing; an existing user keeps its team. */
  async ensureUser(name: string, team: string | null, now = new Date()): Promise<UserRecord> {
    await this.db
      .insertInto("gateway_users")
      .values({ name, team, created_at: now.toISOString() })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const user = await this.getUser(name);
    if (!user) throw new RecordNotFoundError("user", name);
    return user;
  }

  async setUserTeam(name: string, team: string | null): Promise<void> {
    const result = await this.db.updateTable("gateway_users").set({ team }).where("name", "=", name).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new RecordNotFoundError("user", name);
  }

  async getUser(name: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom("gateway_users").selectAll().where("name", "=", name).executeTakeFirst();
    return row ? { name: row.name, team: row.team, createdAt: row.created_at } : undefined;
  }

  async listUsers(team?: string): Promise<UserRecord[]> {
    let query = this.db.selectFrom("gateway_users").selectAll().orderBy("name");
    if (team !== undefined) query = query.where("team", "=", team);
    const rows = await query.execute();
    return rows.map((r) => ({ name: r.name, team: r.team, createdAt: r.created_at }));
  }

  async addKey(key: NewApiKey): Promise<ApiKeyRecord> {
    try {
      await this.db
        .insertInto("gateway_keys")
        .values({
          id: key.id,
          key_hash: key.keyHash,
          user_name: key.user,
          team: key.team,
          label: key.label,
          created_at: key.createdAt,
          expires_at: key.expiresAt,
          revoked_at: null,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateIdError("key", key.id);
      throw err;
    }
    return { ...key, revokedAt: null };
  }

  async getKey(id: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom("gateway_keys").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toKey(row) : undefined;
  }

  async listKeys(filter: { user?: string; team?: string } = {}): Promise<ApiKeyRecord[]> {
    let query = this.db.selectFrom("gateway_keys").selectAll().orderBy("created_at").orderBy("id");
    if (filter.user !== undefined) query = query.where("user_name", "=", filter.user);
    if (filter.team !== undefined) query = query.where("team", "=", filter.team);
    return (await query.execute()).map(toKey);
  }

  /** Marks the key revoked; revoking twice keeps the first time. Returns the key as stored. */
  async revokeKey(id: string, now = new Date()): Promise<ApiKeyRecord> {
    await this.db
      .updateTable("gateway_keys")
      .set({ revoked_at: now.toISOString() })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
    const key = await this.getKey(id);
    if (!key) throw new RecordNotFoundError("key", id);
    return key;
  }
}
