import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detect } from "../../analyzer.js";
import { foldText } from "../../normalize.js";
import { FIRST_NAMES_PACKED } from "./data/first-names.js";
import { gluedAfter, gluedBefore, scanPersons } from "./person.js";

/** PERSON spans found by the whole detector, as text. */
function persons(text: string): string[] {
  return detect(text, { types: ["PERSON"] }).map((e) => text.slice(e.start, e.end));
}

/** Candidates straight from the recognizer (no threshold), for score checks. */
function scores(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of scanPersons({ text, folded: foldText(text) })) out[text.slice(c.start, c.end)] = c.score;
  return out;
}

describe("PERSON: titles and salutations", () => {
  it.each([
    ["Geachte heer Brinkhorst,", "Brinkhorst"],
    ["Geachte mevrouw Van der Zee-Hoogland,", "Van der Zee-Hoogland"],
    ["Beste Marieke,", "Marieke"],
    ["Hoi Tjitske, kun je even kijken?", "Tjitske"],
    ["Dear Mr. Okonkwo,", "Okonkwo"],
    ["Sehr geehrte Frau Schneider,", "Schneider"],
    ["Overdracht: mevr. Bakker (kamer 4) sliep goed.", "Bakker"],
    ["Verwezen door dr. P.H. de Bruijn.", "P.H. de Bruijn"],
    ["Afspraak met dhr. van Oosterhout om 10 uur.", "van Oosterhout"],
    ["Goedemorgen Wubbo Nijboer,", "Wubbo Nijboer"],
  ])("%s -> %s (title not in span)", (text, name) => {
    expect(persons(text)).toEqual([name]);
  });

  it("scores a title or salutation as strong evidence", () => {
    expect(scores("Geachte heer Ramcharan,")["Ramcharan"]).toBeGreaterThanOrEqual(0.85);
  });
});

describe("PERSON: gazetteer names, tussenvoegsels, initials, double names", () => {
  it.each([
    ["Ik heb vanochtend met Herman Brinkhorst gesproken.", "Herman Brinkhorst"],
    ["De sleutel is opgehaald door Mohammed el Idrissi gisteren.", "Mohammed el Idrissi"],
    ["Het dossier van Rachid in 't Veld is compleet.", "Rachid in 't Veld"],
    ["Zie het verslag van J.W.M. van Oosterhout hierover.", "J.W.M. van Oosterhout"],
    ["Ondertekend door A.B.C. Jansen te Zwolle.", "A.B.C. Jansen"],
    ["Volgens J. de Vries klopt het bedrag.", "J. de Vries"],
    ["Contact loopt via Noah Janssens-de Groot voortaan.", "Noah Janssens-de Groot"],
    ["Het contract is voor Ingeborg Tammes-Wijnhoven bestemd.", "Ingeborg Tammes-Wijnhoven"],
    ["Morgen komt Bart-Jan Kloosterboer langs.", "Bart-Jan Kloosterboer"],
    ["Gisteren belde Ayşe Öztürk over haar factuur.", "Ayşe Öztürk"],
    ["We spraken Katarzyna Wiśniewska op de beurs.", "Katarzyna Wiśniewska"],
    ["Het verzoek van Rebecca O'Neill ligt bij finance.", "Rebecca O'Neill"],
  ])("%s -> %s", (text, name) => {
    expect(persons(text)).toEqual([name]);
  });

  it("scores first name + surname as strong without context", () => {
    expect(scores("Gisteren is Femke Ruitenberg langs geweest.")["Femke Ruitenberg"]).toBeGreaterThanOrEqual(0.85);
  });
});

