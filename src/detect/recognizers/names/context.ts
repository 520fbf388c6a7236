import {
  LABEL_WORDS,
  PARTY_LABEL_WORDS,
  PRECEDING,
  SALUTATION_WORDS,
  SIGNOFF_PHRASES,
  TITLE_WORDS,
  VERBS_AFTER,
} from "./lexicon.js";
import { LineStarts } from "./tokens.js";

/** How strongly the words around a span say "a person's name follows". */
export const Cue = {
  None: 0,
  /** Any `Label:` in a form: a value follows, not necessarily a name. */
  Weak: 3,
  /** A preposition-like label without colon, or a phrase like `gebeld met`. */
  Medium: 1,
  /** A title, salutation, form label with colon, signature or @-mention. */
  Strong: 2,
} as const;
export type Cue = (typeof Cue)[keyof typeof Cue];

/** Callers look at no more than the last three words, and whether there is only one. */
const MAX_WORDS_BEFORE = 4;

/**
 * The last words (white-space separated, with their punctuation, last one last) of the 48
 * characters of the current line before `start`: at most MAX_WORDS_BEFORE of them.
 */
function wordsBefore(folded: string, start: number, from: number): string[] {
  const lo = Math.max(from, start - 48);
  const words: string[] = [];
  let i = start;
  while (words.length < MAX_WORDS_BEFORE) {
    while (i > lo && isSpace(folded.charCodeAt(i - 1))) i--;
    if (i <= lo) break;
    const end = i;
    while (i > lo && !isSpace(folded.charCodeAt(i - 1))) i--;
    words.push(folded.slice(i, end));
  }
  return words.reverse();
}

/** A word without leading `("'[` and trailing `.:,;)]`; index scans, as this runs for every name. */
function bare(word: string): string {
  let s = 0;
  let e = word.length;
  while (s < e && isOpening(word.charCodeAt(s))) s++;
  while (e > s && isClosing(word.charCodeAt(e - 1))) e--;
  return s === 0 && e === word.length ? word : word.slice(s, e);
}

function isOpening(code: number): boolean {
  return code === 40 || code === 34 || code === 39 || code === 91;
}

function isClosing(code: number): boolean {
  return code === 46 || code === 58 || code === 44 || code === 59 || code === 41 || code === 93;
}

/** The characters of the regex class `\s` (and of `String.prototype.trim`). */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Trailing characters a clause is stripped of: white space and `,:;.!-`. */
function isClauseEnd(code: number): boolean {
  return isSpace(code) || code === 44 || code === 58 || code === 59 || code === 46 || code === 33 || code === 45;
}

/** The longest sign-off phrase: a longer clause is never one. */
const MAX_SIGNOFF = Math.max(...[...SIGNOFF_PHRASES].map((p) => p.length));

function isCut(folded: string, c: number): boolean {
  const code = folded.charCodeAt(c);
  return (code === 46 || code === 33 || code === 63) && folded.charCodeAt(c + 1) === 32;
}

/**
 * The last clause of `folded.slice(from, to)`: what follows the last sentence end (`. `, `! `,
 * `? `), without trailing white space and `,:;.!-` and without leading white space
 * (`..., 36. Met groet,` -> `met groet`). Read backwards, no further than needed: callers only
 * ask whether the clause is empty or a sign-off, so once it is known to be longer than any
 * sign-off, a (non-empty, at least as long) tail of it is returned instead.
 */
function clauseBetween(folded: string, from: number, to: number): string {
  let e = to;
  while (e > from && isClauseEnd(folded.charCodeAt(e - 1))) e--;
  // A sentence end inside the stripped tail leaves nothing.
  for (let c = Math.max(from, e - 1); c <= to - 2; c++) if (isCut(folded, c)) return "";
  if (e === from) return "";
  let k = e - 1;
  for (let j = e - 1; j > from; j--) {
    if (!isSpace(folded.charCodeAt(j))) k = j;
    if (e - k > MAX_SIGNOFF || isCut(folded, j - 1)) return folded.slice(k, e);
  }
  if (!isSpace(folded.charCodeAt(from))) k = from;
  return folded.slice(k, e);
}

/**
 * The clause ending the previous non-empty line (at most one blank line away), as
 * `clauseBetween` of the trimmed line; null when there is no such line.
 */
function previousLineClause(folded: string, ls: number, lines: LineStarts): string | null {
  let end = ls - 1;
  for (let blank = 0; blank < 2 && end > 0; blank++) {
    const s = lines.lineStart(end);
    let a = s;
    let b = end;
    while (a < b && isSpace(folded.charCodeAt(a))) a++;
    while (b > a && isSpace(folded.charCodeAt(b - 1))) b--;
    if (b > a) return clauseBetween(folded, a, b);
    end = s - 1;
  }
  return null;
}

/** The cue in front of a name starting at `start`. Pass `lines` when calling for many names in one text. */
export function cueBefore(text: string, folded: string, start: number, lines = new LineStarts(text)): Cue {
  if (start > 0 && text[start - 1] === "@" && (start < 2 || /\s/.test(text[start - 2] as string))) return Cue.Strong;
  const ls = lines.lineStart(start);
  const words = wordsBefore(folded, start, ls);
  const last = words[words.length - 1];
  const lastBare = last === undefined ? "" : bare(last);
  // Before the clause check: `Dear Mr. Okonkwo` must not read as a sentence ending in `Mr.`.
  if (TITLE_WORDS.has(lastBare)) return Cue.Strong;
  const clause = clauseBetween(folded, ls, start);
  if (clause.length === 0) {
    const prev = previousLineClause(folded, ls, lines);
    if (prev !== null && SIGNOFF_PHRASES.has(prev)) return Cue.Strong;
    return Cue.None;
  }
  if (SIGNOFF_PHRASES.has(clause)) return Cue.Strong;
  if (last === undefined) return Cue.None;
  if (
    SALUTATION_WORDS.has(lastBare) &&
    (words.length === 1 || SALUTATION_WORDS.has(bare(words[words.length - 2] ?? "")))
  ) {
    return Cue.Strong;
  }
  if (/[:]$/.test(last) || last === "-") {
    const label = last === "-" ? bare(words[words.length - 2] ?? "") : lastBare;
    if (LABEL_WORDS.has(label)) return PARTY_LABEL_WORDS.has(label) ? Cue.Medium : Cue.Strong;
    return Cue.Weak;
  }
  if (lastBare === "t.a.v" || lastBare === "tav" || lastBare === "attn") return Cue.Strong;
  if (LABEL_WORDS.has(lastBare)) return Cue.Medium;
  // The last one, two and three words, bare, as phrases: `gesproken met`, `in overleg met`.
  let phrase = lastBare;
  for (let k = 1; k <= 3 && k <= words.length; k++) {
    if (k > 1) phrase = `${bare(words[words.length - k] as string)} ${phrase}`;
    if (PRECEDING.has(phrase)) return Cue.Medium;
  }
  return Cue.None;
}

const NEXT_WORD = /^[ \t]*,?[ \t]*([a-z]+)/;

/** A verb right after the name (`Kees belde`, `Sanne vraagt`). */
export function verbAfter(folded: string, end: number): boolean {
  const m = NEXT_WORD.exec(folded.slice(end, end + 24));
  return m !== null && VERBS_AFTER.has(m[1] as string);
}

/** Contact details right after the name: `Wei Smit (+31 6 ...)`, `Geert Kok <geert@...>`. */
export function contactAfter(text: string, end: number): boolean {
  const next = text.slice(end, end + 4);
  return /^ ?[(<]/.test(next) && /[\d+@]/.test(text.slice(end, end + 40));
}
