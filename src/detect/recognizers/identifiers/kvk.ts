/**
 * KvK number (Chamber of Commerce registration): eight digits without a check digit, so only the
 * words around it can tell it from any other eight-digit number. It is reported only when a KvK
 * word (`KvK`, `KvK-nummer`, `handelsregister`, `Chamber of Commerce`, ...) governs it: the word
 * stands shortly before it with no other number in between, or right after it.
 */

import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { candidate, keywordMatcher, keywordNear } from "./shared.js";

export const KVK_RECOGNIZER = "nl-kvk";

/** Eight digits, compact or as `1234 5678`, `12 34 56 78`, `12.345.678`. */
export const KVK_PATTERN =
  /(?<![A-Za-z0-9_])(?<!\d[ .,/:-])(?:\d{8}|\d{4} \d{4}|\d{2} \d{2} \d{2} \d{2}|\d{2}\.\d{3}\.\d{3}|\d{2} \d{3} \d{3})(?![A-Za-z0-9_])(?![ .,/:-]\d)/g;

const KVK_AT = stickyOf(KVK_PATTERN);

/**
 * The matches of KVK_PATTERN in `text`: those of a global scan, found by trying the pattern only
 * at runs of at least 2 digits (every form starts at the first digit of such a run).
 */
export function kvkMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(KVK_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    if ((runs[r + 1] as number) - (runs[r] as number) < 2) continue;
    const m = scan.at(runs[r] as number);
    if (m !== null) found.push(m);
  }
  return found;
}

export const KVK_WORDS = keywordMatcher([
  "kvk*",
  "k.v.k.",
  "kvk-nummer",
  "kvk nr",
  "kamer van koophandel",
  "handelsregister*",
  "inschrijvingsnummer",
  "ingeschreven onder nummer",
  "chamber of commerce",
  "coc",
  "coc number",
  "company registration number",
]);

const SCORE = 0.9;

export const kvkRecognizer: Recognizer = {
  name: KVK_RECOGNIZER,
  types: ["KVK"],
  scan(input: ScanInput): Candidate[] {
    const out: Candidate[] = [];
    shareDigitRuns(input);
    for (const m of kvkMatches(input.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (keywordNear(input.folded, start, end, KVK_WORDS))
        out.push(candidate("KVK", start, end, SCORE, KVK_RECOGNIZER));
    }
    return out;
  },
};
