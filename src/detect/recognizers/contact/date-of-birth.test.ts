import { describe, expect, it } from "vitest";
import { findDatesOfBirth } from "./date-of-birth.js";

const NOW = new Date(Date.UTC(2026, 10, 1));

function births(text: string): string[] {
  return findDatesOfBirth(text.toLowerCase(), NOW).map((c) => text.slice(c.start, c.end));
}

describe("date of birth recognizer", () => {
  it.each([
    ["Jan, geboren op 08/02/1968, woont", "08/02/1968"],
    ["werknemer, geboren 18-3-2004", "18-3-2004"],
    ["Geboortedatum: 1981-10-17", "1981-10-17"],
    ["zij is geboren op 6 juni 2002.", "6 juni 2002"],
    ["(geb. 18 dec. 1992)", "18 dec. 1992"],
    ["Date of birth: June 6, 2002", "June 6, 2002"],
    ["DOB 12/03/1980", "12/03/1980"],
    ["born on 6th of June 2002", "6th of June 2002"],
    ["geboren te Den Haag op 1 mei 1975", "1 mei 1975"],
    ["Geb.datum: 01.02.1990", "01.02.1990"],
    ["Geboortedatum:\n3 maart 1961", "3 maart 1961"],
  ])("finds the birth date in %j", (text, date) => {
    expect(births(text)).toEqual([date]);
  });

  it("reports offsets into the text", () => {
    const text = "Naam: A. Bakker, geb. 1-2-1970";
    expect(findDatesOfBirth(text.toLowerCase(), NOW)[0]).toMatchObject({ type: "DATE_OF_BIRTH", start: 22, end: 30 });
  });

  it("never reports ordinary dates or impossible ones", () => {
    expect(births("Factuurdatum 08-02-2024, vervaldatum 1 maart 2024")).toEqual([]);
    expect(births("geboren op 31-02-1980")).toEqual([]);
    expect(births("geboren op 12-12-2031")).toEqual([]);
    expect(births("geboren in 1980 en op 3 mei 2020 getrouwd")).toEqual([]);
    expect(births("ongeboren 12-03-1980")).toEqual([]);
  });
});
