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

export function findDatesOfBirth(folded: string, now: Date = new Date()): Candidate[] {
  const out: Candidate[] = [];
  BIRTH_CUE.lastIndex = 0;
  for (let m = BIRTH_CUE.exec(folded); m !== null; m = BIRTH_CUE.exec(folded)) {
    const cueEnd = m.index + m[0].length;
    const window = folded.slice(cueEnd, cueEnd + WINDOW);
    const gap = CUE_GAP.exec(window);
    const offset = gap === null ? 0 : gap[0].length;
    const date = parseDateAtStart(window.slice(offset), now);
    if (date === null) continue;
    const start = cueEnd + offset;
    out.push({ type: "DATE_OF_BIRTH", start, end: start + date.length, score: SCORE, recognizer: "date-of-birth" });
    BIRTH_CUE.lastIndex = start + date.length;
  }
  return out;
}

export const dateOfBirthRecognizer: Recognizer = {
  name: "date-of-birth",
  types: ["DATE_OF_BIRTH"],
  scan: (input: ScanInput) => findDatesOfBirth(input.folded),
};
