import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Personal API keys: `pw-<id>-<secret>`. The id (10 base62 characters) is public: it is shown in
 * listings and audit records and finds the row; the secret is 32 random bytes (base64url). Only
 * the sha-256 of the whole key is stored: with 256 random bits a slow password hash adds nothing.
 */

const ID_LENGTH = 10;
const SECRET_BYTES = 32;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_SHAPE = /^pw-([0-9A-Za-z]{10})-([A-Za-z0-9_-]{43})$/;

export interface GeneratedKey {
  id: string;
  /** The whole key, shown to the user once. */
  key: string;
  hash: string;
}

function base62(length: number): string {
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps the digits uniform.
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function generateApiKey(): GeneratedKey {
  const id = base62(ID_LENGTH);
  const key = `pw-${id}-${randomBytes(SECRET_BYTES).toString("base64url")}`;
  return { id, key, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The key's id, or undefined when the text does not have the shape of a Poortwachter key. */
export function apiKeyId(key: string): string | undefined {
  return KEY_SHAPE.exec(key)?.[1];
}

/** Constant-time comparison of a presented key with a stored hash. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** How a key is shown after creation: enough to recognise it, never enough to use it. */
export function displayKeyId(id: string): string {
  return `pw-${id}-…`;
}

/**
 * The key a client presented: `Authorization: Bearer KEY` (OpenAI clients) or `x-api-key: KEY`
 * (Anthropic clients). Undefined when neither header carries one.
 */
export function presentedApiKey(headers: {
  authorization?: string | null;
  "x-api-key"?: string | null;
}): string | undefined {
  const auth = headers.authorization?.trim();
  if (auth) {
    const match = /^bearer\s+(\S+)$/i.exec(auth);
    return match?.[1] ?? auth;
  }
  const apiKey = headers["x-api-key"]?.trim();
  return apiKey || undefined;
}

const DURATION = /^(\d{1,5})\s*(m|h|d|w|y)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 } as const;

/** `90d`, `12h`, `4w`, `1y` -> milliseconds; throws with a clear message otherwise. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match || Number(match[1]) === 0) {
    throw new Error(`ongeldige duur "${text}": gebruik bv. 90d, 12h, 4w of 1y (invalid duration)`);
  }
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * User and team names are identifiers that end up in audit records, so they may not be free text:
 * letters, digits, dot, dash and underscore (no spaces, no e-mail addresses).
 */
export function assertAccountName(kind: "user" | "team", name: string): string {
  if (!NAME.test(name)) {
    const nl = kind === "user" ? "gebruikersnaam" : "teamnaam";
    throw new Error(
      `ongeldige ${nl} "${name}": gebruik letters, cijfers, punt, streepje of underscore, max. 64 tekens, geen spaties of e-mailadres (invalid ${kind} name)`,
    );
  }
  return name;
}
