import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError, Session, SessionSealer } from "../../pseudonymize/index.js";
import { nodeAesGcm } from "./node-cipher.js";

const KEY = randomBytes(32);

function session(): Session {
  const s = new Session({ id: "conv-cipher" });
  s.placeholderFor("PERSON", "Annelies Verbeek-Smits");
  s.placeholderFor("IBAN", "NL20INGB0001234567");
  return s;
}

describe("nodeAesGcm", () => {
  it("seals what the WebCrypto sealer opens, and opens what it sealed", async () => {
    const node = await SessionSealer.create(KEY, nodeAesGcm);
    const web = await SessionSealer.create(KEY);
    const byNode = await node.seal(session());
    const byWeb = await web.seal(session());
    expect((await web.open("conv-cipher", byNode)).resolve("PERSOON", "1")).toBe("Annelies Verbeek-Smits");
    expect((await node.open("conv-cipher", byWeb)).resolve("IBAN", "1")).toBe("NL20INGB0001234567");
    expect(Buffer.from(byNode).toString("latin1")).not.toContain("Verbeek");
  });

  it("refuses another session id, another key and a changed byte", async () => {
    const node = await SessionSealer.create(KEY, nodeAesGcm);
    const sealed = await node.seal(session());
    await expect(node.open("conv-other", sealed)).rejects.toBeInstanceOf(DecryptionError);
    const other = await SessionSealer.create(randomBytes(32), nodeAesGcm);
    await expect(other.open("conv-cipher", sealed)).rejects.toBeInstanceOf(DecryptionError);
    const changed = Uint8Array.from(sealed);
    changed[20] = (changed[20] as number) ^ 1;
    await expect(node.open("conv-cipher", changed)).rejects.toBeInstanceOf(DecryptionError);
    await expect(node.open("conv-cipher", sealed.subarray(0, 20))).rejects.toBeInstanceOf(DecryptionError);
  });

  it("uses a fresh iv for every seal", () => {
    const cipher = nodeAesGcm(KEY);
    const a = cipher.seal("same text", "ctx") as Uint8Array;
    const b = cipher.seal("same text", "ctx") as Uint8Array;
    expect(Buffer.from(a.subarray(0, 12)).equals(Buffer.from(b.subarray(0, 12)))).toBe(false);
    expect(cipher.open(a, "ctx")).toBe("same text");
  });
});
