import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { parseDateAtStart } from "./dates.js";

/**
 * Dates of birth: a real, past date shortly after a birth cue (`geboren op`, `geb.`,
 * `geboortedatum:`, `DOB`, `date of birth`, `born`). Ordinary dates are never reported.
 */

/** Birth cues in folded (lower-case, accent-free) text. */
export const BIRTH_CUE =
  /(?<![a-z])(?:geboren|geboortedatum|geb\.? ?datum|geb\.|geb(?= )|date of birth|birth ?date|born|d\.?o\.?b\.?(?![a-z]))/g;
/**
 * What may sit between the cue and the date: punctuation, `op`/`on`/`te X op`, a bracket.
 * No digits and at most one line break, so the cue belongs to this date.
 */
export const CUE_GAP =
  /^[ \t:;,(\-/]*(?:\r?\n[ \t]*)?(?:(?:te|in) [^\n\d]{1,40}? )?(?:(?:op|on|the|de|den)[ :]+)?(?=\d|[a-z]{3,9}\.? \d)/;

const WINDOW = 72;
const SCORE = 0.95;

/** BIRTH_CUE anchored at `lastIndex`. */
const BIRTH_CUE_AT = new RegExp(BIRTH_CUE.source, "y");
/** Every cue has a `b`, its first one at most this far in (`date of b`). */
const MAX_B_OFFSET = 8;
/** Where the first `b` of a cue can be, farthest first, so starts are tried in text order. */
const B_OFFSETS = [MAX_B_OFFSET, 4, 3, 2, 0] as const;

/**
 * A quick look around a `b` before trying the offsets one by one: `bir`/`bor` at it, or the `d`
 * or `g` a cue with its first `b` here starts with (`d` and `g` are 100 and 103).
 */
function mayFollowCueStart(folded: string, b: number): boolean {
  const before2 = folded.charCodeAt(b - 2);
  if (before2 === 100 || before2 === 103) return true;
  if (folded.charCodeAt(b - 3) === 100 || folded.charCodeAt(b - 4) === 100 || folded.charCodeAt(b - 8) === 100)
    return true;
  const next = folded.charCodeAt(b + 1);
  return (next === 105 || next === 111) && folded.charCodeAt(b + 2) === 114;
}

/**
 * Whether a cue may start at `start`, given that its first `b` is at `b`: the literal start of
 * each cue form with its `b` at that distance (`b` itself: `birth`, `born`; 2: `geb`, `dob`;
 * 3 and 4: `d.ob`, `do.b`, `d.o.b`; 8: `date of birth`). BIRTH_CUE decides the rest.
 */
function mayStartCue(folded: string, start: number, b: number): boolean {
  switch (b - start) {
    case 0:
      return folded.startsWith("born", start) || folded.startsWith("birth", start);
    case 2:
      return folded.startsWith("geb", start) || folded.startsWith("do", start);
    case 3:
    case 4: {
      const next = folded.charCodeAt(start + 1);
      return folded.charCodeAt(start) === 100 && (next === 46 || next === 111);
    }
    case MAX_B_OFFSET:
      return folded.startsWith("date of b", start);
    default:
      return false;
  }
}

/**
 * The dates of birth of a global scan with BIRTH_CUE that resumes after each date found. The cue
 * pattern is tried only a few characters before each `b` of the text (a rare letter that every
 * cue contains), where one of the cue forms could begin: the same matches as a scan of every
 * position, in the same order, for a fraction of the cost.
 */
export function findDatesOfBirth(folded: string, now: Date = new Date()): Candidate[] {
  const out: Candidate[] = [];
  // Starts below `from` are inside the last cue or date; starts below `tried` have been tried.
  let from = 0;
  let tried = 0;
  for (let b = folded.indexOf("b"); b >= 0; b = folded.indexOf("b", b + 1)) {
    if (!mayFollowCueStart(folded, b)) {
      tried = b + 1;
      continue;
    }
    for (const offset of B_OFFSETS) {
      const start = b - offset;
      if (start < from || start < tried || !mayStartCue(folded, start, b)) continue;
      BIRTH_CUE_AT.lastIndex = start;
      const m = BIRTH_CUE_AT.exec(folded);
      if (m === null) continue;
      const cueEnd = start + m[0].length;
      from = cueEnd;
      const window = folded.slice(cueEnd, cueEnd + WINDOW);
      const gap = CUE_GAP.exec(window);
      const skip = gap === null ? 0 : gap[0].length;
      const date = parseDateAtStart(window.slice(skip), now);
      if (date !== null) {
        const dateStart = cueEnd + skip;
        out.push({
          type: "DATE_OF_BIRTH",
          start: dateStart,
          end: dateStart + date.length,
          score: SCORE,
          recognizer: "date-of-birth",
        });
        from = dateStart + date.length;
      }
      // The match runs past this `b`: no other start before it is left.
      break;
    }
    tried = b + 1;
    // The next cue starts at `from` or later, and so does its first `b`.
    if (from > b + 1) b = from - 1;
  }
  return out;
}

export const dateOfBirthRecognizer: Recognizer = {
  name: "date-of-birth",
  types: ["DATE_OF_BIRTH"],
  scan: (input: ScanInput) => findDatesOfBirth(input.folded),
};
