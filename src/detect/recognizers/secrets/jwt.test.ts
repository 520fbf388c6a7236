import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64Url, hasJwtHeader } from "./jwt.js";
import { providerKeysRecognizer } from "./provider-keys.js";
import { scanWith } from "./test-helpers.js";

function base64Url(json: object): string {
  return btoa(JSON.stringify(json)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const HEADER = base64Url({ alg: "HS256", typ: "JWT" });
const PAYLOAD = base64Url({ sub: "klant-4711", name: "Test Persoon", iat: 1_700_000_000 });
const SIGNATURE = "q7Vb2kX9mN4pL0sD8fG3hJ6wE1rT5yU-_aZcQxWv8Ks";
const JWT = `${HEADER}.${PAYLOAD}.${SIGNATURE}`;

const spans = (text: string) => scanWith([providerKeysRecognizer], text).map((c) => [c.start, c.end, c.recognizer]);

describe("JWT", () => {
  it("finds a signed token as a whole, with exact offsets", () => {
    const text = `Authorization: Bearer ${JWT}\nAccept: */*`;
    expect(spans(text)).toEqual([[22, 22 + JWT.length, "secret-jwt"]]);
  });

  it("is certain when the header decodes to a JWT header", () => {
    expect(hasJwtHeader(JWT)).toBe(true);
    expect(scanWith([providerKeysRecognizer], JWT)[0]?.score).toBeGreaterThanOrEqual(0.95);
  });

  it("still reports a three-segment eyJ token whose header does not decode, with a lower score", () => {
    const odd = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9x.${PAYLOAD}.${SIGNATURE}`;
    expect(hasJwtHeader(odd)).toBe(false);
    const [c] = scanWith([providerKeysRecognizer], odd);
    expect(c?.score).toBeGreaterThan(0.5);
    expect(c?.score).toBeLessThan(0.95);
  });

  it("finds unsigned tokens (alg none) without the sentence dot", () => {
    const unsigned = `${base64Url({ alg: "none" })}.${PAYLOAD}.`;
    const text = `Token: ${unsigned}`;
    expect(scanWith([providerKeysRecognizer], text).map((c) => text.slice(c.start, c.end))).toEqual([
      unsigned.slice(0, -1),
    ]);
  });

  it("ignores eyJ in ordinary words and two-segment strings", () => {
    expect(spans("eyJohn zei dat")).toEqual([]);
    expect(spans(`${HEADER}.${PAYLOAD}`)).toEqual([]);
  });

  it("decodes base64url segments and rejects garbage", () => {
    expect(decodeBase64Url(HEADER)).toBe('{"alg":"HS256","typ":"JWT"}');
    expect(decodeBase64Url("%%%")).toBeNull();
  });

  it("finds generated tokens in sentences with exact offsets (property)", () => {
    const segment = (min: number) =>
      fc
        .stringMatching(/^[A-Za-z0-9_-]+$/)
        .filter((s) => s.length >= min && s.length <= 200 && !/x{4}|X{4}|_{4}|-{4}/.test(s));
    fc.assert(
      fc.property(
        fc.record({ sub: fc.string(), n: fc.integer() }),
        segment(8),
        fc.constantFrom(["Gebruik ", " graag."], ["jwt=", "&x=1"], ['"', '"']),
        (claims, signature, [before, after]) => {
          const token = `${HEADER}.${base64Url(claims)}.${signature}`;
          const text = `${before}${token}${after}`;
          expect(spans(text)).toEqual([[before.length, before.length + token.length, "secret-jwt"]]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