describe("PERSON: signatures, form fields, lists, phrases", () => {
  it("finds names in sign-offs on the next or same line", () => {
    expect(persons("Dank voor je bericht.\n\nMet vriendelijke groet,\nGjalt Oldenkamp\nAccountmanager")).toEqual([
      "Gjalt Oldenkamp",
    ]);
    expect(persons("Tot morgen.\n\nGroet, Tomasz")).toEqual(["Tomasz"]);
    expect(persons("Please find the invoice attached.\n\nKind regards,\nWilma Okafor")).toEqual(["Wilma Okafor"]);
    expect(persons("Alles is geregeld. Met groet, Sjoerd Hiemstra")).toEqual(["Sjoerd Hiemstra"]);
  });

  it("finds form-field values", () => {
    const text = "Naam: Dewi Soeripto\nWerknemer: Lieuwe Kingma\nT.a.v. de heer R. Ramcharan\nHuisarts: dr. Anouk Tjon";
    expect(persons(text)).toEqual(["Dewi Soeripto", "Lieuwe Kingma", "R. Ramcharan", "Anouk Tjon"]);
  });

  it("finds every name in a list of attendees", () => {
    const text = "Aanwezig: Gerrit Jan Blaauw, Femke Ruitenberg, Youssef Amrani en Lieke\nAfwezig: Thomas";
    expect(persons(text)).toEqual(["Gerrit Jan Blaauw", "Femke Ruitenberg", "Youssef Amrani", "Lieke", "Thomas"]);
  });

  it("finds lone first names when the sentence supports it", () => {
    expect(persons("Kun jij Ilse even bellen over de factuur?")).toEqual(["Ilse"]);
    expect(persons("Actie: Wessel belt de leverancier.")).toEqual(["Wessel"]);
    expect(persons("@Thijmen kun je dit oppakken?")).toEqual(["Thijmen"]);
    expect(persons("Mijn naam is Priscilla en ik heb een vraag.")).toEqual(["Priscilla"]);
    expect(persons("Mijn collega Hidde neemt het over.")).toEqual(["Hidde"]);
  });
});

describe("PERSON: negatives", () => {
  it.each([
    "De bakker op de hoek is weer open; de visser en de koster ook.",
    "We leveren op 3 jan. 2024 en verder in Jan 2025.",
    "Dank voor je bericht. Graag hoor ik van je. Zoals besproken sturen we het. Bedankt!",
    "Goedemiddag,\n\nIk heb een vraag over mijn factuur.",
    "Vraag aan [PERSOON_1] en [KLANT_A]: gaat dit door?",
    "Bezoek op Laan van Meerdervoort 12 in Den Haag.",
    "Wij gebruiken Microsoft 365, Google Workspace en ChatGPT; de Autoriteit Persoonsgegevens adviseert.",
    "Offerte Nieuwe Keuken\nOmschrijving: Eiken Werkblad\nStatus: In Behandeling\nCategorie: Facturatie",
    "Accountmanager\nProjectleider\nDinsdag Woensdag Donderdag",
    "DATABASE_URL=postgres://app:Winter!2025@db.internal:5432/shop",
    "Chamber of Commerce 12345678",
  ])("no person in %j", (text) => {
    expect(persons(text)).toEqual([]);
  });

  it("leaves a surname inside a company name to the organisation", () => {
    const text = "De offerte voor Installatiebedrijf Hoekstra en Bakkerij Van Dijk B.V. is verstuurd.";
    expect(persons(text)).toEqual([]);
    const org = detect(text, { types: ["ORGANIZATION"] }).map((e) => text.slice(e.start, e.end));
    expect(org).toEqual(["Installatiebedrijf Hoekstra", "Bakkerij Van Dijk B.V."]);
  });

  it("keeps ordinary capitalised words below the threshold", () => {
    expect(scores("Eiken Werkblad")["Eiken Werkblad"] ?? 0).toBeLessThan(0.5);
  });
});

