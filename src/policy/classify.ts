/**
 * Classification of a request: what kind of data is in it, from the detector's entities and the
 * words around them, mapped onto the Layer-2 rows (public, customer, sensitive, special).
 * Reasons name entity types, counts and keyword categories, never the detected values.
 */
import type { Entity, EntityType } from "../detect/index.js";
import { foldText } from "../detect/normalize.js";
import { findKeywords, type KeywordCategory, type KeywordHit } from "./keywords.js";
import { type DataClass, maxClass, type SpecialKeywordMode } from "./types.js";

/** The class each entity type raises a request to on its own. */
export const ENTITY_CLASS: Readonly<Record<EntityType, DataClass>> = {
  PERSON: "customer",
  ORGANIZATION: "customer",
  EMAIL: "customer",
  PHONE: "customer",
  ADDRESS: "customer",
  POSTCODE: "customer",
  LICENSE_PLATE: "customer",
  IP_ADDRESS: "customer",
  KVK: "customer",
  VAT_ID: "customer",
  IBAN: "sensitive",
  CREDIT_CARD: "sensitive",
  DATE_OF_BIRTH: "sensitive",
  ID_DOCUMENT: "sensitive",
  SECRET: "sensitive",
  // The BSN may only be processed where a law allows it (UAVG art. 46): the highest class.
  BSN: "special",
};

export type ClassificationReason =
  | { source: "entity"; entityType: EntityType; count: number; dataClass: DataClass }
  | { source: "keyword"; category: KeywordCategory; term: string; count: number; dataClass: DataClass }
  | { source: "team"; dataClass: DataClass };

export interface Classification {
  dataClass: DataClass;
  reasons: ClassificationReason[];
  /** Distinct entity types found, sorted. */
  entityTypes: EntityType[];
  /** Distinct keyword categories that counted, sorted. */
  categories: KeywordCategory[];
}

export interface ClassifyInput {
  entities: readonly Pick<Entity, "type">[];
  /** The text the entities were found in; keywords are looked up here. */
  text: string;
  specialKeywords?: SpecialKeywordMode;
  /**
   * `findKeywords(foldText(text))` when it was already run (the gateway's detection worker does it
   * next to detection); looked up here otherwise.
   */
  keywordHits?: readonly KeywordHit[] | undefined;
  /** A team's floor: the request counts as at least this class. */
  minimumClass?: DataClass;
}

function countTypes(entities: readonly Pick<Entity, "type">[]): Map<EntityType, number> {
  const counts = new Map<EntityType, number>();
  for (const entity of entities) counts.set(entity.type, (counts.get(entity.type) ?? 0) + 1);
  return counts;
}

// Entities that make the text about an identifiable person or firm (secrets do not).
function identifies(types: Iterable<EntityType>): boolean {
  for (const type of types) if (type !== "SECRET") return true;
  return false;
}

export function classify(input: ClassifyInput): Classification {
  const counts = countTypes(input.entities);
  const reasons: ClassificationReason[] = [];
  let dataClass: DataClass = "public";

  const entityTypes = [...counts.keys()].sort();
  for (const type of entityTypes) {
    const cls = ENTITY_CLASS[type];
    reasons.push({ source: "entity", entityType: type, count: counts.get(type) ?? 0, dataClass: cls });
    dataClass = maxClass(dataClass, cls);
  }

  // Financial and HR words only matter next to data about someone; special-category words count
  // on their own by default, because a missed name must not let a diagnosis through.
  const anchored = identifies(entityTypes);
  const specialAlone = (input.specialKeywords ?? "always") === "always";
  const byCategory = new Map<KeywordCategory, { term: string; count: number; dataClass: DataClass }>();
  for (const hit of input.keywordHits ?? findKeywords(foldText(input.text))) {
    const counts = hit.dataClass === "special" ? anchored || specialAlone : anchored;
    if (!counts) continue;
    const seen = byCategory.get(hit.category);
    if (seen) seen.count++;
    else byCategory.set(hit.category, { term: hit.term, count: 1, dataClass: hit.dataClass });
  }
  const categories = [...byCategory.keys()].sort();
  for (const category of categories) {
    const hit = byCategory.get(category) as { term: string; count: number; dataClass: DataClass };
    reasons.push({ source: "keyword", category, ...hit });
    dataClass = maxClass(dataClass, hit.dataClass);
  }

  if (input.minimumClass && maxClass(dataClass, input.minimumClass) !== dataClass) {
    dataClass = input.minimumClass;
    reasons.push({ source: "team", dataClass });
  }
  return { dataClass, reasons, entityTypes, categories };
}
