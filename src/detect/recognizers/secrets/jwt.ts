/**
 * JSON Web Tokens: three base64url segments, the header starting `eyJ` (base64 of `{"`). A JWT is
 * a bearer credential and its payload often carries personal data, so the whole token is the
 * secret. When the header decodes to JSON naming an algorithm or type, it is certain; otherwise
 * it is still very likely a token.
 */

import type { PrefixRule } from "./prefix-rules.js";

/** Header and payload, then an optional signature (unsigned tokens end in a bare dot). */
export const JWT_PATTERN =
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{4,16384}\.(?:[A-Za-z0-9_-]{8,4096})?/y;

/** Decode one base64url segment; `null` when it is not valid base64url. */
export function decodeBase64Url(segment: string): string | null {
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  try {
    return atob(padded);
  } catch {
    return null;
  }
}

/** True when the first segment decodes to a JSON object with `alg` or `typ`, as a JWT header does. */
export function hasJwtHeader(token: string): boolean {
  const header = decodeBase64Url(token.slice(0, token.indexOf(".")));
  if (header === null) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    return typeof parsed === "object" && parsed !== null && ("alg" in parsed || "typ" in parsed);
  } catch {
    return false;
  }
}

export const jwtRule: PrefixRule = {
  id: "jwt",
  prefixes: ["eyJ"],
  pattern: JWT_PATTERN,
  score: 0.97,
  validate: hasJwtHeader,
  scoreIfInvalid: 0.85,
};
