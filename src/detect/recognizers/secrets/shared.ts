/** Helpers shared by the secret recognizers: building candidates and character classes. */

import type { Candidate } from "../../types.js";

export function secretCandidate(start: number, end: number, score: number, recognizer: string): Candidate {
  return { type: "SECRET", start, end, score, recognizer };
}

/** Characters that continue a token: a key that runs on into one of these is not the key we matched. */
export function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 45 // -
  );
}

/** True when the character before `index` does not glue onto a token starting at `index`. */
export function startsToken(text: string, index: number): boolean {
  return index === 0 || !isTokenChar(text.charCodeAt(index - 1));
}
