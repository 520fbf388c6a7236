import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Candidate } from "../../types.js";
import { BIRTH_CUE, CUE_GAP, findDatesOfBirth } from "./date-of-birth.js";
import { parseDateAtStart } from "./dates.js";

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

describe("birth cue scan", () => {
  /** The scan of every position that findDatesOfBirth replaces. */
  function reference(folded: string, now: Date): Candidate[] {
    const out: Candidate[] = [];
    const cue = new RegExp(BIRTH_CUE.source, "g");
    for (let m = cue.exec(folded); m !== null; m = cue.exec(folded)) {
      const cueEnd = m.index + m[0].length;
      const window = folded.slice(cueEnd, cueEnd + 72);
      const gap = CUE_GAP.exec(window);
      const offset = gap === null ? 0 : gap[0].length;
      const date = parseDateAtStart(window.slice(offset), now);
      if (date === null) continue;
      const start = cueEnd + offset;
      out.push({ type: "DATE_OF_BIRTH", start, end: start + date.length, score: 0.95, recognizer: "date-of-birth" });
      cue.lastIndex = start + date.length;
    }
    return out;
  }

  it("finds what a scan of every position finds", () => {
    const now = new Date(Date.UTC(2026, 0, 1));
    const fragment = fc.constantFrom(
      "geboren",
      "geboortedatum",
      "geb. datum",
      "geb.",
      "geb ",
      "gebdatum",
      "ongeboren",
      "date of birth",
      "birthdate",
      "birth date",
      "born",
      "reborn",
      "d.o.b.",
      "dob",
      "d.ob",
      "do.b",
      "dob2",
      "b",
      "bb",
      "d",
      "date of ",
      " op ",
      " te den haag op ",
      ": ",
      " ",
      "\n",
      "12-03-1980",
      "6 juni 2002",
      "1 mei 1975",
      "31-02-1980",
      "18/3/04",
      "x",
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const folded = parts.join("");
        expect(findDatesOfBirth(folded, now)).toEqual(reference(folded, now));
      }),
      { numRuns: 5000 },
    );
  });
});
