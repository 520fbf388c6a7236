/**
 * The word index must find exactly what the old Aho-Corasick scan found: the same candidates, in
 * the same order, for any dictionary and any text. Both are fed generated lists and texts built
 * from the same pieces, so matches, near-misses and odd spacing are common.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText, normalize } from "../normalize.js";
import type { EntityType } from "../types.js";
import { CustomerDictionary } from "./customer-dictionary.js";
import type { DictionaryEntry } from "./entries.js";
import { ReferenceDictionary } from "./test-helpers/reference-dictionary.js";

const WORDS = [
  "jan",
  "Jan",
  "de",
  "De",
  "van",
  "der",
  "'t",
  "in",
  "Vries",
  "vries",
  "Bakker",
  "bakkerij",
  "Zoë",
  "zoe",
  "Müller",
  "ß",
  "İlse",
  "x1",
  "42",
  "J.",
  "J.P.",
  "jp",
  "B.V.",
  "BV",
  "bv",
  "N.V.",
  "vof",
  "Stichting",
  "info@jan.nl",
  "jan@x.nl",
  "a.jan",
  "o'brien",
  "--",
  "..",
  "&",
  "😀",
  "a\u0000b",
  "Ab",
  "ab",
  "abc",
];
const SEPARATORS = [
  " ",
  " ",
  " ",
  "  ",
  "\n",
  "\t",
  "\r\n",
  " \n ",
  "-",
  ".",
  ". ",
  ", ",
  "'",
  "@",
  "",
  "\u00a0",
  "\u0000",
  "(",
];
const TYPES: ReadonlyArray<EntityType | undefined> = [undefined, undefined, "PERSON", "ORGANIZATION", "EMAIL"];

const word = fc.constantFrom(...WORDS);
const separator = fc.constantFrom(...SEPARATORS);
const phrase = fc
  .array(fc.tuple(word, separator), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));
const entry = fc.tuple(phrase, fc.constantFrom(...TYPES)).map(([value, type]): DictionaryEntry | string => {
  const trimmed = value.trim();
  return type ? { value: trimmed, type } : trimmed;
});
/** A text mixing whole entries (changed in case), loose words and separators. */
const text = (entries: readonly (DictionaryEntry | string)[]) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...entries.map((e) => (typeof e === "string" ? e : e.value))),
        fc.constantFrom(...entries.map((e) => (typeof e === "string" ? e : e.value).toUpperCase())),
        word,
        separator,
      ),
      { maxLength: 16 },
    )
    .map((parts) => parts.join(""));

function bothScans(entries: readonly (DictionaryEntry | string)[], input: { text: string; folded: string }) {
  return {
    got: new CustomerDictionary(entries).scan(input),
    want: new ReferenceDictionary(entries).scan(input),
  };
}

describe("CustomerDictionary against the Aho-Corasick reference", () => {
  it("finds the same candidates in the same order, through normalize", () => {
    fc.assert(
      fc.property(
        fc
          .array(entry, { minLength: 1, maxLength: 8 })
          .chain((entries) => fc.tuple(fc.constant(entries), text(entries))),
        ([entries, original]) => {
          const norm = normalize(original);
          const { got, want } = bothScans(entries, { text: norm.text, folded: norm.folded });
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("finds the same candidates on raw text (leading whitespace, NUL, lone carriage returns)", () => {
    fc.assert(
      fc.property(
        fc
          .array(entry, { minLength: 1, maxLength: 8 })
          .chain((entries) => fc.tuple(fc.constant(entries), text(entries))),
        fc.constantFrom("", " ", "\n\t ", "\u0000"),
        ([entries, body], lead) => {
          const raw = lead + body;
          const { got, want } = bothScans(entries, { text: raw, folded: foldText(raw) });
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees on any characters at all", () => {
    const unit = fc.constantFrom("a", "b", "A", "é", "1", " ", "\n", ".", "@", "-", "'", "\u0000", "\ud83d", "ß");
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        fc.string({ unit, maxLength: 40 }),
        (values, raw) => {
          const norm = normalize(raw);
          const { got, want } = bothScans(values, { text: norm.text, folded: norm.folded });
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("agrees on a large list sharing first words, where the filters and the table fill up", () => {
    const given = ["Jan", "Piet", "Anna", "Els", "Kees", "Zoë", "Jan Pieter", "A.", "Ilse"];
    const particles = ["", "de ", "van ", "van der ", "in 't ", "ter "];
    const surnames = Array.from({ length: 300 }, (_, i) => `Achter${i.toString(36)}`);
    const entries: Array<DictionaryEntry | string> = [];
    for (let i = 0; i < 3000; i++) {
      const g = given[i % given.length] as string;
      const p = particles[(i >> 3) % particles.length] as string;
      const s = surnames[(i * 7) % surnames.length] as string;
      if (i % 10 === 0) entries.push({ value: `${s} & ${g} B.V.`, type: "ORGANIZATION" });
      else if (i % 10 === 1) entries.push(`${g.charAt(0).toLowerCase()}.${s.toLowerCase()}@${s.toLowerCase()}.nl`);
      else entries.push(`${g} ${p}${s}`);
    }
    const mine = new CustomerDictionary(entries);
    const reference = new ReferenceDictionary(entries);
    const pieces = [...entries.slice(0, 400).map((e) => (typeof e === "string" ? e : e.value)), ...given, ...particles];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pieces), separator), { maxLength: 30 }),
        fc.boolean(),
        (parts, upper) => {
          let raw = parts.map(([p, s]) => p + s).join("");
          if (upper) raw = raw.toUpperCase();
          const norm = normalize(raw);
          const input = { text: norm.text, folded: norm.folded };
          expect(mine.scan(input)).toEqual(reference.scan(input));
        },
      ),
      { numRuns: 300 },
    );
  });
});
