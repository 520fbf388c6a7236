/**
 * The tables of the store as Kysely sees them. Portable across SQLite and PostgreSQL on purpose:
 * ids are text generated in code, timestamps are ISO-8601 strings, structured values are JSON text
 * and there are no boolean columns (SQLite has none). Each governance aggregate is kept whole in
 * `data`; the other columns are copies of the fields we filter or sort on.
 */

/** The shared shape of a table that stores one validated document per row. */
export interface DocumentRow {
  id: string;
  data: string;
  created_at: string;
  updated_at: string;
}

export interface ToolsInUseTable extends DocumentRow {
  catalogue_entry_id: string | null;
  approval_status: string;
}

export interface RegisterEntriesTable extends DocumentRow {
  system: string;
  status: string;
}

export interface IncidentsTable extends DocumentRow {
  discovered_at: string;
  status: string;
}

export interface ContactsTable extends DocumentRow {
  role: string;
}

export interface TrainingSessionsTable extends DocumentRow {
  session_date: string;
}

export interface CustomCatalogueEntriesTable extends DocumentRow {}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ShadowAiImportsTable {
  id: string;
  imported_at: string;
  source: string;
  format: string;
  lines_read: number;
  tools_found: number;
  /** JSON array of service names seen in the log but not in the register. */
  unregistered_tools: string;
}

export interface ShadowAiFindingsTable {
  id: string;
  import_id: string;
  position: number;
  service_id: string;
  hits: number;
  /** The finding as the shadow-AI module produced it, JSON. */
  data: string;
}

/** Web app accounts (migration 0003); see src/store/repositories/accounts.ts. */
export interface AccountsTable {
  id: string;
  name: string;
  display_name: string;
  role: string;
  team: string | null;
  language: string;
  password_hash: string;
  password_change_required: number;
  /** AES-256-GCM sealed, never the plain secret. */
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  /** The last accepted TOTP time step, so a code cannot be used twice; pg returns bigint as a string. */
  totp_last_step: number | string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountSessionsTable {
  id_hash: string;
  account_id: string;
  stage: string;
  csrf_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** Migration 0008: browser and OS in plain words, and a /24 or /48 address prefix; null before it. */
  browser: string | null;
  os: string | null;
  ip_prefix: string | null;
}

export interface AccountRecoveryCodesTable {
  account_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface AdminAuditTable {
  id: string;
  time: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target: string | null;
  /** JSON object; never secrets. */
  details: string;
}

/** The team chat's conversations (migration 0004): title and content sealed, never plain text. */
export interface ChatConversationsTable {
  id: string;
  account_id: string;
  title_sealed: string;
  content_sealed: string;
  created_at: string;
  updated_at: string;
}

/** Approvals of held gateway requests (migration 0006); codes and counts only, never prompt text. */
export interface GatewayApprovalsTable {
  id: string;
  /** pending | approved | denied */
  status: string;
  user_name: string;
  team: string | null;
  key_id: string | null;
  endpoint: string;
  model: string;
  /** JSON array of tool names. */
  tools: string;
  classification: string;
  /** JSON object entity type -> count. */
  entity_counts: string;
  conversation_hash: string;
  requested_at: string;
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
  expires_at: string | null;
  uses: number;
  last_used_at: string | null;
}

/** The pseudonymisation vault on the store (migration 0007): sealed sessions, never plain values. */
export interface VaultSessionsTable {
  session_id: string;
  /** AES-256-GCM ciphertext, base64. */
  sealed: string;
  expires_at: string;
  updated_at: string;
}

export interface Database {
  tools_in_use: ToolsInUseTable;
  register_entries: RegisterEntriesTable;
  incidents: IncidentsTable;
  contacts: ContactsTable;
  training_sessions: TrainingSessionsTable;
  custom_catalogue_entries: CustomCatalogueEntriesTable;
  settings: SettingsTable;
  shadow_ai_imports: ShadowAiImportsTable;
  shadow_ai_findings: ShadowAiFindingsTable;
  accounts: AccountsTable;
  account_sessions: AccountSessionsTable;
  account_recovery_codes: AccountRecoveryCodesTable;
  login_throttle: LoginThrottleTable;
  admin_audit: AdminAuditTable;
  chat_conversations: ChatConversationsTable;
  vault_sessions: VaultSessionsTable;
  gateway_approvals: GatewayApprovalsTable;
}
