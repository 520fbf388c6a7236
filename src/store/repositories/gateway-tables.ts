import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/**
 * The gateway's tables (migration 0002) as Kysely sees them. Kept next to the gateway
 * repositories instead of in schema.ts so the gateway extends the store without editing it;
 * `withGatewayTables` widens the store's handle to include them.
 */

export interface GatewayTeamsTable {
  name: string;
  created_at: string;
}

export interface GatewayUsersTable {
  name: string;
  team: string | null;
  created_at: string;
}

export interface GatewayKeysTable {
  id: string;
  /** sha-256 of the whole key, hex. */
  key_hash: string;
  user_name: string;
  team: string | null;
  label: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface GatewaySpendTable {
  counter_key: string;
  /** pg returns bigint as a string; read it through `Number()`. */
  amount_micros: number | string;
  expires_at: string;
  updated_at: string;
}

export interface GatewayAuditTable {
  id: string;
  time: string;
  /** Calendar day in Europe/Amsterdam (YYYY-MM-DD), the unit of every dashboard aggregate. */
  day: string;
  user_name: string | null;
  team: string | null;
  key_id: string | null;
  tool: string | null;
  endpoint: string;
  protocol: string;
  provider: string | null;
  model_requested: string | null;
  model_used: string | null;
  tier: string | null;
  classification: string | null;
  decision: string;
  /** JSON array of reason codes. */
  reasons: string;
  /** JSON object entity type -> count. */
  entity_counts: string;
  tool_calls: number;
  prompt_injection: number;
  tokens_in: number;
  tokens_out: number;
  cost_micros: number | string;
  latency_ms: number;
  upstream_status: number | null;
  http_status: number;
  error_code: string | null;
}

export interface GatewayAuditEntitiesTable {
  audit_id: string;
  day: string;
  entity_type: string;
  count: number;
}

export interface GatewayTables {
  gateway_teams: GatewayTeamsTable;
  gateway_users: GatewayUsersTable;
  gateway_keys: GatewayKeysTable;
  gateway_spend: GatewaySpendTable;
  gateway_audit: GatewayAuditTable;
  gateway_audit_entities: GatewayAuditEntitiesTable;
}

export type GatewayDb = Kysely<GatewayTables>;

/** The same connection, typed for the gateway tables (they exist once migration 0002 ran). */
export function withGatewayTables(db: Kysely<Database>): GatewayDb {
  return db as unknown as GatewayDb;
}
