/**
 * The key that encrypts the pseudonymisation vault. Given in the config (or POORTWACHTER_VAULT_KEY)
 * as 32 bytes in hex or base64; when absent, generated once into `<dataDir>/vault.key` (mode 0600)
 * at first start, so a single machine works without setup. Instances that share a vault through
 * Redis must share the key: set it explicitly there.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const VAULT_KEY_FILE = "vault.key";

/** 32 bytes from 64 hex digits or base64 / base64url; null when the text is neither. */
export function parseVaultKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}

export interface VaultKeyResult {
  key: Buffer;
  /** Where it came from: "config" or the path of the key file. */
  source: string;
  /** True when this call created the key file. */
  created: boolean;
}

/** The configured key, or the one in the data directory, created there when missing. */
export function resolveVaultKey(configured: string | undefined, dataDir: string): VaultKeyResult {
  if (configured !== undefined) {
    const key = parseVaultKey(configured);
    if (!key) throw new Error("security.vaultKey: must be 32 bytes as 64 hex digits or base64");
    return { key, source: "config", created: false };
  }
  const path = join(dataDir, VAULT_KEY_FILE);
  try {
    const key = parseVaultKey(readFileSync(path, "utf8"));
    if (!key) throw new Error(`${path}: not a 32-byte key (64 hex digits or base64); restore it from a backup`);
    return { key, source: path, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // "wx": if another instance created it a moment ago, use theirs rather than overwrite it.
    writeFileSync(path, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return resolveVaultKey(undefined, dataDir);
    throw err;
  }
  return { key, source: path, created: true };
}