describe("PERSON: property", () => {
  const firsts = [
    ...new Set(
      FIRST_NAMES_PACKED.split(/\s+/)
        .filter((w) => /^[a-z]{3,}$/.test(w))
        .slice(0, 400),
    ),
  ].map((w) => w[0]!.toUpperCase() + w.slice(1));
  const surnames = ["Jansen", "Hoekstra", "Nowak", "Yılmaz", "Ramdin", "Kloosterboer", "Tjong", "Haverkort", "Ouali"];
  const particles = ["", "van ", "de ", "van der ", "van den ", "ter ", "in 't ", "el "];
  const contexts: [string, string][] = [
    ["Beste ", ",\n\nDank voor je mail."],
    ["Gesprek met dhr. ", " over de levering."],
    ["Tot snel.\n\nMet vriendelijke groet,\n", "\nAdviseur"],
  ];

  it("finds a generated name after Beste, dhr. or in a signature with exact offsets", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...firsts),
        fc.constantFrom(...particles),
        fc.constantFrom(...surnames),
        fc.constantFrom(...contexts),
        (first, particle, surname, [pre, post]) => {
          const name = `${first} ${particle}${surname}`;
          const text = `${pre}${name}${post}`;
          const found = detect(text, { types: ["PERSON"] });
          expect(found.map((e) => [e.start, e.end])).toEqual([[pre.length, pre.length + name.length]]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("PERSON: Dutch record conventions", () => {
  it.each([
    // Initials with the call name in brackets, as HR and medical records write them.
    ["Gesprek met E.M. (Els) van den Berg over haar contract.", ["E.M. (Els) van den Berg"]],
    ["Patiënt: J.H. (Hans) Visser, geboren 1961.", ["J.H. (Hans) Visser"]],
    ["Aanwezig: drs. W.F.M. (Wim) Korteweg en Bram Oudshoorn", ["W.F.M. (Wim) Korteweg", "Bram Oudshoorn"]],
    ["Dhr. J. (Jan) belde over de offerte.", ["J. (Jan)"]],
    ["Overleden: dhr. Cornelis Johannes (Kees) van der Wal.", ["Cornelis Johannes (Kees) van der Wal"]],
    ["Gesprek met Koen (Marketing) over de campagne.", ["Koen"]],
    // Surnames that are also street words or places, after a first name, initials or `van`.
    ["Met vriendelijke groet,\nOlga van der Laan", ["Olga van der Laan"]],
    ["Afspraak met Corine ter Laan om 10 uur.", ["Corine ter Laan"]],
    ["Notulist: Bram Westerveld", ["Bram Westerveld"]],
    ["Gesprek met Jan van Delft over de offerte.", ["Jan van Delft"]],
    ["Mevrouw Van Veenendaal belde.", ["Van Veenendaal"]],
    ["Zie het verslag van J.W.M. van Oosterhout hierover.", ["J.W.M. van Oosterhout"]],
    // A `van` before initials or a first name is a preposition, not part of the name.
    ["Brief van J. Westerveld ontvangen.", ["J. Westerveld"]],
    ["Verslag van Petra de Boer is klaar.", ["Petra de Boer"]],
    // A chat message opening with the addressee, even an ambiguous name like Jan.
    ["Jan ik heb de gegevens voor je.", ["Jan"]],
    ["Anna je moet morgen de klant bellen.", ["Anna"]],
    ["Wil, je bent te laat voor de vergadering.", ["Wil"]],
    // An exclamation mark after a greeting's name is punctuation, not part of a password.
    ["Hoi Femke! Kan jij de sleutels ophalen?", ["Femke"]],
    ["Hallo Femke!!", ["Femke"]],
    // Family words work like titles.
    ["Jullie klant, de familie Van den Broek aan de Dorpsstraat 14a in Zeist.", ["Van den Broek"]],
    ["De fam. Yilmaz heeft betaald.", ["Yilmaz"]],
    // The last letter of a plate or code is no name and no brand (`X`).
    ["De bus met kenteken HP-361-X van Annemiek Roelofs is aangereden.", ["Annemiek Roelofs"]],
  ])("%j", (text, expected) => {
    expect(persons(text)).toEqual(expected);
  });

  it.each([
    "Kantoor: Laan van Meerdervoort 1120, Den Haag",
    "Ze woont op de Kerkweg 12 in Zwolle.",
    "Vestiging Den Haag is vandaag dicht.",
    "Zie bijlage B. (Contract) van de offerte.",
    // A first name that is also a verb, opening a question: `Wil je`, `Ben je`, `Mark je`.
    "Wil je een nette offertebrief schrijven voor de klant?",
    "Ben je er morgen bij?",
    "Mark je de factuur als betaald?",
  ])("no person in %j", (text) => {
    expect(persons(text)).toEqual([]);
  });
});

describe("glue checks by character codes", () => {
  // The regexes they replace, as the reference.
  const GLUED_AFTER = /^(?:[\d#$%&*+=/\\|~^<>[\]{}_]|![^\s"')!?.]|-\d)/;
  const GLUED_BEFORE = /(?:[\p{L}\d][:=/._#\\]|[/#_\\$%])$/u;
  const chars = fc.constantFrom(..."aZ09 \n\t,.!?-:=/_#\\$%&@\"')(é\u00a0\ud83d\ude00ж");

  it("gluedAfter agrees with its regex (property)", () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 6 }), fc.nat(6), (list, at) => {
        const text = list.join("");
        const end = Math.min(at, text.length);
        const expected =
          end < text.length &&
          ![32, 10, 44].includes(text.charCodeAt(end)) &&
          GLUED_AFTER.test(text.slice(end, end + 2));
        expect(gluedAfter(text, end)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("gluedBefore agrees with its regex (property)", () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 6 }), fc.nat(6), (list, at) => {
        const text = list.join("");
        const start = Math.min(at, text.length);
        const expected =
          start > 0 &&
          ![32, 10].includes(text.charCodeAt(start - 1)) &&
          GLUED_BEFORE.test(text.slice(Math.max(0, start - 2), start));
        expect(gluedBefore(text, start)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
