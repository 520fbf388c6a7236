/**
 * Passwords as NIST SP 800-63B asks: long enough, not the account name, not a well-known one, and
 * no composition rules. Hashed with argon2id (OWASP's parameters: 19 MiB, 2 passes).
 */
import { type Algorithm, hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;
/** Beyond this a password is an attempt to make hashing expensive, not a password. */
export const MAX_PASSWORD_LENGTH = 256;

// Algorithm is a const enum; 2 is Argon2id (the library's default, stated so it never drifts).
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Passwords people reach for first; a real deployment sees these tried before any other. */
const COMMON = new Set([
  "wachtwoord123",
  "wachtwoord1234",
  "welkom123456",
  "password1234",
  "password12345",
  "123456789012",
  "qwertyuiop12",
  "qwertyuiopas",
  "poortwachter1",
  "poortwachter123",
  "aaaaaaaaaaaa",
  "abcdefghijkl",
  "abc123abc123",
  "iloveyou1234",
  "welkomwelkom",
]);

export type PasswordProblem = "too_short" | "too_long" | "contains_name" | "too_common";

/** Why a new password is refused, or null when it is fine. */
export function passwordProblem(password: string, accountName: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "too_short";
  if (length > MAX_PASSWORD_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  if (accountName.length >= 3 && lower.includes(accountName.toLowerCase())) return "contains_name";
  if (COMMON.has(lower) || new Set(lower).size <= 2) return "too_common";
  return null;
}

export function passwordProblemMessage(problem: PasswordProblem): { nl: string; en: string } {
  switch (problem) {
    case "too_short":
      return {
        nl: `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn. Een zin van een paar woorden werkt goed.`,
        en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long. A sentence of a few words works well.`,
      };
    case "too_long":
      return {
        nl: `Het wachtwoord mag hoogstens ${MAX_PASSWORD_LENGTH} tekens lang zijn.`,
        en: `The password may be at most ${MAX_PASSWORD_LENGTH} characters long.`,
      };
    case "contains_name":
      return {
        nl: "Het wachtwoord mag de accountnaam niet bevatten.",
        en: "The password must not contain the account name.",
      };
    case "too_common":
      return {
        nl: "Dit wachtwoord is te voor de hand liggend. Kies iets dat niet te raden is.",
        en: "This password is too easy to guess. Choose something less obvious.",
      };
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a hash that is not ours (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH * 4) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
