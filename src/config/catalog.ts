/**
 * The models a configuration offers, flattened for routing: public name, provider, the name to
 * send upstream, tier facts and computed tier, limits and price. Also the hints the gateway shows
 * at start when something essential is missing.
 */
import { computeTier, type Message, type TierFacts } from "../policy/index.js";
import type { DataClass } from "../policy/types.js";
import type { ModelEntry, PoortwachterConfig, ProviderConfig } from "./load.js";
import { DEFAULT_PRICES, type EuroPrice, findPrice, toEuro } from "./pricing.js";
import { DEFAULT_BASE_URLS, type ProviderType, publicModelName } from "./schema.js";

export interface CatalogModel {
  /** What clients ask for: the alias, or the model's own name. */
  name: string;
  /** What is sent upstream: the model name, or for Azure the deployment name. */
  upstreamModel: string;
  providerId: string;
  providerType: ProviderType;
  baseUrl: string;
  facts: TierFacts;
  tier: DataClass;
  maxTokens?: number | undefined;
  /** Euros per million tokens; undefined when neither the model nor the price table knows it. */
  price: EuroPrice | undefined;
}

function factsOf(provider: ProviderConfig, model: ModelEntry): TierFacts {
  const base: TierFacts = {
    contract: provider.contract,
    trainsOnData: provider.trainsOnData,
    euResidency: provider.euResidency,
    dpaSigned: provider.dpaSigned,
    zeroRetention: provider.zeroRetention,
    sectorAudit: provider.sectorAudit,
    dpia: provider.dpia,
    local: provider.local,
  };
  if (typeof model === "string") return base;
  const overrides = Object.fromEntries(
    (["trainsOnData", "euResidency", "dpaSigned", "zeroRetention", "sectorAudit", "dpia"] as const)
      .filter((fact) => model[fact] !== undefined)
      .map((fact) => [fact, model[fact]]),
  );
  return { ...base, ...overrides };
}

function priceOf(config: PoortwachterConfig, provider: ProviderConfig, model: ModelEntry): EuroPrice | undefined {
  if (provider.local) return { inputPerMTok: 0, outputPerMTok: 0 };
  if (typeof model !== "string" && model.inputPricePerMTok !== undefined && model.outputPricePerMTok !== undefined) {
    return { inputPerMTok: model.inputPricePerMTok, outputPerMTok: model.outputPricePerMTok };
  }
  const name = typeof model === "string" ? model : model.name;
  const entry = findPrice({ ...DEFAULT_PRICES, ...config.pricing.models }, name);
  return entry ? toEuro(entry, config.pricing.usdToEur) : undefined;
}

export function modelCatalog(config: PoortwachterConfig): CatalogModel[] {
  return config.providers.flatMap((provider) =>
    provider.models.map((model) => {
      const name = publicModelName(model);
      const ownName = typeof model === "string" ? model : model.name;
      const facts = factsOf(provider, model);
      return {
        name,
        upstreamModel: provider.deployments?.[name] ?? provider.deployments?.[ownName] ?? ownName,
        providerId: provider.id,
        providerType: provider.type,
        baseUrl: provider.baseUrl ?? (DEFAULT_BASE_URLS[provider.type] as string),
        facts,
        tier: computeTier(facts),
        maxTokens: typeof model === "string" ? undefined : model.maxTokens,
        price: priceOf(config, provider, model),
      };
    }),
  );
}

/** What the admin should still configure, shown at start; empty when nothing essential is missing. */
export function configHints(config: PoortwachterConfig): Message[] {
  const hints: Message[] = [];
  const catalog = modelCatalog(config);
  if (config.providers.length === 0) {
    hints.push({
      nl: 'Er is nog geen AI-provider ingesteld, dus de gateway weigert elk verzoek. Voeg een provider toe onder "providers:" in poortwachter.yaml ("poortwachter init" schrijft een voorbeeld).',
      en: 'No AI provider is configured yet, so the gateway refuses every request. Add one under "providers:" in poortwachter.yaml ("poortwachter init" writes an example).',
    });
    return hints;
  }
  if (!catalog.some((m) => m.tier === "special")) {
    hints.push({
      nl: "Geen model mag bijzondere persoonsgegevens (gezondheid, strafrecht ...) ontvangen; zulke verzoeken worden geweigerd. Voeg eventueel een lokaal model toe (local: true).",
      en: "No model may receive special-category data (health, criminal records ...); such requests are refused. Consider adding a local model (local: true).",
    });
  }
  for (const model of catalog.filter((m) => m.price === undefined)) {
    hints.push({
      nl: `Geen prijs bekend voor model "${model.name}": budgetten kunnen de kosten niet tellen. Zet de prijs onder pricing.models.`,
      en: `No price known for model "${model.name}": budgets cannot count its cost. Set its price under pricing.models.`,
    });
  }
  return hints;
}
