import type { Entity, EntityType } from "../../../../src/detect/index.js";
import { PLACEHOLDER_LABELS } from "../../../../src/pseudonymize/index.js";

export type { Entity, EntityType };

/** What a highlight needs of a finding. */
export type Span = Pick<Entity, "type" | "start" | "end">;

/** Types the policy never forwards: a user cannot mark them "not personal". */
export const LOCKED_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(["SECRET", "BSN"]);

/** The placeholder word the AI service will see, e.g. `PERSOON`. */
export function placeholderLabel(type: EntityType, language: string): string {
  return PLACEHOLDER_LABELS[language === "en" ? "en" : "nl"][type];
}

/**
 * Highlight colours per kind, light enough that black text on them passes WCAG AA; the type is
 * also in the text (title and list), never only in the colour.
 */
export function typeColor(type: EntityType): string {
  switch (type) {
    case "SECRET":
    case "BSN":
      return "#ffc9c9";
    case "PERSON":
      return "#ffec99";
    case "ORGANIZATION":
      return "#d0ebff";
    case "EMAIL":
    case "PHONE":
    case "ADDRESS":
    case "POSTCODE":
      return "#d3f9d8";
    default:
      return "#e5dbff";
  }
}

/** The text cut into plain and marked pieces, in order (entities are non-overlapping, sorted). */
export function segments(text: string, entities: readonly Span[]): Array<{ text: string; entity?: Span }> {
  const out: Array<{ text: string; entity?: Span }> = [];
  let cursor = 0;
  for (const entity of [...entities].sort((a, b) => a.start - b.start)) {
    if (entity.start < cursor) continue;
    if (entity.start > cursor) out.push({ text: text.slice(cursor, entity.start) });
    out.push({ text: text.slice(entity.start, entity.end), entity });
    cursor = entity.end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}
