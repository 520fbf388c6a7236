/**
 * The Layer-2 table of DESIGN.md as data: which facts about a provider/model earn which tier.
 * A model's tier is the most protected data class it may receive.
 */
import type { DataClass } from "./types.js";
import { classRank } from "./types.js";

/** What the config declares about a provider (and, where overridden, one of its models). */
export interface TierFacts {
  contract: "consumer" | "business";
  trainsOnData: boolean;
  euResidency: boolean;
  dpaSigned: boolean;
  zeroRetention: boolean;
  sectorAudit: boolean;
  dpia: boolean;
  local: boolean;
}

type BooleanFact = Exclude<keyof TierFacts, "contract">;

export interface TierRule {
  tier: DataClass;
  /** Every listed fact must have the listed value. */
  requires: Partial<Pick<TierFacts, "contract">> & Partial<Record<BooleanFact, boolean>>;
  /** Why, for the README, the dashboard and refusal messages. */
  because: string;
}

/**
 * Checked top to bottom; the first rule whose requirements all hold gives the tier. Zero
 * retention is recorded but earns no tier on its own: the table in DESIGN.md does not ask for it.
 */
export const TIER_RULES: readonly TierRule[] = [
  { tier: "special", requires: { local: true }, because: "local model: data stays on own hardware" },
  {
    tier: "special",
    requires: {
      contract: "business",
      trainsOnData: false,
      euResidency: true,
      dpaSigned: true,
      sectorAudit: true,
      dpia: true,
    },
    because: "business contract, EU residency, DPA, sector audit and DPIA",
  },
  {
    tier: "sensitive",
    requires: { contract: "business", trainsOnData: false, euResidency: true, dpaSigned: true },
    because: "business contract, EU data boundary and DPA",
  },
  {
    tier: "customer",
    requires: { contract: "business", trainsOnData: false },
    because: "business contract, no training",
  },
  { tier: "public", requires: {}, because: "consumer contract or trains on data" },
];

/** Facts to assume for anything the config leaves out: the least trusted reading. */
export const UNTRUSTED_FACTS: TierFacts = {
  contract: "consumer",
  trainsOnData: false,
  euResidency: false,
  dpaSigned: false,
  zeroRetention: false,
  sectorAudit: false,
  dpia: false,
  local: false,
};

export function matchingRule(facts: TierFacts): TierRule {
  for (const rule of TIER_RULES) {
    const entries = Object.entries(rule.requires) as [keyof TierFacts, TierFacts[keyof TierFacts]][];
    if (entries.every(([fact, value]) => facts[fact] === value)) return rule;
  }
  // The last rule requires nothing, so this is unreachable; kept so the type is total.
  return TIER_RULES[TIER_RULES.length - 1] as TierRule;
}

export function computeTier(facts: TierFacts): DataClass {
  return matchingRule(facts).tier;
}

/** May a model of this tier receive data of this class? */
export function tierAllows(tier: DataClass, dataClass: DataClass): boolean {
  return classRank(tier) >= classRank(dataClass);
}

/** The facts a provider still lacks for a tier, e.g. to tell the admin what to arrange. */
export function missingFacts(facts: TierFacts, tier: DataClass): string[] {
  const candidates = TIER_RULES.filter((rule) => rule.tier === tier);
  let best: string[] | undefined;
  for (const rule of candidates) {
    const missing = Object.entries(rule.requires)
      .filter(([fact, value]) => facts[fact as keyof TierFacts] !== value)
      .map(([fact, value]) => `${fact}: ${String(value)}`);
    if (!best || missing.length < best.length) best = missing;
  }
  return best ?? [];
}
