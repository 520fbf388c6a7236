import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { type AeadCipher, DecryptionError } from "../../pseudonymize/index.js";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The vault's AES-256-GCM on Node's crypto: the same bytes as the WebCrypto sealer (iv ||
 * ciphertext || tag, context as additional data), so sessions sealed by either open with the
 * other. Synchronous: a session of a few kilobytes seals in microseconds, where WebCrypto's
 * asynchronous job costs a thread-pool round trip and several promise turns per session.
 */
export function nodeAesGcm(key: Uint8Array): AeadCipher {
  if (key.length !== 32) throw new Error("an AES-256 key is 32 bytes");
  const secret = Buffer.from(key);
  return {
    seal(plaintext: string, context: string): Uint8Array {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", secret, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = cipher.update(plaintext, "utf8");
      const last = cipher.final();
      return Buffer.concat([iv, body, last, cipher.getAuthTag()]);
    },
    open(sealed: Uint8Array, context: string): string {
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new DecryptionError("ciphertext is too short");
      const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      try {
        const decipher = createDecipheriv("aes-256-gcm", secret, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const body = decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES));
        return Buffer.concat([body, decipher.final()]).toString("utf8");
      } catch {
        throw new DecryptionError("decryption failed: wrong key, or the data was changed");
      }
    },
  };
}
