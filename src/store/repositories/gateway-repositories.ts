import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { GatewayAuditRepository } from "./gateway-audit.js";
import { GatewayIdentityRepository } from "./gateway-identity.js";
import { GatewaySpendRepository } from "./gateway-spend.js";

export interface GatewayRepositories {
  identity: GatewayIdentityRepository;
  spend: GatewaySpendRepository;
  audit: GatewayAuditRepository;
}

/** The gateway's repositories on the store's handle (`createGatewayRepositories(store.db)`). */
export function createGatewayRepositories(
  db: Kysely<Database>,
  options: { auditDayOf?: (time: Date) => string } = {},
): GatewayRepositories {
  return {
    identity: new GatewayIdentityRepository(db),
    spend: new GatewaySpendRepository(db),
    audit: new GatewayAuditRepository(db, options.auditDayOf),
  };
}
