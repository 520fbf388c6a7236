/**
 * Policy: what kind of data a request holds, which models may receive it, and what happens to it.
 * Pure (no I/O, no HTTP, no provider calls): the gateway supplies facts and acts on the decision.
 */

export {
  type Classification,
  type ClassificationReason,
  type ClassifyInput,
  classify,
  ENTITY_CLASS,
} from "./classify.js";
export {
  type Decision,
  type DecisionFlag,
  type DecisionInput,
  type DecisionReason,
  decide,
  effectiveRules,
  type RoutableModel,
} from "./decide.js";
export { type InjectionFinding, type InjectionKind, scanForInjection, stripInjection } from "./injection.js";
export { INJECTION_PHRASES } from "./injection-phrases.js";
export { findKeywords, KEYWORD_CATEGORIES, KEYWORD_SETS, type KeywordCategory, type KeywordHit } from "./keywords.js";
export { CLASS_LABELS, describeFindings, MESSAGES, TIER_REQUIREMENTS } from "./messages.js";
export {
  computeTier,
  matchingRule,
  missingFacts,
  TIER_RULES,
  type TierFacts,
  type TierRule,
  tierAllows,
  UNTRUSTED_FACTS,
} from "./tiers.js";
export * from "./types.js";
