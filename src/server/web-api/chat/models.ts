import type { CatalogModel } from "../../../config/index.js";
import { type PolicyRules, tierAllows } from "../../../policy/index.js";

/**
 * A model as the chat's model picker shows it: its tier, the facts behind it, and what data the
 * policy lets it receive for this team (its tier, the team's minimum class, and whether special
 * categories are blocked outright).
 */
export function modelView(model: CatalogModel, rules: PolicyRules) {
  const atLeastTeamMinimum = tierAllows(model.tier, rules.minimumClass);
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
      /** Requests without personal data: false when the team's minimum class is above the model's tier. */
      public: atLeastTeamMinimum,
      customer: atLeastTeamMinimum && tierAllows(model.tier, "customer"),
      sensitive: atLeastTeamMinimum && tierAllows(model.tier, "sensitive"),
      special: atLeastTeamMinimum && tierAllows(model.tier, "special") && rules.specialCategories !== "block",
    },
  };
}

export type ModelView = ReturnType<typeof modelView>;
