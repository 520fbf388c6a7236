import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AdminAuditRecord } from "../store/repositories/accounts.js";
import { adminActionsCsv } from "./admin-audit.js";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.js";
import { SecretBox } from "./secret-box.js";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpCode, totpStep } from "./totp.js";

describe("password rules (NIST 800-63B)", () => {
  it("asks for length, not composition", () => {
    expect(passwordProblem("kort", "jan")).toBe("too_short");
    expect(passwordProblem("elf tekens!", "jan")).toBe("too_short");
    // Twelve lower-case letters and spaces are fine: no silly composition rules.
    expect(passwordProblem("fiets en kaas", "jan")).toBeNull();
    expect(passwordProblem("x".repeat(257), "jan")).toBe("too_long");
  });

  it("refuses the account name inside the password, in any case", () => {
    expect(passwordProblem("Marieke-2026-zomer", "marieke")).toBe("contains_name");
    expect(passwordProblem("wachtwoord van mij", "marieke")).toBeNull();
  });

  it("refuses well-known and repetitive passwords", () => {
    expect(passwordProblem("Welkom123456", "jan")).toBe("too_common");
    expect(passwordProblem("abababababab", "jan")).toBe("too_common");
  });

  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("een lange zin als wachtwoord");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "een lange zin als wachtwoord")).toBe(true);
    expect(await verifyPassword(hash, "een lange zin als wachtwoorD")).toBe(false);
    expect(await verifyPassword("geen hash", "iets")).toBe(false);
  });
});

describe("sealed secrets", () => {
  it("opens what it sealed, refuses tampering and another key", () => {
    const key = randomBytes(32);
    const box = new SecretBox(key, "accounts totp");
    const sealed = box.seal("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.seal("JBSWY3DPEHPK3PXP")).not.toBe(sealed);
    expect(box.open(sealed)).toBe("JBSWY3DPEHPK3PXP");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[2] as string, "base64url");
    body[0] = (body[0] as number) ^ 1;
    parts[2] = body.toString("base64url");
    expect(() => box.open(parts.join("."))).toThrow();
    expect(() => new SecretBox(randomBytes(32), "accounts totp").open(sealed)).toThrow();
    // The same master key for another purpose gives another subkey.
    expect(() => new SecretBox(key, "something else").open(sealed)).toThrow();
  });
});

describe("TOTP and recovery codes", () => {
  it("accepts the current code and one step either side, nothing further", () => {
    const secret = newTotpSecret();
    const now = Date.parse("2026-11-23T10:00:10Z");
    const step = Math.floor(now / 30_000);
    expect(totpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(totpStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, now + 60_000), now)).toBeNull();
    expect(totpStep(secret, "12345", now)).toBeNull();
    expect(totpStep(secret, "abcdef", now)).toBeNull();
  });

  it("makes ten distinct recovery codes whose hash ignores case and separators", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const code = codes[0] as string;
    expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(hashRecoveryCode(code.toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).not.toContain(code.replace("-", ""));
  });
});

describe("admin audit as CSV", () => {
  it("quotes fields and defuses spreadsheet formulas", () => {
    const record: AdminAuditRecord = {
      id: "1",
      time: "2026-11-23T10:00:00.000Z",
      actorId: "acc_1",
      actorName: '=HYPERLINK("http://evil")',
      action: "account.created",
      target: "jan",
      details: { role: "member", team: "verkoop, noord" },
    };
    const csv = adminActionsCsv([record]);
    const [header, line] = csv.split("\r\n");
    expect(header).toBe("time,actor,action,target,details");
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line).toContain('"{""role"":""member"",""team"":""verkoop, noord""}"');
  });
});
