/**
 * How Dutch business writing refers to one person: `Jan de Vries`, `De Vries`, `J. de Vries`,
 * `J.de Vries`, `dhr. De Vries` (the title is not part of the entity) and, among colleagues, `Jan`.
 * The parts are compared folded (lower case, no accents, single spaces) so `DE VRIES` is `de Vries`.
 */

import { NAME_PARTICLES as PARTICLES } from "../detect/name-particles.js";

export interface PersonName {
  /** Full given names, folded, e.g. `["jan", "peter"]`; empty when only initials or a surname. */
  given: string[];
  /** First letters of the given names or the written initials, e.g. `jp`. */
  initials: string;
  /** Surname with its particles, folded, e.g. `de vries`; null when only one bare word is known. */
  surname: string | null;
  /** A single word that may be a first name or a surname (`Jan`, `Jansen`). */
  single: string | null;
}

/** Fold for comparison: lower case, no diacritics, single spaces. */
export function foldKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const INITIALS = /^(?:[a-z]\.)+[a-z]?$|^[a-z]$/;

export function parsePersonName(value: string): PersonName {
  // `J.de Vries` and `J.P.de Vries`: a dot glued to the next word still separates.
  const tokens = foldKey(value.replace(/\.(?=[^\s.])(?![a-z]\.)/gi, ". "))
    .split(" ")
    .filter((t) => t.length > 0);
  const name: PersonName = { given: [], initials: "", surname: null, single: null };
  if (tokens.length === 0) return name;
  if (tokens.length === 1) {
    const only = tokens[0] as string;
    if (INITIALS.test(only)) name.initials = only.replace(/\./g, "");
    else name.single = only;
    return name;
  }
  let surnameStart = tokens.findIndex((t) => PARTICLES.has(t));
  // A particle as the very last word (`Jan van`) is a fragment; treat the last word as the surname.
  if (surnameStart < 0 || surnameStart === tokens.length - 1) surnameStart = tokens.length - 1;
  name.surname = tokens.slice(surnameStart).join(" ");
  for (const token of tokens.slice(0, surnameStart)) {
    if (INITIALS.test(token)) name.initials += token.replace(/\./g, "");
    else {
      name.given.push(token);
      name.initials += token[0];
    }
  }
  return name;
}

/** How much a written form says about the person: used to pick the form restore puts back. */
export function nameCompleteness(name: PersonName): number {
  if (name.surname && name.given.length > 0) return 3;
  if (name.surname && name.initials) return 2;
  if (name.surname) return 1;
  return 0;
}
