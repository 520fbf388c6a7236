/**
 * The user's corrections to detection, as the team chat's review step sends them: values marked
 * "not personal" stay as written, values the user adds are treated as found. Corrections only ever
 * narrow what leaves the building in one direction: secrets and BSNs can never be un-marked,
 * because the policy never forwards them at all.
 */
import { type Entity, type EntityType, isEntityType } from "../../detect/index.js";

/** Types the user cannot mark as "not personal": the policy blocks them outright. */
export const LOCKED_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(["SECRET", "BSN"]);

export interface DetectionHints {
  /** Exact values (as they appear in the text) the user says are not personal data. */
  notPersonal?: readonly string[] | undefined;
  /** Values the detector missed, with the type the user chose. */
  add?: ReadonlyArray<{ value: string; type: EntityType }> | undefined;
}

export interface HintOutcome {
  entities: Entity[];
  /** Detected values left as they are because the user un-marked them. */
  unmarked: number;
  /** Spans added because the user marked them. */
  added: number;
}

/** Longest first, so "Jan de Vries" is claimed before "Jan". */
function addedValues(hints: DetectionHints): Array<{ value: string; type: EntityType }> {
  return (hints.add ?? [])
    .filter((a) => a.value.trim() !== "" && isEntityType(a.type))
    .map((a) => ({ value: a.value.trim(), type: a.type }))
    .sort((a, b) => b.value.length - a.value.length);
}

/** Applies the corrections to the entities found in one text. */
export function applyHints(text: string, found: readonly Entity[], hints: DetectionHints): HintOutcome {
  const notPersonal = new Set((hints.notPersonal ?? []).map((v) => v.trim()).filter((v) => v !== ""));
  let unmarked = 0;
  let entities = found.filter((e) => {
    if (LOCKED_TYPES.has(e.type) || !notPersonal.has(text.slice(e.start, e.end).trim())) return true;
    unmarked++;
    return false;
  });
  let added = 0;
  for (const { value, type } of addedValues(hints)) {
    let from = 0;
    for (let at = text.indexOf(value, from); at !== -1; at = text.indexOf(value, from)) {
      from = at + value.length;
      const span = { start: at, end: at + value.length };
      const overlapping = entities.filter((e) => e.start < span.end && span.start < e.end);
      // A locked finding wins over the user's label; anything else the user's span replaces.
      if (overlapping.some((e) => LOCKED_TYPES.has(e.type))) continue;
      // An added span inside a larger finding is already covered.
      if (overlapping.some((e) => e.start <= span.start && e.end >= span.end)) continue;
      entities = entities.filter((e) => !overlapping.includes(e));
      entities.push({ type, ...span, score: 1, recognizer: "user" });
      added++;
    }
  }
  entities.sort((a, b) => a.start - b.start);
  return { entities, unmarked, added };
}
