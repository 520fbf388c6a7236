import { foldText } from "../../normalize.js";
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES_PACKED } from "./data/first-names.js";
import {
  FOLLOWING_VERBS,
  GEO_WORDS,
  NON_NAME_WORDS,
  PARTICLE_WORDS,
  PARTY_LABELS,
  PERSON_LABELS,
  PRECEDING_PHRASES,
  PUBLIC_BODY_WORDS,
  SALUTATIONS,
  SIGNOFFS,
  TITLES,
} from "./data/lexicon.js";
import {
  HEAD_SUFFIXES,
  KNOWN_VENDORS,
  LEADING_LEGAL_FORMS,
  NOT_HEADS,
  SECTOR_HEADS,
  TRAILING_HEADS,
} from "./data/organizations.js";
import { COMMON_WORD_SURNAMES, SURNAMES_PACKED } from "./data/surnames.js";

/** Split a packed word list into folded entries (built once per list). */
function words(packed: string): string[] {
  return foldText(packed)
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function wordSet(...packed: string[]): Set<string> {
  const set = new Set<string>();
  for (const p of packed) for (const w of words(p)) set.add(w);
  return set;
}

function phraseSet(phrases: readonly string[]): Set<string> {
  return new Set(phrases.map((p) => foldText(p).trim()));
}

/** Hyphenated first names (`Jan-Willem`) are also listed without the hyphen parts. */
export const FIRST_NAMES = wordSet(FIRST_NAMES_PACKED);
export const AMBIGUOUS_FIRST = wordSet(AMBIGUOUS_FIRST_NAMES);
export const SURNAMES = wordSet(SURNAMES_PACKED);
export const COMMON_WORD_SURNAME = wordSet(COMMON_WORD_SURNAMES);
export const PARTICLES = wordSet(PARTICLE_WORDS);
export const TITLE_WORDS = new Set(words(TITLES).map((w) => w.replace(/\.$/, "")));
export const SALUTATION_WORDS = wordSet(SALUTATIONS);
export const SIGNOFF_PHRASES = phraseSet(SIGNOFFS);
export const LABEL_WORDS = new Set(words(PERSON_LABELS).map((w) => w.replace(/\.$/, "")));
export const PRECEDING = phraseSet(PRECEDING_PHRASES);
export const VERBS_AFTER = wordSet(FOLLOWING_VERBS);
export const GEO = wordSet(GEO_WORDS);
export const NON_NAME = wordSet(NON_NAME_WORDS, PUBLIC_BODY_WORDS, GEO_WORDS);
/** Capitalised words that end an organisation name (places and directions may sit inside one). */
export const NON_ORG_BODY = new Set([...NON_NAME].filter((w) => !GEO.has(w)));
export const PARTY_LABEL_WORDS = wordSet(PARTY_LABELS);

export const SECTOR_HEAD_WORDS = wordSet(SECTOR_HEADS, LEADING_LEGAL_FORMS);
export const TRAILING_HEAD_WORDS = wordSet(TRAILING_HEADS);
export const NOT_HEAD_WORDS = wordSet(NOT_HEADS);
export const SUFFIXES: readonly string[] = HEAD_SUFFIXES;
/** Vendors and public bodies, as folded phrases of one or more words. */
export const VENDORS = phraseSet(KNOWN_VENDORS);
/** The vendors of more than one word (`abn amro`), checked as prefixes of a span. */
export const VENDOR_PHRASES: readonly string[] = [...VENDORS].filter((v) => v.includes(" "));

/** Longest tussenvoegsel we accept, in words (`van de la`, `in 't`). */
export const MAX_PARTICLES = 3;

/** True when a compound like `loodgietersbedrijf` names a kind of business. */
export function isSectorHead(folded: string): boolean {
  let known = headCache.get(folded);
  if (known === undefined) {
    known = computeSectorHead(folded);
    // Bounded: a long-running gateway sees an open-ended vocabulary.
    if (headCache.size > 20_000) headCache.clear();
    headCache.set(folded, known);
  }
  return known;
}

const headCache = new Map<string, boolean>();

function computeSectorHead(folded: string): boolean {
  if (SECTOR_HEAD_WORDS.has(folded)) return true;
  if (NOT_HEAD_WORDS.has(folded)) return false;
  // `Oosterhuis`, `Kerkhof`: a surname that happens to end like a business word.
  if (SURNAMES.has(folded)) return false;
  for (const suffix of SUFFIXES) {
    if (folded.length >= suffix.length + 3 && folded.endsWith(suffix)) return true;
  }
  return false;
}

/** Month names and abbreviations that double as first names (`Jan`, `Mei`, `April`). */
export const MONTH_WORDS = wordSet(
  "januari februari maart april mei juni juli augustus september oktober november december jan feb mrt apr jun jul aug sep sept okt oct nov dec may june july august",
);
