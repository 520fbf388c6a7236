import { describe, expect, it } from "vitest";
import { parsePersonName } from "./person-names.js";
import { restore } from "./restore.js";
import { Session } from "./session.js";

describe("parsePersonName", () => {
  it.each([
    ["Jan de Vries", { given: ["jan"], initials: "j", surname: "de vries", single: null }],
    ["J. de Vries", { given: [], initials: "j", surname: "de vries", single: null }],
    ["J.de Vries", { given: [], initials: "j", surname: "de vries", single: null }],
    ["J.P. van der Berg", { given: [], initials: "jp", surname: "van der berg", single: null }],
    ["De Vries", { given: [], initials: "", surname: "de vries", single: null }],
    ["Jan", { given: [], initials: "", surname: null, single: "jan" }],
    ["Özil Yılmaz", { given: ["ozil"], initials: "o", surname: "yılmaz", single: null }],
  ])("parses %s", (value, expected) => {
    expect(parsePersonName(value)).toEqual(expected);
  });
});

describe("Session", () => {
  it("counts a revision for every change to its state, and none for a value it knows", () => {
    const s = new Session();
    expect(s.revision).toBe(0);
    s.placeholderFor("EMAIL", "a@b.nl");
    expect(s.revision).toBe(1);
    s.placeholderFor("EMAIL", "A@B.NL");
    expect(s.revision).toBe(1);
    s.placeholderFor("PERSON", "De Vries");
    const merged = s.revision;
    s.placeholderFor("PERSON", "Jan de Vries");
    expect(s.revision).toBeGreaterThan(merged);
    const reserved = s.revision;
    s.reserve("TELEFOON", "7");
    expect(s.revision).toBeGreaterThan(reserved);
    const again = s.revision;
    s.reserve("TELEFOON", "7");
    s.reserve("EMAIL", "1");
    expect(s.revision).toBe(again);
    s.issueUnrestorable("SECRET");
    expect(s.revision).toBe(again + 1);
    expect(Session.fromState(s.toState()).revision).toBe(0);
  });

  it("numbers per type and keeps a value's placeholder", () => {
    const s = new Session();
    expect(s.placeholderFor("PERSON", "Anna Bakker")).toBe("[PERSOON_1]");
    expect(s.placeholderFor("EMAIL", "a@b.nl")).toBe("[EMAIL_1]");
    expect(s.placeholderFor("PERSON", "Karel Smit")).toBe("[PERSOON_2]");
    expect(s.placeholderFor("PERSON", "anna  BAKKER")).toBe("[PERSOON_1]");
    expect(s.placeholderFor("EMAIL", "A@B.NL")).toBe("[EMAIL_1]");
    expect(s.placeholderFor("ORGANIZATION", "Bakkerij Smit")).toBe("[ORGANISATIE_1]");
  });

  it("gives variants of one person one placeholder", () => {
    const s = new Session();
    const p = s.placeholderFor("PERSON", "Jan de Vries");
    for (const variant of ["De Vries", "de vries", "J. de Vries", "J.de Vries", "Jan", "DE VRIES"]) {
      expect(s.placeholderFor("PERSON", variant), variant).toBe(p);
    }
    expect(restore(p, s)).toBe("Jan de Vries");
  });

  it("links a short form seen first and restores the fullest form", () => {
    const s = new Session();
    const p = s.placeholderFor("PERSON", "De Vries");
    expect(s.placeholderFor("PERSON", "Jan de Vries")).toBe(p);
    expect(restore(p, s)).toBe("Jan de Vries");
  });

  it("never merges two fully named people with the same surname", () => {
    const s = new Session();
    const jan = s.placeholderFor("PERSON", "Jan de Vries");
    const piet = s.placeholderFor("PERSON", "Piet de Vries");
    expect(piet).not.toBe(jan);
    // Now `De Vries` or `J. de Vries` alone is ambiguous for `J.` only when two J's exist.
    expect(s.placeholderFor("PERSON", "P. de Vries")).toBe(piet);
    const jeroen = s.placeholderFor("PERSON", "Jeroen de Vries");
    expect(jeroen).not.toBe(jan);
    const ambiguous = s.placeholderFor("PERSON", "J. de Vries");
    expect([jan, piet, jeroen]).not.toContain(ambiguous);
  });

  it("does not link a lone first name that two people share", () => {
    const s = new Session();
    const a = s.placeholderFor("PERSON", "Jan de Vries");
    const b = s.placeholderFor("PERSON", "Jan Bakker");
    expect(b).not.toBe(a);
    const jan = s.placeholderFor("PERSON", "Jan");
    expect([a, b]).not.toContain(jan);
  });

  it("merges phone and IBAN spellings, or keeps them apart without mergeVariants", () => {
    const merged = new Session();
    expect(merged.placeholderFor("PHONE", "06-12345678")).toBe(merged.placeholderFor("PHONE", "+31 6 1234 5678"));
    expect(merged.placeholderFor("IBAN", "NL91 ABNA 0417 1643 00")).toBe(
      merged.placeholderFor("IBAN", "nl91abna0417164300"),
    );
    const exact = new Session({ mergeVariants: false });
    expect(exact.placeholderFor("PHONE", "06-12345678")).not.toBe(exact.placeholderFor("PHONE", "0612345678"));
    expect(exact.placeholderFor("PERSON", "Jan de Vries")).not.toBe(exact.placeholderFor("PERSON", "De Vries"));
  });

  it("skips numbers the user typed and does not let them resolve", () => {
    const s = new Session();
    s.reserve("PERSOON", "1");
    s.reserve("persoon", "3");
    expect(s.placeholderFor("PERSON", "Anna Bakker")).toBe("[PERSOON_2]");
    expect(s.placeholderFor("PERSON", "Karel Smit")).toBe("[PERSOON_4]");
    expect(s.resolve("PERSOON", "1")).toBeUndefined();
    expect(s.resolve("PERSOON", "2")).toBe("Anna Bakker");
  });

  it("survives a trip through its JSON state", () => {
    const s = new Session({ language: "en" });
    s.reserve("PERSON", "1");
    s.placeholderFor("PERSON", "Jan de Vries");
    s.placeholderFor("IBAN", "NL91ABNA0417164300");
    const copy = Session.fromState(JSON.parse(JSON.stringify(s.toState())));
    expect(copy.id).toBe(s.id);
    expect(copy.placeholderFor("PERSON", "De Vries")).toBe("[PERSON_2]");
    expect(copy.placeholderFor("PERSON", "Karel Smit")).toBe("[PERSON_3]");
    expect(copy.placeholderFor("IBAN", "NL91 ABNA 0417 1643 00")).toBe("[IBAN_1]");
    expect(restore("[PERSON_2] [IBAN_1] [PERSON_1]", copy)).toBe("Jan de Vries NL91ABNA0417164300 [PERSON_1]");
  });

  it("issues secret placeholders that can never be restored", () => {
    const s = new Session();
    const p = s.issueUnrestorable("SECRET");
    expect(p).toBe("[GEHEIM_1]");
    expect(restore(p, s)).toBe(p);
    expect(JSON.stringify(s.toState())).not.toContain('value":"sk');
  });
});
