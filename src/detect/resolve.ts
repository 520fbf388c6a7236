import type { Candidate, EntityType } from "./types.js";

/**
 * At equal score the more specific type wins: a checksummed number says more than a pattern,
 * a pattern more than a name guess.
 */
const SPECIFICITY: Record<EntityType, number> = {
  SECRET: 16,
  IBAN: 15,
  CREDIT_CARD: 14,
  BSN: 13,
  VAT_ID: 12,
  EMAIL: 11,
  IP_ADDRESS: 10,
  ID_DOCUMENT: 9,
  LICENSE_PLATE: 8,
  DATE_OF_BIRTH: 7,
  KVK: 6,
  PHONE: 5,
  POSTCODE: 4,
  ADDRESS: 3,
  ORGANIZATION: 2,
  PERSON: 1,
};

function better(a: Candidate, b: Candidate): number {
  return (
    b.score - a.score ||
    SPECIFICITY[b.type] - SPECIFICITY[a.type] ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    (a.recognizer < b.recognizer ? -1 : a.recognizer > b.recognizer ? 1 : 0)
  );
}

/** Separators that may sit between two parts of one name on one line. */
const NAME_GAP = /^[ \t-]{0,2}$/;

/**
 * Merge PERSON candidates that overlap or touch (`Jan` + `de Vries`) into one span, so a name
 * is never half pseudonymised. The merged span keeps the highest score.
 */
export function mergeNameParts(candidates: Candidate[], text: string): Candidate[] {
  const persons = candidates.filter((c) => c.type === "PERSON").sort((a, b) => a.start - b.start || b.end - a.end);
  if (persons.length < 2) return candidates;
  const others = candidates.filter((c) => c.type !== "PERSON");
  const merged: Candidate[] = [];
  for (const p of persons) {
    const last = merged[merged.length - 1];
    if (last && (p.start <= last.end || NAME_GAP.test(text.slice(last.end, p.start)))) {
      if (p.end > last.end) last.end = p.end;
      if (p.score > last.score) {
        last.score = p.score;
        last.recognizer = p.recognizer;
      }
    } else {
      merged.push({ ...p });
    }
  }
  return others.concat(merged);
}

/**
 * Pick a set of non-overlapping entities: strongest first (score, then specificity, then
 * length), then ties broken by position and recognizer name so the output is deterministic.
 * Returns the entities in text order.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(better);
  // Accepted spans kept sorted by start; they never overlap, so a binary search finds neighbours.
  const accepted: Candidate[] = [];
  for (const c of ranked) {
    let lo = 0;
    let hi = accepted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((accepted[mid] as Candidate).start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = accepted[lo - 1];
    const next = accepted[lo];
    if (prev && prev.end > c.start) continue;
    if (next && next.start < c.end) continue;
    accepted.splice(lo, 0, c);
  }
  return accepted;
}
