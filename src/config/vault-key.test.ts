import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseVaultKey, resolveVaultKey, VAULT_KEY_FILE } from "./vault-key.js";

describe("vault key", () => {
  it("parses 32 bytes in hex, base64 and base64url, and nothing else", () => {
    const bytes = randomBytes(32);
    expect(parseVaultKey(bytes.toString("hex"))).toEqual(bytes);
    expect(parseVaultKey(bytes.toString("base64"))).toEqual(bytes);
    expect(parseVaultKey(bytes.toString("base64url"))).toEqual(bytes);
    expect(parseVaultKey(randomBytes(16).toString("hex"))).toBeNull();
    expect(parseVaultKey("geheim")).toBeNull();
  });

  it("generates a key into the data directory once, private to the owner, and reuses it", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "pw-vault-")), "data");
    const first = resolveVaultKey(undefined, dir);
    expect(first.created).toBe(true);
    expect(statSync(join(dir, VAULT_KEY_FILE)).mode & 0o777).toBe(0o600);
    const second = resolveVaultKey(undefined, dir);
    expect(second).toMatchObject({ created: false, source: join(dir, VAULT_KEY_FILE) });
    expect(second.key).toEqual(first.key);
    expect(parseVaultKey(readFileSync(join(dir, VAULT_KEY_FILE), "utf8"))).toEqual(first.key);
  });

  it("prefers the configured key and refuses a damaged key file", () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-vault-"));
    const key = randomBytes(32);
    expect(resolveVaultKey(key.toString("hex"), dir)).toMatchObject({ key, source: "config", created: false });
    writeFileSync(join(dir, VAULT_KEY_FILE), "kapot\n");
    expect(() => resolveVaultKey(undefined, dir)).toThrow(/not a 32-byte key/);
  });
});
