import { GovernanceService } from "../governance/service/index.js";
import { openStore } from "../store/index.js";
import { type ConfigFlags, resolveConfig } from "./config.js";

/**
 * Opens the instance's store for one short task (a CLI command) and closes it afterwards, also
 * when the task fails.
 */
export async function withGovernance<T>(
  flags: ConfigFlags,
  task: (service: GovernanceService) => Promise<T>,
): Promise<T> {
  const config = resolveConfig(flags);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, schema: config.schema });
  try {
    return await task(new GovernanceService(store));
  } finally {
    await store.close();
  }
}
