import { NAME_PARTICLES as PARTICLES } from "../name-particles.js";
import { foldText } from "../normalize.js";
import type { EntityType } from "../types.js";

/** One value from the customer list. Without a type, the type is inferred from the value. */
export interface DictionaryEntry {
  value: string;
  type?: EntityType;
}

/** A string the automaton looks for, with what a match means. */
export interface DictionaryPattern {
  /** Folded (lower-case, accent-free), single-spaced. */
  key: string;
  type: EntityType;
  score: number;
  /**
   * Offset inside `key` of a letter that must be a capital in the text, or -1. Used for the
   * short variants (`De Vries`, `Bakkerij Jansen`) that could otherwise be ordinary words.
   */
  capitalAt: number;
}

/** The business listed it, so an exact match is near certain. */
export const EXACT_SCORE = 0.95;
/** `J. de Vries` for `Jan de Vries`: the same person written shorter. */
const INITIALS_SCORE = 0.9;
/** `De Vries` alone, or a company without its legal form: likely, but a bare word could be meant. */
const PART_SCORE = 0.85;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LEGAL_FORMS: readonly (readonly string[])[] = [
  ["b.v.", "bv", "b.v"],
  ["n.v.", "nv", "n.v"],
  ["v.o.f.", "vof", "v.o.f"],
  ["c.v.", "cv"],
  ["u.a.", "ua"],
  ["gmbh"],
  ["ltd", "ltd."],
  ["inc", "inc."],
];
const ORGANIZATION_WORDS =
  /(?:^|\s)(?:b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|stichting|vereniging|cooperatie|holding|groep|gmbh|ltd\.?|inc\.?|bureau|bakkerij|kantoor|advocaten|notariaat|accountants|installatie|bouw|transport|administratie|praktijk|kliniek|school|gemeente)(?:\s|$)/;

/** Fold for matching and collapse whitespace, exactly as the scanner reads the text. */
export function dictionaryKey(value: string): string {
  return foldText(value.normalize("NFC")).replace(/\s+/g, " ").trim();
}

/** The type of an entry without one: an address is EMAIL, a legal form makes it ORGANIZATION, else PERSON. */
export function inferType(value: string): EntityType {
  const key = dictionaryKey(value);
  if (EMAIL_SHAPE.test(key)) return "EMAIL";
  if (ORGANIZATION_WORDS.test(key)) return "ORGANIZATION";
  return "PERSON";
}

/** The patterns for one entry: the entry itself plus the usual ways it is written shorter. */
export function patternsFor(entry: DictionaryEntry): DictionaryPattern[] {
  const value = entry.value.normalize("NFC").replace(/\s+/g, " ").trim();
  const key = foldText(value);
  if (key.length < 2) return [];
  const type = entry.type ?? inferType(key);
  const patterns: DictionaryPattern[] = [{ key, type, score: EXACT_SCORE, capitalAt: -1 }];
  if (type === "PERSON") patterns.push(...personVariants(value, key));
  if (type === "ORGANIZATION") patterns.push(...organizationVariants(value));
  return patterns;
}

function isInitial(token: string): boolean {
  return /^(?:\p{Lu}\.?-?)+$/u.test(token) && token.length <= 6;
}

/**
 * `Jan Pieter de Vries` is also written `J.P. de Vries`, `J. de Vries`, `Jan de Vries` and, once
 * introduced, `De Vries` or `meneer De Vries`. The surname alone must start with a capital in the
 * text, which keeps `de bakker op de hoek` out for a customer called `Piet Bakker`.
 */
function personVariants(value: string, key: string): DictionaryPattern[] {
  // `key` is `value` folded character for character, so their tokens line up.
  const tokens = value.split(" ");
  const folded = key.split(" ");
  if (tokens.length < 2 || folded.length !== tokens.length) return [];
  let surnameFrom = folded.findIndex((t, i) => i > 0 && PARTICLES.has(t));
  if (surnameFrom < 0) surnameFrom = folded.length - 1;
  const given = folded.slice(0, surnameFrom);
  const surname = folded.slice(surnameFrom).join(" ");
  const core = folded[folded.length - 1] as string;
  const variants: DictionaryPattern[] = [];
  const add = (variant: string, score: number, capitalAt = -1) => {
    variants.push({ key: variant, type: "PERSON", score, capitalAt });
  };

  if (tokens.slice(0, surnameFrom).some((g) => !isInitial(g))) {
    const letters = given.map((g) => g.charAt(0));
    add(`${letters.join(".")}. ${surname}`, INITIALS_SCORE);
    if (letters.length > 1) {
      add(`${letters.join(". ")}. ${surname}`, INITIALS_SCORE);
      add(`${letters[0]}. ${surname}`, INITIALS_SCORE);
      add(`${given[0]} ${surname}`, INITIALS_SCORE);
    }
    add(`${letters.join("")} ${surname}`, INITIALS_SCORE);
  }
  // A surname of one or two letters, or a bare particle, says too little on its own.
  if (core.length >= 3) add(surname, PART_SCORE, surname.length - core.length);
  return variants;
}

/** `Bakkerij Jansen B.V.` is also written `Bakkerij Jansen BV` and `Bakkerij Jansen`. */
function organizationVariants(value: string): DictionaryPattern[] {
  const key = dictionaryKey(value);
  const variants: DictionaryPattern[] = [];
  for (const family of LEGAL_FORMS) {
    for (const form of family) {
      if (!key.endsWith(` ${form}`)) continue;
      const stem = key.slice(0, key.length - form.length - 1).replace(/[\s,]+$/, "");
      if (stem.length < 3) return variants;
      for (const other of family) if (other !== form) variants.push(patternOf(`${stem} ${other}`, EXACT_SCORE));
      variants.push({ key: stem, type: "ORGANIZATION", score: PART_SCORE, capitalAt: 0 });
      return variants;
    }
  }
  return variants;
}

function patternOf(key: string, score: number): DictionaryPattern {
  return { key, type: "ORGANIZATION", score, capitalAt: -1 };
}
