import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Detector } from "../analyzer.js";
import { normalize } from "../normalize.js";
import { CustomerDictionary } from "./customer-dictionary.js";
import { inferType } from "./entries.js";

/** Scan through the detector, so overlapping variants are resolved as in real use. */
function scan(dictionary: CustomerDictionary, original: string): Array<[string, string, number]> {
  const detector = new Detector({ recognizers: [], extraRecognizers: [dictionary] });
  return detector
    .detect(original)
    .map((e) => [e.type, original.slice(e.start, e.end), e.score] as [string, string, number]);
}

const texts = (found: Array<[string, string, number]>) => found.map(([, t]) => t);

describe("CustomerDictionary", () => {
  const dictionary = new CustomerDictionary([
    "Mirjam van den Heuvel",
    { value: "Tegelhandel Oostwold B.V.", type: "ORGANIZATION" },
    "facturen@tegelhandel-oostwold.nl",
    "Zoë Kuipers",
    "Henk Timmer",
  ]);

  it("matches an exact entry case- and accent-insensitively", () => {
    expect(scan(dictionary, "Bel MIRJAM VAN DEN HEUVEL en zoe kuipers terug.")).toEqual([
      ["PERSON", "MIRJAM VAN DEN HEUVEL", 0.95],
      ["PERSON", "zoe kuipers", 0.95],
    ]);
  });

  it("matches initials and the surname with its particles", () => {
    const found = texts(scan(dictionary, "Gesproken met M. van den Heuvel; later belde Van den Heuvel zelf."));
    expect(found).toContain("M. van den Heuvel");
    expect(found).toContain("Van den Heuvel");
  });

  it("needs a capital for a bare surname, so ordinary words stay", () => {
    expect(scan(dictionary, "de timmer kwam vandaag")).toEqual([]);
    expect(texts(scan(dictionary, "Meneer Timmer kwam vandaag"))).toEqual(["Timmer"]);
  });

  it("matches only on word boundaries", () => {
    expect(scan(dictionary, "Henk Timmermans belde")).toEqual([]);
    expect(scan(dictionary, "xfacturen@tegelhandel-oostwold.nl")).toEqual([]);
    expect(scan(dictionary, "a.facturen@tegelhandel-oostwold.nl")).toEqual([]);
    expect(texts(scan(dictionary, "(facturen@tegelhandel-oostwold.nl)."))).toEqual([
      "facturen@tegelhandel-oostwold.nl",
    ]);
  });

  it("finds a name wrapped over two lines or with odd spaces", () => {
    expect(texts(scan(dictionary, "met Henk\nTimmer en Zoë\u00a0 Kuipers"))).toEqual([
      "Henk\nTimmer",
      "Zoë\u00a0 Kuipers",
    ]);
  });

  it("knows a company with and without its legal form", () => {
    const found = texts(scan(dictionary, "Tegelhandel Oostwold BV stuurt; Tegelhandel Oostwold B.V. betaalt."));
    expect(found).toContain("Tegelhandel Oostwold BV");
    expect(found).toContain("Tegelhandel Oostwold B.V.");
  });

  it("reports original offsets through the detector", () => {
    const detector = new Detector({ recognizers: [], extraRecognizers: [dictionary] });
    const text = "Beste\u200b Henk Timmer,";
    const [entity] = detector.detect(text);
    expect(entity).toMatchObject({ type: "PERSON", recognizer: "customer-dictionary" });
    expect(text.slice(entity?.start, entity?.end)).toBe("Henk Timmer");
  });

  it("is empty-safe", () => {
    const empty = new CustomerDictionary([]);
    expect(empty.size).toBe(0);
    expect(scan(empty, "Henk Timmer")).toEqual([]);
  });

  it("keeps one pattern per spelling and finds all of 10 000 entries", () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => `Klant${i} Achternaam${i}`);
    const big = new CustomerDictionary(entries);
    const found = texts(scan(big, "Vandaag: Klant9999 Achternaam9999, klant17 achternaam17 en klant1 achternaam12."));
    expect(found).toEqual(["Klant9999 Achternaam9999", "klant17 achternaam17"]);
  });
});

describe("inferType", () => {
  it("reads addresses, legal forms and names", () => {
    expect(inferType("iemand@voorbeeld.nl")).toBe("EMAIL");
    expect(inferType("Stichting Het Gouden Uur")).toBe("ORGANIZATION");
    expect(inferType("Loodgieter Berends B.V.")).toBe("ORGANIZATION");
    expect(inferType("Annelies Groen")).toBe("PERSON");
  });
});

describe("CustomerDictionary against a brute-force search (property)", () => {
  const word = fc.constantFrom("ab", "abc", "b", "ca", "x1", "Ab", "abcd", "bca", "x1y2", "cab");
  const separator = fc.constantFrom(" ", "  ", "\n", "-", ".", ", ", "\u0000");

  /** Every occurrence of `key` on word boundaries, reading each whitespace run as one space. */
  function naive(text: string, key: string): string[] {
    const folded = text.toLowerCase();
    let collapsed = "";
    const origin: number[] = [];
    for (let i = 0; i < folded.length; i++) {
      const ch = folded[i] as string;
      if (/\s/.test(ch)) {
        if (collapsed.endsWith(" ") || collapsed === "") continue;
        collapsed += " ";
      } else collapsed += ch;
      origin.push(i);
    }
    const isWord = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);
    const found: string[] = [];
    for (let at = collapsed.indexOf(key); at >= 0; at = collapsed.indexOf(key, at + 1)) {
      const start = origin[at] as number;
      const end = (origin[at + key.length - 1] as number) + 1;
      if (!isWord(folded[start - 1]) && !isWord(folded[end])) found.push(`${start}-${end}`);
    }
    return found;
  }

  it("finds exactly the whole-word occurrences of every entry", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ").toLowerCase()),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        fc.array(fc.tuple(word, separator), { maxLength: 20 }),
        (keys, parts) => {
          const text = parts.map(([w, s]) => w + s).join("");
          const dictionary = new CustomerDictionary(keys.map((value) => ({ value, type: "ORGANIZATION" as const })));
          const norm = normalize(text);
          const got = dictionary
            .scan({ text: norm.text, folded: norm.folded })
            .map((c) => `${c.start}-${c.end}`)
            .sort();
          // Entries shorter than two characters say too little and are left out.
          const want = keys
            .filter((k) => k.length >= 2)
            .flatMap((k) => naive(norm.text, k))
            .sort();
          expect(got).toEqual(want);
        },
      ),
    );
  });
});
