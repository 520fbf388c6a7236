/**
 * AES-256-GCM through WebCrypto (globalThis.crypto.subtle), so the vault and the map files work
 * the same in Node and in the browser. Every ciphertext is bound to a context string (a session
 * id, a file purpose) as additional authenticated data: moving it elsewhere makes it undecryptable.
 */

const IV_BYTES = 12;
/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

export class DecryptionError extends Error {
  override name = "DecryptionError";
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error("WebCrypto (crypto.subtle) is not available in this environment");
  return s;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A 32-byte key written as 64 hex characters or as base64 (standard or URL-safe). */
export function parseKeyMaterial(text: string): Uint8Array {
  const s = text.trim();
  if (/^[0-9a-f]{64}$/i.test(s)) {
    const bytes = new Uint8Array(32);
    for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(s.slice(i * 2, i * 2 + 2), 16);
    return bytes;
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) {
    const bytes = fromBase64(s.replace(/-/g, "+").replace(/_/g, "/"));
    if (bytes.length === 32) return bytes;
  }
  throw new Error("the key must be 32 bytes, written as 64 hex characters or in base64");
}

export async function importAesKey(raw: Uint8Array): Promise<CryptoKey> {
  if (raw.length !== 32) throw new Error("an AES-256 key is 32 bytes");
  return subtle().importKey("raw", raw as BufferSource, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
}

export async function deriveKeyFromPassphrase(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  if (passphrase.length === 0) throw new Error("the passphrase is empty");
  const base = await subtle().importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return subtle().deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

export function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** Encrypt to `iv || ciphertext+tag`. */
export async function seal(key: CryptoKey, plaintext: string, context: string): Promise<Uint8Array> {
  const iv = randomBytes(IV_BYTES);
  const data = new TextEncoder().encode(plaintext);
  const sealed = new Uint8Array(
    await subtle().encrypt(
      { name: "AES-GCM", iv: iv as BufferSource, additionalData: new TextEncoder().encode(context) },
      key,
      data,
    ),
  );
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return out;
}

export async function open(key: CryptoKey, sealed: Uint8Array, context: string): Promise<string> {
  if (sealed.length < IV_BYTES + 16) throw new DecryptionError("ciphertext is too short");
  try {
    const plain = await subtle().decrypt(
      {
        name: "AES-GCM",
        iv: sealed.subarray(0, IV_BYTES) as BufferSource,
        additionalData: new TextEncoder().encode(context),
      },
      key,
      sealed.subarray(IV_BYTES) as BufferSource,
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new DecryptionError("decryption failed: wrong key, or the data was changed");
  }
}
