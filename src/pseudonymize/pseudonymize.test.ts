import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENTITY_TYPES, type Entity, type EntityType } from "../detect/index.js";
import { PolicyError } from "./policy.js";
import { pseudonymize } from "./pseudonymize.js";
import { restore } from "./restore.js";
import { Session } from "./session.js";

/** Entities for the exact substrings given, in order. */
function entitiesFor(text: string, spans: [EntityType, string][]): Entity[] {
  let from = 0;
  return spans.map(([type, value]) => {
    const start = text.indexOf(value, from);
    if (start < 0) throw new Error(`${value} not in text`);
    from = start + value.length;
    return { type, start, end: from, score: 1, recognizer: "test" };
  });
}

const letter = `Beste Jan de Vries,

Uw IBAN NL91 ABNA 0417 1643 00 is genoteerd. Mevrouw De Vries belde vanaf 06-12345678.
Geboren 12-03-1985, postcode 1234 AB, Kerkstraat 12a. API-sleutel sk-proj-abc123def456.`;
const spans: [EntityType, string][] = [
  ["PERSON", "Jan de Vries"],
  ["IBAN", "NL91 ABNA 0417 1643 00"],
  ["PERSON", "De Vries"],
  ["PHONE", "06-12345678"],
  ["DATE_OF_BIRTH", "12-03-1985"],
  ["POSTCODE", "1234 AB"],
  ["ADDRESS", "Kerkstraat 12a"],
  ["SECRET", "sk-proj-abc123def456"],
];

describe("pseudonymize", () => {
  it("replaces every entity with a Dutch placeholder, person variants sharing one", () => {
    const session = new Session();
    const { text, replacements } = pseudonymize(letter, entitiesFor(letter, spans), session);
    expect(text).toBe(`Beste [PERSOON_1],

Uw IBAN [IBAN_1] is genoteerd. Mevrouw [PERSOON_1] belde vanaf [TELEFOON_1].
Geboren [GEBOORTEDATUM_1], postcode [POSTCODE_1], [ADRES_1]. API-sleutel [GEHEIM_1].`);
    expect(replacements).toHaveLength(8);
    expect(replacements.every((r) => r.operator === "replace")).toBe(true);
    expect(JSON.stringify(session.toState())).not.toContain("sk-proj");
  });

  it("uses English labels when asked", () => {
    const session = new Session({ language: "en" });
    const { text } = pseudonymize(letter, entitiesFor(letter, spans), session);
    expect(text).toContain("Beste [PERSON_1],");
    expect(text).toContain("[PHONE_1]");
    expect(text).toContain("[DATE_OF_BIRTH_1]");
    expect(text).toContain("[SECRET_1]");
  });

  it("applies mask, generalise, keep and drop per type", () => {
    const session = new Session();
    const { text } = pseudonymize(letter, entitiesFor(letter, spans), session, {
      operators: {
        IBAN: "mask",
        PHONE: "mask",
        DATE_OF_BIRTH: "generalise",
        POSTCODE: "generalise",
        ADDRESS: "generalise",
        PERSON: "keep",
        SECRET: "mask",
      },
    });
    expect(text).toBe(`Beste Jan de Vries,

Uw IBAN NL** **** **** **43 00 is genoteerd. Mevrouw De Vries belde vanaf 06-****5678.
Geboren 1985, postcode 1234, Kerkstraat. API-sleutel sk-proj-****.`);
    expect(session.size).toBe(0);
    const dropped = pseudonymize(
      "Bel 06-12345678 nu",
      entitiesFor("Bel 06-12345678 nu", [["PHONE", "06-12345678"]]),
      session,
      {
        operators: { PHONE: "drop" },
      },
    );
    expect(dropped.text).toBe("Bel  nu");
  });

  it("generalises a date of birth into an age band", () => {
    const text = "Geboortedatum: 12 maart 1986.";
    const { text: out } = pseudonymize(text, entitiesFor(text, [["DATE_OF_BIRTH", "12 maart 1986"]]), new Session(), {
      operators: { DATE_OF_BIRTH: "generalise" },
      birthDate: "ageBand",
      // One day before the 40th birthday.
      today: new Date(2026, 2, 11),
    });
    expect(out).toBe("Geboortedatum: 30-39 jaar.");
  });

  it("falls back to a placeholder when a birth date cannot be read", () => {
    const text = "geboren: ergens in de lente";
    const { text: out } = pseudonymize(
      text,
      entitiesFor(text, [["DATE_OF_BIRTH", "ergens in de lente"]]),
      new Session(),
      {
        operators: { DATE_OF_BIRTH: "generalise" },
      },
    );
    expect(out).toBe("geboren: [GEBOORTEDATUM_1]");
  });

  it("generalises amounts into ranges when the policy says so", () => {
    const text = "Salaris € 3.450,00 per maand, bonus 12.000 euro, factuur EUR 99,-.";
    const { text: out, replacements } = pseudonymize(text, [], new Session(), { amounts: "generalise" });
    expect(out).toBe("Salaris EUR 1.000-5.000 per maand, bonus EUR 10.000-50.000, factuur EUR 0-100.");
    expect(replacements.map((r) => r.type)).toEqual(["AMOUNT", "AMOUNT", "AMOUNT"]);
    expect(pseudonymize(text, [], new Session()).text).toBe(text);
  });

  it("rejects policies that would leak a secret or make no sense", () => {
    expect(() => pseudonymize("x", [], new Session(), { operators: { SECRET: "keep" } })).toThrow(PolicyError);
    expect(() => pseudonymize("x", [], new Session(), { operators: { IBAN: "generalise" } })).toThrow(PolicyError);
  });

  it("keeps consistent placeholders across the messages of a conversation", () => {
    const session = new Session();
    const m1 = "Offerte voor Anna Bakker, anna@bakker.nl";
    const m2 = "Stuur het naar anna@bakker.nl en bel Bakker.";
    const out1 = pseudonymize(
      m1,
      entitiesFor(m1, [
        ["PERSON", "Anna Bakker"],
        ["EMAIL", "anna@bakker.nl"],
      ]),
      session,
    );
    const out2 = pseudonymize(
      m2,
      entitiesFor(m2, [
        ["EMAIL", "anna@bakker.nl"],
        ["PERSON", "Bakker"],
      ]),
      session,
    );
    expect(out1.text).toBe("Offerte voor [PERSOON_1], [EMAIL_1]");
    expect(out2.text).toBe("Stuur het naar [EMAIL_1] en bel [PERSOON_1].");
  });

  it("never confuses a placeholder the user typed with a real one", () => {
    const session = new Session();
    const text = "Vervang [PERSOON_1] en PERSOON_2 door Karel Smit.";
    const { text: out } = pseudonymize(text, entitiesFor(text, [["PERSON", "Karel Smit"]]), session);
    expect(out).toBe("Vervang [PERSOON_1] en PERSOON_2 door [PERSOON_3].");
    expect(restore(out, session)).toBe(text);
    expect(restore("[PERSOON_1], [PERSOON_2], [PERSOON_3]", session)).toBe("[PERSOON_1], [PERSOON_2], Karel Smit");
  });

  it("rejects entities outside the text and skips overlapping ones", () => {
    const e = (start: number, end: number): Entity => ({ type: "PERSON", start, end, score: 1, recognizer: "t" });
    expect(() => pseudonymize("abc", [e(1, 5)], new Session())).toThrow(RangeError);
    expect(pseudonymize("abcdef", [e(0, 3), e(2, 5)], new Session()).text).toBe("[PERSOON_1]def");
  });
});

