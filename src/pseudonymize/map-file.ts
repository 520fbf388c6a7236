/**
 * The mapping a one-off `anonymize` leaves behind, so `restore` can put the values back later.
 * JSON with the session state sealed by AES-256-GCM; the key comes from a passphrase (PBKDF2)
 * or is a raw 32-byte key written as `raw:<hex or base64>`.
 */
import {
  DEFAULT_PBKDF2_ITERATIONS,
  DecryptionError,
  deriveKeyFromPassphrase,
  fromBase64,
  importAesKey,
  open,
  parseKeyMaterial,
  randomBytes,
  seal,
  toBase64,
} from "./crypto.js";
import { Session, type SessionState } from "./session.js";

const FORMAT = "poortwachter-map";
const CONTEXT = "poortwachter-map-v1";

interface MapFile {
  format: typeof FORMAT;
  version: 1;
  kdf: { name: "PBKDF2-SHA256"; salt: string; iterations: number } | { name: "raw" };
  data: string;
}

export class MapFileError extends Error {
  override name = "MapFileError";
}

const RAW_PREFIX = "raw:";

async function keyFor(secret: string, kdf: MapFile["kdf"]): Promise<CryptoKey> {
  if (kdf.name === "raw") {
    if (!secret.startsWith(RAW_PREFIX)) throw new MapFileError("this map was sealed with a raw key (raw:...)");
    return importAesKey(parseKeyMaterial(secret.slice(RAW_PREFIX.length)));
  }
  return deriveKeyFromPassphrase(secret, fromBase64(kdf.salt), kdf.iterations);
}

/**
 * Seal a session into map-file text. `secret` is a passphrase, or `raw:` followed by a 32-byte
 * key in hex or base64.
 */
export async function writeMapFile(
  session: Session,
  secret: string,
  iterations: number = DEFAULT_PBKDF2_ITERATIONS,
): Promise<string> {
  const kdf: MapFile["kdf"] = secret.startsWith(RAW_PREFIX)
    ? { name: "raw" }
    : { name: "PBKDF2-SHA256", salt: toBase64(randomBytes(16)), iterations };
  const key = await keyFor(secret, kdf);
  const data = toBase64(await seal(key, JSON.stringify(session.toState()), CONTEXT));
  const file: MapFile = { format: FORMAT, version: 1, kdf, data };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Open map-file text; a wrong passphrase or a changed file gives a MapFileError. */
export async function readMapFile(text: string, secret: string): Promise<Session> {
  let file: MapFile;
  try {
    file = JSON.parse(text) as MapFile;
  } catch {
    throw new MapFileError("not a Poortwachter map file (no valid JSON)");
  }
  if (file?.format !== FORMAT || file.version !== 1 || typeof file.data !== "string" || !file.kdf) {
    throw new MapFileError("not a Poortwachter map file");
  }
  if (file.kdf.name !== "raw" && !(Number.isInteger(file.kdf.iterations) && file.kdf.iterations > 0)) {
    throw new MapFileError("map file has invalid key-derivation settings");
  }
  const key = await keyFor(secret, file.kdf);
  let plain: string;
  try {
    plain = await open(key, fromBase64(file.data), CONTEXT);
  } catch (err) {
    if (err instanceof DecryptionError) throw new MapFileError("wrong passphrase or key, or the map file was changed");
    throw err;
  }
  return Session.fromState(JSON.parse(plain) as SessionState);
}
