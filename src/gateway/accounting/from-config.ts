import { modelCatalog } from "../../config/catalog.js";
import type { PoortwachterConfig } from "../../config/load.js";
import type { EuroPrice } from "../../config/pricing.js";
import type { AccountingOptions } from "./accounting.js";

/**
 * The accounting settings of a loaded poortwachter.yaml: `budgets`, `rateLimits`, `pricing`, and
 * the model catalogue's prices (local models are free, per-model prices win over the table).
 */
export function accountingOptionsFromConfig(
  config: PoortwachterConfig,
): Pick<AccountingOptions, "budgets" | "rateLimits" | "pricing" | "redisUrl"> {
  const euroPrices: Record<string, EuroPrice> = {};
  const freeModels: string[] = [];
  for (const model of modelCatalog(config)) {
    if (model.facts.local) freeModels.push(model.name);
    else if (model.price) euroPrices[model.name] = model.price;
  }
  return {
    budgets: config.budgets,
    rateLimits: config.rateLimits,
    pricing: { usdToEur: config.pricing.usdToEur, models: config.pricing.models, euroPrices, freeModels },
    redisUrl: config.storage.redisUrl,
  };
}
