/**
 * The policy decision for one request: forward (pseudonymised), reroute to a model of a
 * sufficient tier, or block with a message that says why and what to do. Pure: the gateway
 * gathers the facts (classification, models, tools, injection findings) and acts on the result.
 */
import type { PseudonymizePolicy } from "../pseudonymize/index.js";
import type { Classification } from "./classify.js";
import type { InjectionFinding } from "./injection.js";
import {
  describeFindings,
  forwardedMessage,
  MESSAGES,
  reroutedMessage,
  specialBlockedMessage,
  teamModelMessage,
  tierTooLowMessage,
  unknownModelMessage,
} from "./messages.js";
import { tierAllows } from "./tiers.js";
import { classRank, type DataClass, type Message, maxClass, type PolicyRules, type PolicySettings } from "./types.js";

/** A model the gateway can call, under its public name, with the tier its provider earned. */
export interface RoutableModel {
  name: string;
  providerId: string;
  tier: DataClass;
}

export interface DecisionInput {
  classification: Classification;
  requestedModel: string;
  models: readonly RoutableModel[];
  /** Fallback models per requested model, tried first when rerouting. */
  fallbacks?: Readonly<Record<string, readonly string[]>> | undefined;
  policy: PolicySettings;
  team?: string | undefined;
  /** The request offers the model tools (function calling). */
  toolCalls?: boolean | undefined;
  /** Findings of the prompt-injection scan over tool results and documents in the request. */
  injection?: readonly InjectionFinding[] | undefined;
}

export type DecisionReason =
  | "secret"
  | "bsn"
  | "prompt-injection-refused"
  | "special-category-blocked"
  | "tool-calls-refused"
  | "approval-required"
  | "unknown-model"
  | "model-not-allowed-for-team"
  | "tier-too-low"
  | "no-model-for-class"
  | "tier-sufficient"
  | "rerouted"
  | "policy-error";

/** Marks for the audit record that do not change the action. */
export type DecisionFlag = "tool-calls-on-customer-data" | "prompt-injection";

export interface Decision {
  action: "forward" | "reroute" | "block";
  /** The model to call (public name); null when blocked. */
  model: string | null;
  providerId: string | null;
  /** Always true: whatever is forwarded is pseudonymised first. */
  pseudonymise: true;
  dataClass: DataClass;
  reasons: DecisionReason[];
  flags: DecisionFlag[];
  /** Remove invisible characters and hidden blocks from tool results and documents before forwarding. */
  stripInjection: boolean;
  /** Blocked only until a person approves (tool calls on customer data, `require-approval`). */
  approvalRequired: boolean;
  /** Operators and amount handling for the pseudonymiser, after team overrides. */
  pseudonymizePolicy: PseudonymizePolicy;
  message: Message;
}

/** The rules that apply to a team: the team's overrides on top of the defaults. */
export function effectiveRules(policy: PolicySettings, team?: string): PolicyRules {
  const overrides = team === undefined ? undefined : policy.teams[team];
  const base: PolicyRules = {
    defaultAction: policy.defaultAction,
    specialCategories: policy.specialCategories,
    specialKeywords: policy.specialKeywords,
    toolCalls: policy.toolCalls,
    promptInjection: policy.promptInjection,
    amounts: policy.amounts,
    operators: policy.operators,
    minimumClass: policy.minimumClass,
    allowedModels: policy.allowedModels,
  };
  if (!overrides) return base;
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...base, ...defined, operators: { ...base.operators, ...overrides.operators } };
}

function block(
  dataClass: DataClass,
  reasons: DecisionReason[],
  message: Message,
  extra: Partial<Pick<Decision, "flags" | "approvalRequired" | "pseudonymizePolicy">> = {},
): Decision {
  return {
    action: "block",
    model: null,
    providerId: null,
    pseudonymise: true,
    dataClass,
    reasons,
    flags: extra.flags ?? [],
    stripInjection: false,
    approvalRequired: extra.approvalRequired ?? false,
    pseudonymizePolicy: extra.pseudonymizePolicy ?? {},
    message,
  };
}

