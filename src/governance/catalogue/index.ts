export { type Catalogue, createCatalogue, defaultCatalogue } from "./catalogue.js";
export { SHIPPED_CATALOGUE } from "./entries.js";
export {
  categoryLabel,
  checkToolUsage,
  isTierSufficient,
  minimumTierFor,
  type TierRequirement,
  type TierVerdict,
  type UsageVerdict,
} from "./tiers.js";
