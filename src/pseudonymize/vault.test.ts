import { describe, expect, it } from "vitest";
import { restore } from "./restore.js";
import { Session } from "./session.js";
import { MemoryVault, SessionSealer } from "./vault.js";

const KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const KEY_B64 = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i)));

function sessionWithJan(id: string): Session {
  const s = new Session({ id });
  s.placeholderFor("PERSON", "Jan de Vries");
  return s;
}

describe("MemoryVault", () => {
  it("stores and returns a session, encrypted at rest", async () => {
    const vault = await MemoryVault.create({ key: KEY_HEX });
    await vault.put(sessionWithJan("gesprek-1"));
    const sealed = vault.sealedBytes("gesprek-1") as Uint8Array;
    expect(new TextDecoder("latin1").decode(sealed)).not.toContain("Vries");
    const back = await vault.get("gesprek-1");
    expect(back && restore("[PERSOON_1]", back)).toBe("Jan de Vries");
    await vault.delete("gesprek-1");
    expect(await vault.get("gesprek-1")).toBeUndefined();
  });

  it("expires entries after their TTL", async () => {
    let now = 1_000_000;
    const vault = await MemoryVault.create({ key: KEY_B64, ttlSeconds: 60, now: () => now });
    await vault.put(sessionWithJan("a"));
    await vault.put(sessionWithJan("b"), 600);
    now += 59_000;
    expect(await vault.get("a")).toBeDefined();
    now += 2_000;
    expect(await vault.get("a")).toBeUndefined();
    expect(await vault.get("b")).toBeDefined();
    expect(vault.size).toBe(1);
  });

  it("keeps sessions apart: one session's placeholders never resolve with another's values", async () => {
    const vault = await MemoryVault.create({ key: KEY_HEX });
    const a = new Session({ id: "a" });
    a.placeholderFor("PERSON", "Anna Bakker");
    const b = new Session({ id: "b" });
    b.placeholderFor("PERSON", "Karel Smit");
    await vault.put(a);
    await vault.put(b);
    const gotA = await vault.get("a");
    const gotB = await vault.get("b");
    expect(gotA && restore("[PERSOON_1]", gotA)).toBe("Anna Bakker");
    expect(gotB && restore("[PERSOON_1]", gotB)).toBe("Karel Smit");
  });

  it("refuses a sealed state moved to another session id", async () => {
    const sealer = await SessionSealer.create(KEY_HEX);
    const sealed = await sealer.seal(sessionWithJan("a"));
    await expect(sealer.open("b", sealed)).rejects.toThrow(/decryption failed/);
    await expect(sealer.open("a", sealed)).resolves.toBeInstanceOf(Session);
  });

  it("refuses a wrong key and bad key material", async () => {
    const sealed = await (await SessionSealer.create(KEY_HEX)).seal(sessionWithJan("a"));
    const other = await SessionSealer.create(KEY_B64);
    await expect(other.open("a", sealed)).rejects.toThrow(/wrong key/);
    await expect(SessionSealer.create("te kort")).rejects.toThrow(/32 bytes/);
    await expect(MemoryVault.create({ key: KEY_HEX, ttlSeconds: 0 })).rejects.toThrow(/positive/);
  });
});
