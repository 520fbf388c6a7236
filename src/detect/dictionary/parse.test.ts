import { describe, expect, it } from "vitest";
import { DictionaryFormatError, parseDictionary } from "./parse.js";

describe("parseDictionary (CSV)", () => {
  it("reads typed columns from a header", () => {
    const csv = 'naam,bedrijf,email\nAnnelies Groen,"Groen & Zn, Loodgieters",a.groen@voorbeeld.nl\n\nKees Bos,,\n';
    expect(parseDictionary(csv, "csv")).toEqual([
      { value: "Annelies Groen", type: "PERSON" },
      { value: "Groen & Zn, Loodgieters", type: "ORGANIZATION" },
      { value: "a.groen@voorbeeld.nl", type: "EMAIL" },
      { value: "Kees Bos", type: "PERSON" },
    ]);
  });

  it("reads a name,type list with Dutch type words and semicolons", () => {
    expect(parseDictionary("name;type\nKees Bos;persoon\nBos Tuinen;Bedrijf\n", "csv")).toEqual([
      { value: "Kees Bos", type: "PERSON" },
      { value: "Bos Tuinen", type: "ORGANIZATION" },
    ]);
  });

  it("joins first name, particle and surname columns", () => {
    expect(parseDictionary("voornaam,tussenvoegsel,achternaam\nEls,van der,Linden\nTon,,Wit\n")).toEqual([
      { value: "Els van der Linden", type: "PERSON" },
      { value: "Ton Wit", type: "PERSON" },
    ]);
  });

  it("reads one value per line without a header, inferring nothing yet", () => {
    expect(parseDictionary("Kees Bos\r\nStichting De Linde\n# comment\ninfo@de-linde.nl\n")).toEqual([
      { value: "Kees Bos" },
      { value: "Stichting De Linde" },
      { value: "info@de-linde.nl" },
    ]);
  });

  it("rejects an unknown type and an unclosed quote, with the line", () => {
    expect(() => parseDictionary("name,type\nKees Bos,planeet\n", "csv")).toThrow(/line 2: unknown type "planeet"/);
    expect(() => parseDictionary('naam\n"Kees Bos\n', "csv")).toThrow(DictionaryFormatError);
  });
});

describe("parseDictionary (JSON)", () => {
  it("reads strings and objects, detected automatically", () => {
    const json = JSON.stringify([
      "Kees Bos",
      { value: "Bos Tuinen", type: "organisatie" },
      { name: "Els Wit", company: "Wit Advies", email: "els@wit-advies.nl" },
    ]);
    expect(parseDictionary(json)).toEqual([
      { value: "Kees Bos" },
      { value: "Bos Tuinen", type: "ORGANIZATION" },
      { value: "Els Wit", type: "PERSON" },
      { value: "Wit Advies", type: "ORGANIZATION" },
      { value: "els@wit-advies.nl", type: "EMAIL" },
    ]);
  });

  it("accepts an entries wrapper", () => {
    expect(parseDictionary('{"entries": ["Kees Bos"]}')).toEqual([{ value: "Kees Bos" }]);
  });

  it("explains what is wrong", () => {
    expect(() => parseDictionary("[1, 2]", "json")).toThrow(/item 0: expected a string or an object/);
    expect(() => parseDictionary('[{"value": "x", "type": "PLANET"}]')).toThrow(/item 0: unknown type/);
    expect(() => parseDictionary('[{"telefoon": "x"}]')).toThrow(/expected one of value, name, company, email/);
    expect(() => parseDictionary('{"a": 1}')).toThrow(/expected a JSON array/);
    expect(() => parseDictionary("[oops", "json")).toThrow(/not valid JSON/);
  });
});
