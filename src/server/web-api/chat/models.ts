import type { CatalogModel } from "../../../config/index.js";
import { tierAllows } from "../../../policy/index.js";

/** A model as the chat's model picker shows it: its tier, the facts behind it, and what data it may see. */
export function modelView(model: CatalogModel) {
  return {
    name: model.name,
    provider: model.providerId,
    tier: model.tier,
    facts: {
      contract: model.facts.contract,
      trainsOnData: model.facts.trainsOnData,
      euResidency: model.facts.euResidency,
      dpaSigned: model.facts.dpaSigned,
      local: model.facts.local,
    },
    allows: {
      customer: tierAllows(model.tier, "customer"),
      sensitive: tierAllows(model.tier, "sensitive"),
      special: tierAllows(model.tier, "special"),
    },
  };
}

export type ModelView = ReturnType<typeof modelView>;
