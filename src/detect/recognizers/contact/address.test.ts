import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENGLISH_STREET_LINE, englishStreetLineMatches, findAddresses } from "./address.js";

function addresses(text: string, minScore = 0.5): string[] {
  return findAddresses(text, text.toLowerCase())
    .filter((c) => c.score >= minScore)
    .map((c) => text.slice(c.start, c.end));
}

describe("address recognizer", () => {
  it.each([
    "Kerkstraat 12",
    "Stationsweg 4",
    "Singel 198a",
    "Markt 3",
    "Laan van Meerdervoort 1120",
    "Nieuwe Binnenweg 101",
    "Van Goghlaan 75B",
    "Burgemeester de Withstraat 3",
    "Sint Jansstraat 4",
    "Prins Hendrikkade 12",
    "Oude Gracht 5",
    "Korte Lijnbaanssteeg 2",
    "Jan van Galenstraat 4",
    "'s-Gravendijkwal 12",
    "Postbus 123",
    "Antwoordnummer 4567",
  ])("finds the street %s", (street) => {
    expect(addresses(`Het adres is ${street}, Utrecht.`)).toEqual([street]);
  });

  it.each(["12a", "12-2", "12 bis", "12 hs", "12-III", "12 A", "12 zw", "12bg"])(
    "keeps the house number addition %s",
    (addition) => {
      expect(addresses(`Bezorgen op Dorpsstraat ${addition}\n1234 AB Ergens`)).toEqual([`Dorpsstraat ${addition}`]);
    },
  );

  it("labels street + number only, with exact offsets", () => {
    const text = "Dhr. P. Bakker, Hoofdweg 17, 4603 YM Bergen";
    const [c] = findAddresses(text, text.toLowerCase());
    expect(c).toMatchObject({ type: "ADDRESS", start: 16, end: 27 });
  });

  it("accepts a street without a typical suffix when a postcode follows", () => {
    expect(addresses("Lange Voorhout 12, 2514 EA Den Haag")).toEqual(["Lange Voorhout 12"]);
    expect(addresses("Damrak 1\n1012 LG Amsterdam")).toEqual(["Damrak 1"]);
    expect(addresses("Voorhout 12 is mooi")).toEqual([]);
  });

  it("does not take the end of a person's name into the street", () => {
    expect(addresses("Jan de Vries Kerkstraat 12")).toEqual(["Kerkstraat 12"]);
    expect(addresses("Hij woont op Piet Heinkade 12.")).toEqual(["Piet Heinkade 12"]);
  });

  it("finds lower-case streets only with an address cue", () => {
    expect(addresses("ik woon op kerkstraat 5")).toEqual(["kerkstraat 5"]);
    expect(addresses("het fietspad 2 keer")).toEqual([]);
  });

  it("finds English street lines", () => {
    expect(addresses("Our office: 221B Baker Street, London.")).toEqual(["221B Baker Street"]);
    expect(addresses("Send it to 10 Downing St. please")).toEqual(["10 Downing St."]);
  });

  it.each([
    "Zie artikel 5 van de voorwaarden.",
    "In week 12 starten we.",
    "Lees hoofdstuk 3 en bijlage 2 op pagina 4.",
    "Dit is versie 2 voor Windows 11.",
    "Het bedrag is 1250 euro voor 12 stuks.",
    "De Arbeidsmarkt 2024 is krap.",
    "We hebben Fase 2 afgerond.",
    "Het Gerechtshof 2 keer gebeld.",
    "Stap 3: klik op Opslaan 2 keer.",
  ])("ignores %j", (text) => {
    expect(addresses(text)).toEqual([]);
  });
});

describe("English street lines", () => {
  it("are found where a global scan finds them", () => {
    const fragment = fc.constantFrom(
      "221",
      "10",
      "0",
      "123456",
      "B",
      "b",
      " ",
      "  ",
      "Baker",
      "Downing",
      "Élysée",
      "O'Neil",
      "old",
      "Street",
      "St",
      "St.",
      "Road",
      "Way",
      ".",
      ",",
      "-",
      "x",
      "\n",
      "²",
      "𝐁",
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 24 }), (parts) => {
        const text = parts.join("");
        const expected = [...text.matchAll(ENGLISH_STREET_LINE)].map((m) => [m.index, m[0]]);
        expect(englishStreetLineMatches(text).map((m) => [m.index, m[0]])).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
    expect(englishStreetLineMatches("at 221B Baker Street and 10 Downing St.").map((m) => m[0])).toEqual([
      "221B Baker Street",
      "10 Downing St.",
    ]);
  });
});
