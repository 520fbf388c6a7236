import { bsnElevenProof, luhn, mod97, stripSeparators } from "../checksums.js";

/** Checks a custom recognizer can ask for by name; each gets the match without separators. */
export const VALIDATORS = {
  /** Payment cards and many loyalty or member numbers. */
  luhn: (value: string) => luhn(value),
  /** ISO 7064 mod 97-10 over the value as written (remainder 1), e.g. references with a check pair. */
  mod97: (value: string) => value.length >= 3 && mod97(value.toUpperCase()) === 1,
  /** An IBAN: country and check digits moved to the end, then mod 97 = 1. */
  iban: (value: string) => {
    const v = value.toUpperCase();
    return /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(v) && mod97(v.slice(4) + v.slice(0, 4)) === 1;
  },
  /** The Dutch 11-proef as used for BSN. */
  elevenProof: (value: string) => bsnElevenProof(value),
} as const satisfies Record<string, (value: string) => boolean>;

export type ValidatorName = keyof typeof VALIDATORS;

export function isValidatorName(name: string): name is ValidatorName {
  return Object.hasOwn(VALIDATORS, name);
}

/** Run a named validator on a matched value (separators removed first). */
export function validate(name: ValidatorName, matched: string): boolean {
  return VALIDATORS[name](stripSeparators(matched));
}
