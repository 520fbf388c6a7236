import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Store } from "../store/index.js";

/**
 * The admin bearer token of the API. Only its SHA-256 is stored: a random 32-byte token has no
 * dictionary to guess from, so a slow password hash would add nothing.
 */
const KEY = "admin-token-sha256";
const TOKEN_PREFIX = "pwa_";

const hashOf = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export interface AdminTokenSetup {
  /** The new token, present only on the call that created it: show it once. */
  created?: string;
}

/** Creates the admin token on first start; later starts keep the stored one. */
export async function ensureAdminToken(store: Store): Promise<AdminTokenSetup> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const written = await store.settings.setIfAbsent(KEY, hashOf(token));
  return written ? { created: token } : {};
}

/** Replaces the admin token (e.g. when it leaked or was lost); returns the new one. */
export async function rotateAdminToken(store: Store): Promise<string> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  await store.settings.set(KEY, hashOf(token));
  return token;
}

export async function verifyAdminToken(store: Store, token: string): Promise<boolean> {
  const stored = await store.settings.get(KEY, z.string());
  if (!stored) return false;
  const given = Buffer.from(hashOf(token), "hex");
  const expected = Buffer.from(stored, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
