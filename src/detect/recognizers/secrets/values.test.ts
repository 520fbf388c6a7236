import { describe, expect, it } from "vitest";
import { isPlaceholder, isPlaceholderKey, isReference, looksLikeCredential } from "./values.js";

describe("references", () => {
  it("recognises environment and template references", () => {
    for (const value of [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal environment reference is the input under test
      "${OPENAI_API_KEY}",
      "$DB_PASSWORD",
      "%APPDATA_KEY%",
      "process.env.STRIPE_KEY",
      "os.environ['X']",
      "{{ vault.db_password }}",
      "secrets.GITHUB_TOKEN",
      "op://Private/db/password",
      "@Microsoft.KeyVault(SecretUri=https://kv/secrets/x)",
    ]) {
      expect(isReference(value), value).toBe(true);
    }
    expect(isReference("Zomer2024!")).toBe(false);
    expect(isReference("$uper-Geheim9")).toBe(false);
  });
});

describe("placeholders", () => {
  it("recognises masks, brackets and example words", () => {
    for (const value of [
      "********",
      "xxxxxxxx",
      "<your-key>",
      "[WACHTWOORD_1]",
      "changeme",
      "your_api_key_here",
      "jouw-wachtwoord",
      "AKIAIOSFODNN7EXAMPLE",
      "password",
      "n/a",
      "aaaaaaaa",
    ]) {
      expect(isPlaceholder(value), value).toBe(true);
    }
    for (const value of ["Zomer2024!", "geheim", "Myrthe2024", "Null-Risico9", "Uwe1977"]) {
      expect(isPlaceholder(value), value).toBe(false);
    }
  });

  it("tolerates short words that occur by chance inside random keys", () => {
    expect(isPlaceholderKey("My_--aAA9fK2xQ7p-nil-L0mN3vB8")).toBe(false);
    expect(isPlaceholderKey("xxxxxxxxxxxxxxxxxxxxxxxx")).toBe(true);
    expect(isPlaceholderKey("your_token_here")).toBe(true);
  });
});

describe("looksLikeCredential", () => {
  it("accepts letters mixed with digits or symbols, and inner capitals", () => {
    for (const value of ["Welkom123", "Kaas&Worst88", "t0k3n-abc", "GroeneAppel"]) {
      expect(looksLikeCredential(value), value).toBe(true);
    }
  });

  it("rejects words, short values, URLs, e-mail addresses, paths, versions and dates", () => {
    for (const value of [
      "verlopen",
      "Ab1",
      "https://login.bedrijf.nl",
      "info@bedrijf.nl",
      "./secrets/token.txt",
      "v2.16.6",
      "01-03-2025",
      "met spatie 1",
    ]) {
      expect(looksLikeCredential(value), value).toBe(false);
    }
  });
});