function pickReroute(
  input: DecisionInput,
  dataClass: DataClass,
  allowed: (m: RoutableModel) => boolean,
): RoutableModel | undefined {
  const usable = (m: RoutableModel | undefined): m is RoutableModel =>
    m !== undefined && allowed(m) && tierAllows(m.tier, dataClass);
  for (const name of input.fallbacks?.[input.requestedModel] ?? []) {
    const model = input.models.find((m) => m.name === name);
    if (usable(model)) return model;
  }
  // Otherwise the least trusted model that suffices, so a local model is kept for what needs it;
  // ties keep the configuration's order.
  const candidates = input.models.filter(usable);
  return candidates.sort((a, b) => classRank(a.tier) - classRank(b.tier))[0];
}

function decideUnsafe(input: DecisionInput): Decision {
  const { classification, policy } = input;
  const rules = effectiveRules(policy, input.team);
  const dataClass = maxClass(classification.dataClass, rules.minimumClass);
  const types = new Set(classification.entityTypes);
  const pseudonymizePolicy: PseudonymizePolicy = { operators: { ...rules.operators }, amounts: rules.amounts };
  const found = describeFindings({ ...classification, dataClass });

  // Never forwarded, whatever the team or model: the pseudonymiser could mask them, but a
  // secret or BSN in a prompt is itself the incident the policy exists to stop.
  if (types.has("SECRET")) return block(dataClass, ["secret"], MESSAGES.secret);
  if (types.has("BSN")) return block(dataClass, ["bsn"], MESSAGES.bsn);

  const flags: DecisionFlag[] = [];
  let stripInjection = false;
  if ((input.injection?.length ?? 0) > 0) {
    if (rules.promptInjection === "refuse") {
      return block(dataClass, ["prompt-injection-refused"], MESSAGES.injectionRefused, { flags: ["prompt-injection"] });
    }
    flags.push("prompt-injection");
    stripInjection = rules.promptInjection === "strip";
  }

  if (dataClass === "special" && rules.specialCategories === "block") {
    return block(dataClass, ["special-category-blocked"], specialBlockedMessage(found), { flags });
  }

  if (input.toolCalls && classRank(dataClass) >= classRank("customer") && rules.toolCalls !== "allow") {
    flags.push("tool-calls-on-customer-data");
    if (rules.toolCalls === "refuse") return block(dataClass, ["tool-calls-refused"], MESSAGES.toolsRefused, { flags });
    if (rules.toolCalls === "require-approval") {
      return block(dataClass, ["approval-required"], MESSAGES.approvalRequired, { flags, approvalRequired: true });
    }
  }

  const requested = input.models.find((m) => m.name === input.requestedModel);
  if (!requested) {
    return block(
      dataClass,
      ["unknown-model"],
      unknownModelMessage(
        input.requestedModel,
        input.models.map((m) => m.name),
      ),
      {
        flags,
      },
    );
  }
  const allowedModels = rules.allowedModels;
  const allowed = (m: RoutableModel) => allowedModels === undefined || allowedModels.includes(m.name);
  const common = {
    pseudonymise: true as const,
    dataClass,
    flags,
    stripInjection,
    approvalRequired: false,
    pseudonymizePolicy,
  };

  if (allowed(requested) && tierAllows(requested.tier, dataClass)) {
    return {
      ...common,
      action: "forward",
      model: requested.name,
      providerId: requested.providerId,
      reasons: ["tier-sufficient"],
      message: forwardedMessage(requested.name),
    };
  }

  const whyNot: DecisionReason = allowed(requested) ? "tier-too-low" : "model-not-allowed-for-team";
  const reroute = rules.defaultAction === "reroute" ? pickReroute(input, dataClass, allowed) : undefined;
  if (reroute) {
    return {
      ...common,
      action: "reroute",
      model: reroute.name,
      providerId: reroute.providerId,
      reasons: [whyNot, "rerouted"],
      message: reroutedMessage(requested.name, reroute.name, dataClass),
    };
  }
  const rerouteTried = rules.defaultAction === "reroute";
  const reasons: DecisionReason[] = rerouteTried ? [whyNot, "no-model-for-class"] : [whyNot];
  const message =
    whyNot === "model-not-allowed-for-team"
      ? teamModelMessage(requested.name, input.team ?? "")
      : tierTooLowMessage(requested.name, dataClass, found, rerouteTried);
  return block(dataClass, reasons, message, { flags });
}

/** Decide; any error inside blocks the request (fail closed). */
export function decide(input: DecisionInput): Decision {
  try {
    return decideUnsafe(input);
  } catch {
    return block("special", ["policy-error"], MESSAGES.policyError);
  }
}
