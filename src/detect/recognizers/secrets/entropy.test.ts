import { describe, expect, it } from "vitest";
import { entropyRecognizer, looksRandom, shannonEntropy } from "./entropy.js";
import { secretsIn } from "./test-helpers.js";

const found = (text: string) => secretsIn([entropyRecognizer], text);
const RANDOM = "9fK2xQ7pL0mN3vB8cZ1sD4gH6jT5yR2w";

describe("Shannon entropy", () => {
  it("is zero for one repeated character and log2(n) for n distinct ones", () => {
    expect(shannonEntropy("")).toBe(0);
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBeCloseTo(2);
    expect(shannonEntropy("0123456789abcdef")).toBeCloseTo(4);
  });

  it("counts characters outside ASCII", () => {
    expect(shannonEntropy("ééaa")).toBeCloseTo(1);
  });
});

describe("looksRandom", () => {
  it("accepts generated strings and rejects words and numbers", () => {
    expect(looksRandom(RANDOM)).toBe(true);
    expect(looksRandom("arbeidsongeschiktheidsverzekering")).toBe(false);
    expect(looksRandom("12345678901234567890")).toBe(false);
    expect(looksRandom("aaaaaaaaaaBBBBBBBBBB")).toBe(false);
    expect(looksRandom("xxxxxxxxxxxxxxxxxxxx1")).toBe(false);
  });
});

describe("high-entropy values in key contexts", () => {
  it("finds a random value after a key word, in Dutch and English", () => {
    expect(found(`Hier is de nieuwe API-sleutel voor de webshop: ${RANDOM}`)).toEqual([RANDOM]);
    expect(found(`the signing secret for the webhook ${RANDOM}`)).toEqual([RANDOM]);
    expect(found(`Encryption key:\n${RANDOM}\n`)).toEqual([RANDOM]);
  });

  it("keeps base64 padding and drops trailing dashes", () => {
    expect(found("token Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5==")).toEqual(["Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5=="]);
    expect(found(`secret ${RANDOM}--`)).toEqual([RANDOM]);
  });

  it("needs a key word: the same value in ordinary text is left alone", () => {
    expect(found(`Zie referentie ${RANDOM} in het dossier.`)).toEqual([]);
    expect(found(`Klant vroeg naar ${RANDOM}`)).toEqual([]);
  });

  it("leaves hashes, commits and identifiers alone even near key words", () => {
    expect(found("commit 3f2a9c8b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a (api key rotation)")).toEqual([]);
    expect(found("sha256 checksum van de key: 9b74c9897bac770ffc029102a200c5de3f2a9c8b7d6e5f4a")).toEqual([]);
    expect(found("request id 9c1f7e2a-4b8d-4f3e-a6c5-2d7b9e0f1a83 bij het token-endpoint")).toEqual([]);
    expect(found("API-key aangevraagd, order-id Q8f2Kd93LmZp0xVb7RtY")).toEqual([]);
  });

  it("reports a UUID or hex value only when it is assigned to a key name", () => {
    expect(found("client_secret=9c1f7e2a-4b8d-4f3e-a6c5-2d7b9e0f1a83")).toEqual([
      "9c1f7e2a-4b8d-4f3e-a6c5-2d7b9e0f1a83",
    ]);
    expect(found("api key 9c1f7e2a-4b8d-4f3e-a6c5-2d7b9e0f1a83 is van de testomgeving")).toEqual([]);
  });

  it("does not treat paths, host names or long compound words as keys", () => {
    expect(found("key in src/detect/recognizers/secrets/entropy.ts")).toEqual([]);
    expect(found("token server auth.eu-west-1.amazoncognito.com")).toEqual([]);
    expect(found("api: arbeidsongeschiktheidsverzekering")).toEqual([]);
  });
});
