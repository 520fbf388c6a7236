/**
 * Seals small secrets (TOTP seeds) with AES-256-GCM under a key derived from the instance's vault
 * key, so a copy of the database alone does not give away anyone's second factor.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

export class SecretBox {
  private readonly key: Buffer;

  /** `masterKey`: 32 bytes; a purpose-bound subkey is derived so the vault key is never reused as is. */
  constructor(masterKey: Buffer, purpose: string) {
    if (masterKey.length !== 32) throw new Error("SecretBox needs a 32-byte key");
    this.key = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), `poortwachter ${purpose}`, 32));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [
      VERSION,
      iv.toString("base64url"),
      body.toString("base64url"),
      cipher.getAuthTag().toString("base64url"),
    ].join(".");
  }

  /** Throws when the text was not sealed with this key (tampered, or another instance's key). */
  open(sealed: string): string {
    const [version, iv, body, tag] = sealed.split(".");
    if (version !== VERSION || !iv || body === undefined || !tag) throw new Error("not a sealed secret");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  }
}
