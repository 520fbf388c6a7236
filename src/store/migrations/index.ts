import type { Migration, MigrationProvider } from "kysely";
import { governanceMigration } from "./0001-governance.js";
import { gatewayMigration } from "./0002-gateway.js";
import { accountsMigration } from "./0003-accounts.js";
import { chatMigration } from "./0004-chat.js";
import { approvalsMigration } from "./0006-approvals.js";
import { vaultMigration } from "./0007-vault.js";
import { sessionDevicesMigration } from "./0008-session-devices.js";

/**
 * Every migration, in order. Kysely runs them sorted by name, so a new module adds a file
 * `NNNN-what.ts` and one line here with the next number (e.g. "0002-gateway-keys"). Never edit
 * or rename a migration that has shipped: databases in the field already recorded it.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-governance": governanceMigration,
  "0002-gateway": gatewayMigration,
  "0003-accounts": accountsMigration,
  "0004-chat": chatMigration,
  "0006-approvals": approvalsMigration,
  "0007-vault": vaultMigration,
  "0008-session-devices": sessionDevicesMigration,
};

/** Migrations live in code (not files on disk) so they work from `dist/`, a bundle or tests alike. */
export const inCodeMigrations: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
