/**
 * Seals conversation titles and contents at rest: AES-256-GCM with a key derived (HKDF-SHA256)
 * from the instance's vault key, so no second secret has to be kept and backed up. The row's
 * account and id are bound in as associated data: a sealed value copied into another account's
 * row does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealedValueError extends Error {
  override name = "SealedValueError";
}

export class ConversationCipher {
  private readonly key: Buffer;

  constructor(vaultKey: Uint8Array) {
    if (vaultKey.length !== 32) throw new Error("the vault key must be 32 bytes");
    this.key = Buffer.from(hkdfSync("sha256", vaultKey, Buffer.alloc(0), "poortwachter chat conversations v1", 32));
  }

  seal(plain: string, accountId: string, id: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(associated(accountId, id));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
  }

  open(sealed: string, accountId: string, id: string): string {
    const [version, data] = sealed.split(".", 2);
    if (version !== VERSION || !data) throw new SealedValueError("unknown sealed format");
    const bytes = Buffer.from(data, "base64url");
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueError("sealed value too short");
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(associated(accountId, id));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
      throw new SealedValueError("sealed value does not open with this key (wrong key, or tampered)");
    }
  }
}

function associated(accountId: string, id: string): Buffer {
  return Buffer.from(`${accountId}\u0000${id}`, "utf8");
}
