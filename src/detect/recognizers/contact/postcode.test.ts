import { describe, expect, it } from "vitest";
import { findPostcodes } from "./postcode.js";

function postcodes(text: string, minScore = 0.5): string[] {
  return findPostcodes(text, text.toLowerCase())
    .filter((c) => c.score >= minScore)
    .map((c) => text.slice(c.start, c.end));
}

describe("postcode recognizer", () => {
  it("finds postcodes with and without a space, with offsets", () => {
    const text = "Kerkstraat 1, 1234 AB Utrecht en 5678CD";
    expect(postcodes(text)).toEqual(["1234 AB", "5678CD"]);
    expect(findPostcodes(text, text.toLowerCase())[0]).toMatchObject({ type: "POSTCODE", start: 14, end: 21 });
  });

  it("never reports a first digit 0 or the unissued pairs SA, SD and SS", () => {
    expect(postcodes("0123 AB, 1234 SA, 1234 SD, 1234SS")).toEqual([]);
  });

  it("needs address context for letter pairs that are ordinary words or units", () => {
    expect(postcodes("IN 2024 EN DAARNA")).toEqual([]);
    expect(postcodes("we kochten 2000 KG staal")).toEqual([]);
    expect(postcodes("Dorpsweg 3\n2024 EN Haarlem")).toEqual(["2024 EN"]);
    expect(postcodes("Postcode: 3011 DE")).toEqual(["3011 DE"]);
  });

  it("accepts lower-case letters only with a label or a street line", () => {
    expect(postcodes("mijn postcode is 1234ab")).toEqual(["1234ab"]);
    expect(postcodes("Kerkstraat 5, 1234 ab")).toEqual(["1234 ab"]);
    expect(postcodes("er zijn 1234 ab testen")).toEqual([]);
  });

  it("ignores postcode-like parts of longer tokens", () => {
    expect(postcodes("code X1234AB, 1234ABC, 12345 AB, 1234 AB1")).toEqual([]);
  });
});