// Round trip: any text, any non-overlapping entities (secrets excluded: never reversible).
const reversibleTypes = ENTITY_TYPES.filter((t) => t !== "SECRET");
const textAndEntities = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom("[PERSOON_1]", "PERSOON_2", "[ persoon 3 ]", "%5BEMAIL_1%5D", "[", "]", "_1", "é", "😀"),
      ),
      { maxLength: 20 },
    ),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...reversibleTypes)), { maxLength: 8 }),
  )
  .map(([parts, raw]) => {
    const text = parts.join("");
    const entities: Entity[] = [];
    const sorted = raw
      .map(([s, len, type]) => ({ start: text.length ? s % text.length : 0, len: len + 1, type }))
      .sort((a, b) => a.start - b.start);
    let end = 0;
    for (const r of sorted) {
      const e = Math.min(text.length, r.start + r.len);
      if (r.start < end || e <= r.start) continue;
      entities.push({ type: r.type, start: r.start, end: e, score: 1, recognizer: "prop" });
      end = e;
    }
    return { text, entities };
  });

describe("round trip", () => {
  it("restore(pseudonymize(x)) === x for exact sessions", () => {
    fc.assert(
      fc.property(textAndEntities, ({ text, entities }) => {
        const session = new Session({ mergeVariants: false });
        const out = pseudonymize(text, entities, session);
        expect(restore(out.text, session)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("with merged variants, restores each entity as its placeholder's chosen form", () => {
    fc.assert(
      fc.property(textAndEntities, ({ text, entities }) => {
        const session = new Session();
        const out = pseudonymize(text, entities, session);
        let expected = "";
        let cursor = 0;
        for (const [i, e] of entities.entries()) {
          const placeholder = out.replacements[i]?.output as string;
          expected += text.slice(cursor, e.start) + restore(placeholder, session);
          cursor = e.end;
        }
        expected += text.slice(cursor);
        expect(restore(out.text, session)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
