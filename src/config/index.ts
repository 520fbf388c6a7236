/** The one configuration file of Poortwachter: loading, validation, defaults, model catalogue and prices. */

export { type CatalogModel, configHints, modelCatalog } from "./catalog.js";
export { type Env, EnvSubstitutionError, expandEnv } from "./env.js";
export { EXAMPLE_CONFIG } from "./example.js";
export {
  type BudgetPeriods,
  ConfigError,
  type ConfigIssue,
  DEFAULT_CONFIG_FILE,
  defaultConfig,
  loadConfig,
  type ModelEntry,
  type PoortwachterConfig,
  type ProviderConfig,
  parseConfig,
} from "./load.js";
export {
  costInEuro,
  DEFAULT_PRICES,
  DEFAULT_USD_TO_EUR,
  type EuroPrice,
  findPrice,
  type PriceEntry,
  toEuro,
} from "./pricing.js";
export { configSchema, DEFAULT_BASE_URLS, PROVIDER_TYPES, type ProviderType, publicModelName } from "./schema.js";
export { parseVaultKey, resolveVaultKey, VAULT_KEY_FILE, type VaultKeyResult } from "./vault-key.js";
