/**
 * The vocabulary of the policy module. Data classes and tiers share one scale: a request of class
 * `sensitive` needs a model whose tier is at least `sensitive` (the Layer-2 table of DESIGN.md).
 */
import type { EntityType } from "../detect/index.js";
import type { Operator } from "../pseudonymize/index.js";

/** Ordered from least to most protected; the index is the rank. */
export const DATA_CLASSES = ["public", "customer", "sensitive", "special"] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export function classRank(value: DataClass): number {
  return DATA_CLASSES.indexOf(value);
}

export function maxClass(a: DataClass, b: DataClass): DataClass {
  return classRank(a) >= classRank(b) ? a : b;
}

/** What to do when the requested model may not receive the data: try a model of a sufficient tier, or refuse. */
export const ROUTING_ACTIONS = ["reroute", "block"] as const;
export type RoutingAction = (typeof ROUTING_ACTIONS)[number];

/** Requests that let a model call tools while customer data is in the prompt. */
export const TOOL_CALL_ACTIONS = ["allow", "flag", "refuse", "require-approval"] as const;
export type ToolCallAction = (typeof TOOL_CALL_ACTIONS)[number];

/** Hidden instructions found in tool results or documents. */
export const INJECTION_ACTIONS = ["flag", "strip", "refuse"] as const;
export type InjectionAction = (typeof INJECTION_ACTIONS)[number];

/**
 * When special-category keywords (diagnose, strafblad, vakbond ...) count: always (fail safe,
 * the default), or only when the text also holds personal data that makes a person identifiable.
 */
export const SPECIAL_KEYWORD_MODES = ["always", "with-personal-data"] as const;
export type SpecialKeywordMode = (typeof SPECIAL_KEYWORD_MODES)[number];

/** The settings a team may override. */
export interface PolicyRules {
  /** Requested model's tier too low for the data: reroute (default) or block. */
  defaultAction: RoutingAction;
  /** Special categories (health, judicial, religion ...): reroute to a special-tier model, or always block. */
  specialCategories: RoutingAction;
  specialKeywords: SpecialKeywordMode;
  toolCalls: ToolCallAction;
  promptInjection: InjectionAction;
  /** Money amounts: kept, or generalised into ranges by the pseudonymiser. */
  amounts: "keep" | "generalise";
  /** Pseudonymisation operator per entity type; `replace` for types not listed. */
  operators: Partial<Record<EntityType, Operator>>;
  /** Treat every request of this team as at least this class (e.g. HR: sensitive). */
  minimumClass: DataClass;
  /** When set, the team may only use these models (public names). */
  allowedModels?: string[] | undefined;
}

export interface PolicySettings extends PolicyRules {
  /** Secrets are never forwarded: fixed, present so the config says so explicitly. */
  secrets: "block";
  /** BSNs are never forwarded, not even pseudonymised. */
  bsn: "block";
  teams: Record<string, Partial<PolicyRules>>;
}

export const DEFAULT_POLICY: PolicySettings = {
  defaultAction: "reroute",
  specialCategories: "reroute",
  specialKeywords: "always",
  toolCalls: "flag",
  promptInjection: "strip",
  amounts: "keep",
  operators: {},
  minimumClass: "public",
  secrets: "block",
  bsn: "block",
  teams: {},
};

/** A bilingual user-facing text. */
export interface Message {
  nl: string;
  en: string;
}
