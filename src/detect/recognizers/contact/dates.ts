/**
 * Calendar dates as people write them in Dutch and English: `08/02/1968`, `18-3-2004`,
 * `1981-10-17`, `6 juni 2002`, `18 dec. 1992`, `June 6, 2002`, `6th of June 2002`.
 */

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  febr: 2,
  february: 2,
  maart: 3,
  mrt: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augustus: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const MONTH_NAME =
  "(?:januari|january|februari|february|maart|march|april|mei|may|juni|june|juli|july|augustus|august|september|oktober|october|november|december|jan|febr|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec)";

/**
 * One date at the start of the (folded) input. Groups: d/m/y numeric, ISO y-m-d,
 * day + month name + year, month name + day + year.
 */
export const DATE_AT_START = new RegExp(
  "^(?:" +
    "(?<d1>\\d{1,2})(?<sep>[-/.])(?<m1>\\d{1,2})\\k<sep>(?<y1>\\d{4}|\\d{2})(?![\\d])" +
    "|(?<y2>\\d{4})-(?<m2>\\d{1,2})-(?<d2>\\d{1,2})(?![\\d])" +
    `|(?<d3>\\d{1,2})(?:e|ste|de|st|nd|rd|th)?(?: of)? (?<mn3>${MONTH_NAME})\\.?,? (?<y3>\\d{4})(?![\\d])` +
    `|(?<mn4>${MONTH_NAME})\\.? (?<d4>\\d{1,2})(?:st|nd|rd|th)?,? (?<y4>\\d{4})(?![\\d])` +
    ")",
);

export interface ParsedDate {
  year: number;
  month: number;
  day: number;
  /** Length of the date text. */
  length: number;
}

function fullYear(y: string, now: Date): number {
  if (y.length === 4) return Number(y);
  const two = Number(y);
  const century = now.getFullYear() % 100 >= two ? 2000 : 1900;
  return century + two;
}

/** A real calendar date (no 31 February), between 1900 and `now`. */
export function isPastCalendarDate(year: number, month: number, day: number, now: Date): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return false;
  return probe.getTime() <= now.getTime();
}

/** Parse the date at the start of `folded` (lower-case text), or null. */
export function parseDateAtStart(folded: string, now: Date): ParsedDate | null {
  const m = DATE_AT_START.exec(folded);
  if (m === null || m.groups === undefined) return null;
  const g = m.groups;
  let year: number;
  let month: number;
  let day: number;
  if (g.d1 !== undefined) {
    [day, month, year] = [Number(g.d1), Number(g.m1), fullYear(g.y1 as string, now)];
  } else if (g.y2 !== undefined) {
    [year, month, day] = [Number(g.y2), Number(g.m2), Number(g.d2)];
  } else if (g.d3 !== undefined) {
    [day, month, year] = [Number(g.d3), MONTHS[g.mn3 as string] ?? 0, Number(g.y3)];
  } else {
    [day, month, year] = [Number(g.d4), MONTHS[g.mn4 as string] ?? 0, Number(g.y4)];
  }
  if (!isPastCalendarDate(year, month, day, now)) return null;
  return { year, month, day, length: m[0].length };
}
