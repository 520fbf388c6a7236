import { describe, expect, it } from "vitest";
import { detect } from "../../analyzer.js";
import { TRAILING_LEGAL_FORM } from "./organization.js";

function orgs(text: string): string[] {
  return detect(text, { types: ["ORGANIZATION"] }).map((e) => text.slice(e.start, e.end));
}

describe("ORGANIZATION: legal forms", () => {
  it.each([
    ["De factuur van Transport Meijering B.V. is betaald.", "Transport Meijering B.V."],
    ["Namens Aannemersbedrijf Gebr. Schuurman B.V. ontvangt u de offerte.", "Aannemersbedrijf Gebr. Schuurman B.V."],
    ["Opdrachtnemer: Klusbedrijf De Zaag V.O.F., gevestigd te Gouda.", "Klusbedrijf De Zaag V.O.F."],
    ["Betaling aan Timmerbedrijf Wessels & Zn. volgt.", "Timmerbedrijf Wessels & Zn."],
    ["Lid van Coöperatie De Eendracht U.A. sinds 2019.", "Coöperatie De Eendracht U.A."],
    ["We leveren aan Heuvelrug Metaal BV en nog twee anderen.", "Heuvelrug Metaal BV"],
    ["Contract met Nordwind Logistik GmbH getekend.", "Nordwind Logistik GmbH"],
    ["De aandelen van Jansen Holding B.V. zijn verkocht.", "Jansen Holding B.V."],
  ])("%s -> %s", (text, org) => {
    expect(orgs(text)).toEqual([org]);
  });
});

describe("ORGANIZATION: sector heads and labels", () => {
  it.each([
    ["Bezoekverslag Installatiebedrijf Brouwers (Dorpsstraat 3).", "Installatiebedrijf Brouwers"],
    ["Verwezen door Fysiotherapie Centrum Noord.", "Fysiotherapie Centrum Noord"],
    ["De kapsters van Kapsalon Haarmode zijn tevreden.", "Kapsalon Haarmode"],
    ["We stuurden Stichting Vrienden van het Hospice een bedankje.", "Stichting Vrienden van het Hospice"],
    ["Loodgietersbedrijf Pijpers belt terug.", "Loodgietersbedrijf Pijpers"],
    ["Zaak: Jansen Installatietechniek tegen de gemeente.", "Jansen Installatietechniek"],
    ["Ik werk bij De Vries Bouw in Amersfoort.", "De Vries Bouw"],
    ["Klant: Zorgpunt Noord\nT.a.v. de administratie", "Zorgpunt Noord"],
  ])("%s -> %s", (text, org) => {
    expect(orgs(text)).toEqual([org]);
  });

  it("keeps a person next to a firm apart from it", () => {
    const text = "Gebeld met Roel Vos van Transport Dijkstra B.V. over de levering.";
    const found = detect(text, { types: ["PERSON", "ORGANIZATION"] }).map((e) => [e.type, text.slice(e.start, e.end)]);
    expect(found).toEqual([
      ["PERSON", "Roel Vos"],
      ["ORGANIZATION", "Transport Dijkstra B.V."],
    ]);
  });
});

describe("ORGANIZATION: negatives", () => {
  it.each([
    "We gebruiken Microsoft B.V., Google Ireland Ltd en OpenAI voor de chat.",
    "Betaald via ING en Rabobank; aangifte bij de Belastingdienst en het UWV.",
    "Pakket via PostNL, besteld bij Bol.com, boekhouding in Exact en AFAS.",
    "De klantenservice is bereikbaar op werkdagen.",
    "Het kantoor is dicht. De praktijk opent om negen uur.",
    "Fleur Bakker en Tessa Oosterhuis-Kleinjan zijn collega's.",
  ])("no customer organisation in %j", (text) => {
    expect(orgs(text)).toEqual([]);
  });
});

describe("TRAILING_LEGAL_FORM", () => {
  it("matches written legal forms at a position and not inside words", () => {
    const at = (text: string, index: number): string | null => {
      TRAILING_LEGAL_FORM.lastIndex = index;
      return TRAILING_LEGAL_FORM.exec(text)?.[0] ?? null;
    };
    expect(at("Jansen B.V. te Ede", 6)).toBe(" B.V.");
    expect(at("Jansen BV", 6)).toBe(" BV");
    expect(at("Kuipers & Zn.", 7)).toBe(" & Zn.");
    expect(at("Jansen Bvba-achtig", 6)).toBeNull();
    expect(at("Jansen Bvlaan", 6)).toBeNull();
  });
});

describe("ORGANIZATION: a family name with a business word", () => {
  it.each([
    ["Klant: Kuiper Administratie N.V.\nContactpersoon: Kim Bos", "Kuiper Administratie N.V."],
    ["Klant: Van Leeuwen Logistiek BV", "Van Leeuwen Logistiek BV"],
    ["Opdracht van Van Leeuwen Logistiek BV ontvangen.", "Van Leeuwen Logistiek BV"],
    ["Offerte voor Van der Meulen Opleidingen over de cursus.", "Van der Meulen Opleidingen"],
    ["Klant: Van der Meulen Opleidingen", "Van der Meulen Opleidingen"],
    ["Bespreking met Anna de Vries Coaching over de campagne.", "Anna de Vries Coaching"],
    ["Gisteren belde Jansen Bouw terug.", "Jansen Bouw"],
    ["Kun jij Wilma bellen van Bloemisterij De Tulp?", "Bloemisterij De Tulp"],
    ["De jaarcijfers komen van Hoekstra Accountants.", "Hoekstra Accountants"],
  ])("%j -> %s", (text, org) => {
    expect(orgs(text)).toEqual([org]);
    // The family name is part of the firm, not a person beside it.
    const at = text.indexOf(org);
    const found = detect(text, { types: ["PERSON", "ORGANIZATION"] });
    expect(found.some((e) => e.type === "PERSON" && e.start < at + org.length && e.end > at)).toBe(false);
  });

  it("keeps a signature's person and the firm apart", () => {
    const text = "Met vriendelijke groet,\nKees Jansen\nJansen Installatietechniek";
    const found = detect(text, { types: ["PERSON", "ORGANIZATION"] }).map((e) => [e.type, text.slice(e.start, e.end)]);
    expect(found).toEqual([
      ["PERSON", "Kees Jansen"],
      ["ORGANIZATION", "Jansen Installatietechniek"],
    ]);
  });
});
