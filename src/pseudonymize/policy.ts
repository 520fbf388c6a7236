import type { EntityType } from "../detect/index.js";
import type { BirthDateGeneralisation } from "./operators.js";

/**
 * replace: reversible placeholder (`[PERSOON_1]`), the default.
 * mask: irreversible partial hiding (`NL** **** **** **43 00`).
 * generalise: irreversible coarsening (birth year or age band, postcode area, street, amount range).
 * keep: leave as is. drop: remove.
 */
export type Operator = "replace" | "mask" | "generalise" | "keep" | "drop";

export interface PseudonymizePolicy {
  /** Operator per entity type; `replace` for types not listed. */
  operators?: Partial<Record<EntityType, Operator>>;
  /** Money amounts: kept (default) or turned into ranges such as `EUR 1.000-5.000`. */
  amounts?: "keep" | "generalise";
  /** How `generalise` treats a date of birth. Default `year`. */
  birthDate?: BirthDateGeneralisation;
  /** "Today" for age bands; the current date when absent. */
  today?: Date;
}

/** Types for which `generalise` has a meaning. */
export const GENERALISABLE: ReadonlySet<EntityType> = new Set(["DATE_OF_BIRTH", "POSTCODE", "ADDRESS"]);

export class PolicyError extends Error {
  override name = "PolicyError";
}

/** Check a policy once, before any text is touched, so a wrong setting fails loudly. */
export function validatePolicy(policy: PseudonymizePolicy): void {
  for (const [type, op] of Object.entries(policy.operators ?? {}) as [EntityType, Operator][]) {
    if (!["replace", "mask", "generalise", "keep", "drop"].includes(op)) {
      throw new PolicyError(`unknown operator "${op}" for ${type}`);
    }
    if (type === "SECRET" && (op === "keep" || op === "generalise")) {
      throw new PolicyError(`secrets are always masked or replaced; "${op}" is not allowed for SECRET`);
    }
    if (op === "generalise" && !GENERALISABLE.has(type)) {
      throw new PolicyError(`"generalise" is not available for ${type} (only ${[...GENERALISABLE].join(", ")})`);
    }
  }
  if (policy.amounts && policy.amounts !== "keep" && policy.amounts !== "generalise") {
    throw new PolicyError(`amounts must be "keep" or "generalise", not "${policy.amounts}"`);
  }
  if (policy.birthDate && policy.birthDate !== "year" && policy.birthDate !== "ageBand") {
    throw new PolicyError(`birthDate must be "year" or "ageBand", not "${policy.birthDate}"`);
  }
}
