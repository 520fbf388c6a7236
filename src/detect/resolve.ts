import type { Candidate, EntityType } from "./types.js";

/**
 * At equal score the more specific type wins: a checksummed number says more than a pattern,
 * a pattern more than a name guess.
 */
export const SPECIFICITY: Readonly<Record<EntityType, number>> = {
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

/**
 * Sort order for resolution. Returns -1, 0 or 1 rather than a difference of scores: a fractional
 * result handed back to the engine's sort is a heap number, allocated on every comparison.
 */
function better(a: Candidate, b: Candidate): number {
  return (
    (a.score > b.score ? -1 : a.score < b.score ? 1 : 0) ||
    SPECIFICITY[b.type] - SPECIFICITY[a.type] ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    (a.recognizer < b.recognizer ? -1 : a.recognizer > b.recognizer ? 1 : 0)
  );
}

/** True when `text[from, to)` is what may sit between two parts of one name on one line: at most two spaces, tabs or hyphens. */
function isNameGap(text: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 45) return false;
  }
  return true;
}

function byStartThenLongest(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Merge PERSON candidates that overlap or touch (`Jan` + `de Vries`) into one span, so a name
 * is never half pseudonymised. The merged span keeps the highest score.
 */
export function mergeNameParts(candidates: Candidate[], text: string): Candidate[] {
  const persons: Candidate[] = [];
  const others: Candidate[] = [];
  for (const c of candidates) (c.type === "PERSON" ? persons : others).push(c);
  if (persons.length < 2) return candidates;
  persons.sort(byStartThenLongest);
  const merged: Candidate[] = [];
  for (const p of persons) {
    const last = merged[merged.length - 1];
    if (last && (p.start <= last.end || isNameGap(text, last.end, p.start))) {
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
 *
 * Most candidates overlap nothing, and a sort with a comparator costs a call per comparison. So
 * the candidates are first put in text order with a plain numeric sort and cut into clusters that
 * overlap nothing outside them; the ranking runs within each cluster of two or more. Candidates of
 * different clusters never compete, so the result is the same as ranking them all at once.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const n = candidates.length;
  if (n < 2 || n >= KEY_SHIFT) return resolveRanked(candidates);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i] as Candidate;
    // Empty or odd spans: the plain path keeps its exact behaviour for them.
    if (!(c.start >= 0 && c.end > c.start && c.start < MAX_KEYED_START && Number.isInteger(c.start))) {
      return resolveRanked(candidates);
    }
    keys[i] = c.start * KEY_SHIFT + i;
  }
  keys.sort();
  const accepted: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = 0;
  for (let k = 0; k < n; k++) {
    const c = candidates[(keys[k] as number) % KEY_SHIFT] as Candidate;
    if (cluster.length > 0 && c.start >= clusterEnd) {
      addCluster(cluster, accepted);
      cluster = [];
    }
    if (cluster.length === 0 || c.end > clusterEnd) clusterEnd = c.end;
    cluster.push(c);
  }
  addCluster(cluster, accepted);
  return accepted;
}

/** Candidate index and start packed in one double: starts below 2^31, indices below 2^21. */
const KEY_SHIFT = 2 ** 21;
const MAX_KEYED_START = 2 ** 31;

function addCluster(cluster: Candidate[], accepted: Candidate[]): void {
  if (cluster.length === 1) accepted.push(cluster[0] as Candidate);
  else for (const c of resolveRanked(cluster)) accepted.push(c);
}

/** The ranking itself: every candidate, strongest first, kept when it overlaps none kept before. */
function resolveRanked(candidates: Candidate[]): Candidate[] {
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
    insertAt(accepted, lo, c);
  }
  return accepted;
}

/** `list.splice(at, 0, item)` without the array of removed elements splice allocates. */
function insertAt(list: Candidate[], at: number, item: Candidate): void {
  let i = list.length;
  list.push(item);
  for (; i > at; i--) list[i] = list[i - 1] as Candidate;
  list[at] = item;
}
