import { describe, expect, it } from "vitest";
import { MapFileError, readMapFile, writeMapFile } from "./map-file.js";
import { restore } from "./restore.js";
import { Session } from "./session.js";

// Few iterations keep the test quick; the file records its own count.
const FAST = 1000;

describe("map files", () => {
  const session = new Session();
  session.placeholderFor("PERSON", "Jan de Vries");

  it("round-trips with a passphrase and hides the values", async () => {
    const text = await writeMapFile(session, "correct horse battery staple", FAST);
    expect(text).not.toContain("Vries");
    const back = await readMapFile(text, "correct horse battery staple");
    expect(restore("Beste [PERSOON_1]", back)).toBe("Beste Jan de Vries");
  });

  it("round-trips with a raw key", async () => {
    const key = `raw:${"ab".repeat(32)}`;
    const back = await readMapFile(await writeMapFile(session, key), key);
    expect(back.id).toBe(session.id);
    await expect(readMapFile(await writeMapFile(session, key), "een wachtwoord")).rejects.toThrow(MapFileError);
  });

  it("gives a clear error for a wrong passphrase or a changed file", async () => {
    const text = await writeMapFile(session, "goed", FAST);
    await expect(readMapFile(text, "fout")).rejects.toThrow(/wrong passphrase/);
    const file = JSON.parse(text);
    file.data = `A${file.data.slice(1)}`;
    await expect(readMapFile(JSON.stringify(file), "goed")).rejects.toThrow(MapFileError);
    await expect(readMapFile("{}", "goed")).rejects.toThrow(/not a Poortwachter map file/);
    await expect(readMapFile("geen json", "goed")).rejects.toThrow(/no valid JSON/);
  });
});
