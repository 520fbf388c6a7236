/**
 * Turn detected entities into placeholders (or masks, ranges, nothing) according to a policy.
 * Text the user typed that already looks like a placeholder is noted in the session first, so a
 * placeholder we issue can never coincide with it.
 */
import type { Entity, EntityType } from "../detect/index.js";
import { amountRange, findAmounts } from "./amounts.js";
import { generaliseAddress, generaliseBirthDate, generalisePostcode, maskValue } from "./operators.js";
import { findPlaceholders } from "./placeholder-matcher.js";
import { type Operator, type PseudonymizePolicy, validatePolicy } from "./policy.js";
import type { Session } from "./session.js";

export interface Replacement {
  type: EntityType | "AMOUNT";
  /** Offsets in the input text. */
  start: number;
  end: number;
  operator: Operator;
  /** What now stands in the output (empty for drop). */
  output: string;
}

export interface PseudonymizeResult {
  text: string;
  replacements: Replacement[];
}

interface Planned {
  type: EntityType | "AMOUNT";
  start: number;
  end: number;
  operator: Operator;
  /** Known now for every operator except replace, whose number is issued later. */
  output: string | null;
}

/** Non-overlapping entities in text order; later overlapping ones are dropped, bad spans rejected. */
function orderedEntities(text: string, entities: readonly Entity[]): Entity[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Entity[] = [];
  let end = 0;
  for (const e of sorted) {
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end > text.length) {
      throw new RangeError(`entity ${e.type} [${e.start}, ${e.end}) lies outside the text`);
    }
    if (e.end <= e.start || e.start < end) continue;
    kept.push(e);
    end = e.end;
  }
  return kept;
}

function planEntity(text: string, e: Entity, policy: PseudonymizePolicy, session: Session): Planned {
  const value = text.slice(e.start, e.end);
  let operator: Operator = policy.operators?.[e.type] ?? "replace";
  let output: string | null = null;
  if (operator === "mask") output = maskValue(e.type, value);
  else if (operator === "keep") output = value;
  else if (operator === "drop") output = "";
  else if (operator === "generalise") {
    if (e.type === "DATE_OF_BIRTH") {
      output = generaliseBirthDate(value, policy.birthDate ?? "year", policy.today ?? new Date(), session.language);
    } else if (e.type === "POSTCODE") output = generalisePostcode(value);
    else if (e.type === "ADDRESS") output = generaliseAddress(value);
    // Nothing coarse to keep (an unreadable date): fall back to the safe, reversible placeholder.
    if (output === null) operator = "replace";
  }
  return { type: e.type, start: e.start, end: e.end, operator, output };
}

/**
 * Pseudonymise `text`. `entities` are offsets into `text` (as `detect()` returns them).
 * The session is updated: new values get placeholders, known values keep theirs.
 */
export function pseudonymize(
  text: string,
  entities: readonly Entity[],
  session: Session,
  policy: PseudonymizePolicy = {},
): PseudonymizeResult {
  validatePolicy(policy);
  const plan: Planned[] = orderedEntities(text, entities).map((e) => planEntity(text, e, policy, session));
  if (policy.amounts === "generalise") addAmounts(text, plan);

  // Everything between two placeholders reaches the model (and comes back) as written: any
  // placeholder-like token in it must keep its number out of this session's allocation.
  let literal = "";
  let cursor = 0;
  for (const p of plan) {
    literal += text.slice(cursor, p.start);
    cursor = p.end;
    if (p.operator === "replace") {
      reserveTokens(literal, session);
      literal = "";
    } else literal += p.output;
  }
  reserveTokens(literal + text.slice(cursor), session);

  const secrets = new Map<string, string>();
  const parts: string[] = [];
  const replacements: Replacement[] = [];
  cursor = 0;
  for (const p of plan) {
    let output = p.output;
    if (p.operator === "replace") {
      const value = text.slice(p.start, p.end);
      if (p.type === "SECRET") {
        // Never stored: the same secret twice in one text shares a number, nothing more.
        output = secrets.get(value) ?? session.issueUnrestorable("SECRET");
        secrets.set(value, output);
      } else output = session.placeholderFor(p.type as EntityType, value);
    }
    parts.push(text.slice(cursor, p.start), output as string);
    replacements.push({ type: p.type, start: p.start, end: p.end, operator: p.operator, output: output as string });
    cursor = p.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(""), replacements };
}

function reserveTokens(literal: string, session: Session): void {
  if (literal.length === 0) return;
  for (const token of findPlaceholders(literal)) session.reserve(token.label, token.digits);
}

/** Insert amount ranges where no entity already covers the text. */
function addAmounts(text: string, plan: Planned[]): void {
  const amounts = findAmounts(text).filter((a) => !plan.some((p) => a.start < p.end && p.start < a.end));
  for (const a of amounts) {
    plan.push({ type: "AMOUNT", start: a.start, end: a.end, operator: "generalise", output: amountRange(a.value) });
  }
  plan.sort((x, y) => x.start - y.start);
}
