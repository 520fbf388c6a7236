/** The kinds of personal data and secrets the detector recognises (DESIGN.md). */
export const ENTITY_TYPES = [
  "PERSON",
  "ORGANIZATION",
  "EMAIL",
  "PHONE",
  "ADDRESS",
  "POSTCODE",
  "BSN",
  "IBAN",
  "CREDIT_CARD",
  "DATE_OF_BIRTH",
  "KVK",
  "VAT_ID",
  "LICENSE_PLATE",
  "ID_DOCUMENT",
  "IP_ADDRESS",
  "SECRET",
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** One finding. Offsets are JavaScript string indices into the caller's original text, end exclusive. */
export interface Entity {
  type: EntityType;
  start: number;
  end: number;
  /** Confidence in [0, 1]. */
  score: number;
  /** Name of the recognizer that produced it (after merging: the strongest one). */
  recognizer: string;
}

/**
 * What a recognizer sees. `text` is the normalised text (unusual spaces, full-width digits and
 * dashes made plain, zero-width characters removed); `folded` is the same text lower-cased and
 * stripped of accents, character for character, so offsets into both are interchangeable.
 * Recognizers report offsets into `text`; the analyzer maps them back to the original.
 */
export interface ScanInput {
  readonly text: string;
  readonly folded: string;
}

/** A candidate span in normalised offsets, before resolution. */
export type Candidate = Entity;

export interface Recognizer {
  readonly name: string;
  /** The types this recognizer can emit; the analyzer skips it when none is requested. */
  readonly types: readonly EntityType[];
  scan(input: ScanInput): Candidate[];
}
