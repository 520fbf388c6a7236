import { describe, expect, it } from "vitest";
import { findEmails } from "./email.js";

function emails(text: string): string[] {
  return findEmails(text).map((c) => text.slice(c.start, c.end));
}

describe("email recognizer", () => {
  it("finds plain addresses with exact offsets", () => {
    const text = "Mail naar pietje.puk@voorbeeld.nl voor info.";
    const [c] = findEmails(text);
    expect(c).toMatchObject({ type: "EMAIL", start: 10, end: 33, recognizer: "email" });
  });

  it("handles subdomains, plus-addressing, digits and hyphens", () => {
    expect(emails("a: j.de-boer+offerte@mail.klant-bedrijf.co.uk")).toEqual([
      "j.de-boer+offerte@mail.klant-bedrijf.co.uk",
    ]);
    expect(emails("SMTP_USER=info42@bakkerij.nl\n")).toEqual(["info42@bakkerij.nl"]);
  });

  it("accepts letters outside ASCII", () => {
    expect(emails("Stuur het naar jürgen.müller@bäckerei.de graag")).toEqual(["jürgen.müller@bäckerei.de"]);
  });

  it("leaves trailing punctuation and brackets out", () => {
    expect(emails("(info@firma.nl).")).toEqual(["info@firma.nl"]);
    expect(emails("<sanne@zorg.nl>, of bel")).toEqual(["sanne@zorg.nl"]);
    expect(emails("mail me at x@y.org.")).toEqual(["x@y.org"]);
    expect(emails("zie kees@firma.nl-")).toEqual([]);
  });

  it("rejects things that are not addresses", () => {
    expect(emails("@gebruiker op Twitter")).toEqual([]);
    expect(emails("prijs 5 @ 3 euro")).toEqual([]);
    expect(emails("naam@localhost")).toEqual([]);
    expect(emails("user@host.123")).toEqual([]);
    expect(emails("git@ en .jan@firma")).toEqual([]);
  });

  it("finds several addresses in one text", () => {
    expect(emails("a@b.nl,c@d.nl; e@f.nl")).toEqual(["a@b.nl", "c@d.nl", "e@f.nl"]);
  });
});
