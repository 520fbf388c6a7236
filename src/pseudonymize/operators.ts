/**
 * The irreversible operators: mask (hide most characters, keep enough to recognise the item) and
 * generalise (keep the coarse fact: a birth year, an age band, the digits of a postcode).
 */
import type { EntityType } from "../detect/index.js";
import type { LabelLanguage } from "./labels.js";

function maskKeeping(value: string, keepFirst: number, keepLast: number): string {
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) if (/[0-9a-z]/i.test(value[i] as string)) positions.push(i);
  if (positions.length <= keepFirst + keepLast) return value.replace(/[0-9a-z]/gi, "*");
  const hidden = new Set(positions.slice(keepFirst, positions.length - keepLast));
  let out = "";
  for (let i = 0; i < value.length; i++) out += hidden.has(i) ? "*" : value[i];
  return out;
}

// Vendor prefixes that say what kind of key it was without revealing any of it.
const SECRET_PREFIX =
  /^(?:sk-(?:proj-|ant-)?|pk_(?:live|test)_|sk_(?:live|test)_|ghp_|gho_|github_pat_|glpat-|xox[abp]-|AKIA|AIza|hf_)/;

/** Mask a value, e.g. `NL** **** **** **43 00`, `06-****5678`, `j***@v*****.nl`, `sk-****`. */
export function maskValue(type: EntityType, value: string): string {
  switch (type) {
    case "IBAN":
      return maskKeeping(value, 2, 4);
    case "PHONE":
      return maskKeeping(value, 2, 4);
    case "CREDIT_CARD":
    case "BSN":
    case "ID_DOCUMENT":
      return maskKeeping(value, 0, 3);
    case "EMAIL": {
      const at = value.lastIndexOf("@");
      if (at < 1) return "***";
      const domain = value.slice(at + 1);
      const dot = domain.lastIndexOf(".");
      const tld = dot >= 0 ? domain.slice(dot) : "";
      return `${value[0]}***@${domain[0] ?? ""}***${tld}`;
    }
    case "PERSON":
    case "ORGANIZATION":
      return value.replace(/(\p{L})[\p{L}'-]*/gu, (_, first: string) => `${first}.`);
    case "SECRET": {
      const prefix = SECRET_PREFIX.exec(value)?.[0] ?? "";
      return `${prefix}****`;
    }
    default:
      return maskKeeping(value, 0, 0);
  }
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  maa: 3,
  mrt: 3,
  mar: 3,
  apr: 4,
  mei: 5,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Parse the usual Dutch ways of writing a date; null when it is not a full date. */
export function parseDate(value: string): { year: number; month: number; day: number } | null {
  const s = value.trim().toLowerCase();
  let m = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$/.exec(s);
  if (m) return check(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(s);
  if (m) return check(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[2] as string];
    if (month) return check(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

function check(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1850 || year > 2200) return null;
  return { year, month, day };
}

export type BirthDateGeneralisation = "year" | "ageBand";

/** A date of birth as a year (`1985`) or a ten-year age band (`40-49 jaar`); null when unreadable. */
export function generaliseBirthDate(
  value: string,
  mode: BirthDateGeneralisation,
  today: Date,
  language: LabelLanguage,
): string | null {
  const date = parseDate(value);
  const year = date?.year ?? Number(/\b(1[89]\d{2}|2[01]\d{2})\b/.exec(value)?.[1] ?? Number.NaN);
  if (!Number.isFinite(year)) return null;
  if (mode === "year") return String(year);
  if (!date) return null;
  let age = today.getFullYear() - date.year;
  const beforeBirthday =
    today.getMonth() + 1 < date.month || (today.getMonth() + 1 === date.month && today.getDate() < date.day);
  if (beforeBirthday) age--;
  if (age < 0) return null;
  const low = Math.floor(age / 10) * 10;
  return language === "nl" ? `${low}-${low + 9} jaar` : `aged ${low}-${low + 9}`;
}

/** `1234 AB` -> `1234` (the area, not the street). */
export function generalisePostcode(value: string): string | null {
  return /^\s*(\d{4})/.exec(value)?.[1] ?? null;
}

/** `Kerkstraat 12a` -> `Kerkstraat` (the street, not the house). */
export function generaliseAddress(value: string): string | null {
  const street = value.replace(/\s*\d.*$/s, "").trim();
  return street.length > 0 && street.length < value.trim().length ? street : null;
}
