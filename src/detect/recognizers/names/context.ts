import { contextFacts, Fact } from "./facts.js";
import { PRECEDING, SIGNOFF_PHRASES, VERBS_AFTER } from "./lexicon.js";
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
 * The words before a name, read backwards one at a time and only as far as a caller asks: the
 * last words (white-space separated, with their punctuation) of the 48 characters of the
 * current line before the name, at most MAX_WORDS_BEFORE. Bounds in `wordStarts`/`wordEnds`,
 * last word first. Scratch space: this runs for almost every name, and index ranges cost no
 * slices or arrays.
 */
const wordStarts = new Int32Array(MAX_WORDS_BEFORE);
const wordEnds = new Int32Array(MAX_WORDS_BEFORE);
/** How many words are read, where reading goes on, and where it stops. */
let wordCount = 0;
let wordCursor = 0;
let wordLimit = 0;
let wordsDone = false;

function startWords(start: number, from: number): void {
  wordCount = 0;
  wordCursor = start;
  wordLimit = Math.max(from, start - 48);
  wordsDone = false;
}

/** True when word `w` (0 = the last one) exists, reading back as far as needed. */
function hasWord(folded: string, w: number): boolean {
  if (w < wordCount) return true;
  if (wordsDone) return false;
  // Locals in the loop, the module state written back once.
  const lo = wordLimit;
  let count = wordCount;
  let i = wordCursor;
  while (count <= w) {
    while (i > lo && isSpace(folded.charCodeAt(i - 1))) i--;
    if (i <= lo || count === MAX_WORDS_BEFORE) {
      wordsDone = true;
      break;
    }
    const end = i;
    while (i > lo && !isSpace(folded.charCodeAt(i - 1))) i--;
    wordStarts[count] = i;
    wordEnds[count] = end;
    count++;
  }
  wordCount = count;
  wordCursor = i;
  return w < count;
}

/**
 * The fact mask (facts.ts) of word `w` (which `hasWord` found), without leading `("'[`
 * and trailing `.:,;)]`; 0 when nothing is left.
 */
function bareFacts(folded: string, w: number): number {
  let s = wordStarts[w] as number;
  let e = wordEnds[w] as number;
  while (s < e && isOpening(folded.charCodeAt(s))) s++;
  while (e > s && isClosing(folded.charCodeAt(e - 1))) e--;
  bareStart = s;
  bareEnd = e;
  return contextFacts(folded, s, e);
}

/** The bare range of the last `bareFacts` call: the clause check often looks up the same word. */
let bareStart = -1;
let bareEnd = -1;

/** Word `w` (which `hasWord` found), without its leading and trailing punctuation. */
function bareWord(folded: string, w: number): string {
  let s = wordStarts[w] as number;
  let e = wordEnds[w] as number;
  while (s < e && isOpening(folded.charCodeAt(s))) s++;
  while (e > s && isClosing(folded.charCodeAt(e - 1))) e--;
  return folded.slice(s, e);
}

function isOpening(code: number): boolean {
  return code === 40 || code === 34 || code === 39 || code === 91;
}

function isClosing(code: number): boolean {
  return code === 46 || code === 58 || code === 44 || code === 59 || code === 41 || code === 93;
}

/** The characters of the regex class `\s` (and of `String.prototype.trim`). */
export function isSpace(code: number): boolean {
  if (code < 0xa0) return code === 32 || (code >= 9 && code <= 13);
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

/** What the last clause before a name is: nothing, a sign-off, or something else. */
const Clause = { Empty: 0, Other: 1, Signoff: 2 } as const;
type Clause = (typeof Clause)[keyof typeof Clause];

/**
 * The last clause of `folded.slice(from, to)`: what follows the last sentence end (`. `, `! `,
 * `? `), without trailing white space and `,:;.!-` and without leading white space
 * (`..., 36. Met groet,` -> `met groet`), classified. Read backwards, no further than needed:
 * a clause longer than any sign-off is no sign-off. `knownFacts` are the context facts of the
 * range `knownStart..knownEnd`, when the caller has them.
 */
function clauseBetween(
  folded: string,
  from: number,
  to: number,
  knownStart = -1,
  knownEnd = -1,
  knownFacts = 0,
): Clause {
  let e = to;
  while (e > from && isClauseEnd(folded.charCodeAt(e - 1))) e--;
  // A sentence end inside the stripped tail leaves nothing.
  for (let c = Math.max(from, e - 1); c <= to - 2; c++) if (isCut(folded, c)) return Clause.Empty;
  if (e === from) return Clause.Empty;
  // A sign-off ends in one of a few words (`groet`, `regards`): when the last word is none,
  // neither is the clause. The word is at most as long as a sign-off.
  let w = e - 1;
  while (w > from && e - w <= MAX_SIGNOFF && !isSpace(folded.charCodeAt(w - 1))) w--;
  if (e - w > MAX_SIGNOFF) return Clause.Other;
  const facts = w === knownStart && e === knownEnd ? knownFacts : contextFacts(folded, w, e);
  if ((facts & Fact.SignoffTail) === 0) return Clause.Other;
  let k = e - 1;
  for (let j = e - 1; j > from; j--) {
    if (!isSpace(folded.charCodeAt(j))) k = j;
    if (e - k > MAX_SIGNOFF) return Clause.Other;
    if (isCut(folded, j - 1)) return signoffOrOther(folded, k, e);
  }
  if (!isSpace(folded.charCodeAt(from))) k = from;
  return signoffOrOther(folded, k, e);
}

function signoffOrOther(folded: string, from: number, to: number): Clause {
  return to - from <= MAX_SIGNOFF && SIGNOFF_PHRASES.has(folded.slice(from, to)) ? Clause.Signoff : Clause.Other;
}

/**
 * The clause ending the previous non-empty line (at most one blank line away), as
 * `clauseBetween` of the trimmed line; Empty when there is no such line.
 */
function previousLineClause(folded: string, ls: number, lines: LineStarts): Clause {
  // Once per line: finding the line before is a backwards search over it.
  if (lines.memoLine !== ls) {
    lines.memoValue = computePreviousLineClause(folded, ls, lines);
    lines.memoLine = ls;
  }
  return lines.memoValue as Clause;
}

function computePreviousLineClause(folded: string, ls: number, lines: LineStarts): Clause {
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
  return Clause.Empty;
}

/** The cue in front of a name starting at `start`. Pass `lines` when calling for many names in one text. */
export function cueBefore(text: string, folded: string, start: number, lines = new LineStarts(text)): Cue {
  if (start > 0 && text.charCodeAt(start - 1) === 64 && (start < 2 || isSpace(text.charCodeAt(start - 2)))) {
    return Cue.Strong;
  }
  const ls = lines.lineStart(start);
  startWords(start, ls);
  const any = hasWord(folded, 0);
  bareStart = -1;
  bareEnd = -1;
  const last = any ? bareFacts(folded, 0) : 0;
  // Before the clause check: `Dear Mr. Okonkwo` must not read as a sentence ending in `Mr.`.
  if ((last & Fact.Title) !== 0) return Cue.Strong;
  // The facts of the last word, by its bare range (-1 when none).
  const clause = clauseBetween(folded, ls, start, bareStart, bareEnd, last);
  if (clause === Clause.Empty) {
    return previousLineClause(folded, ls, lines) === Clause.Signoff ? Cue.Strong : Cue.None;
  }
  if (clause === Clause.Signoff) return Cue.Strong;
  if (!any) return Cue.None;
  if ((last & Fact.Salutation) !== 0 && (!hasWord(folded, 1) || (bareFacts(folded, 1) & Fact.Salutation) !== 0)) {
    return Cue.Strong;
  }
  const lastStart = wordStarts[0] as number;
  const lastEnd = wordEnds[0] as number;
  const dash = lastEnd - lastStart === 1 && folded.charCodeAt(lastStart) === 45;
  if (folded.charCodeAt(lastEnd - 1) === 58 || dash) {
    const label = dash ? (hasWord(folded, 1) ? bareFacts(folded, 1) : 0) : last;
    if ((label & Fact.Label) !== 0) return (label & Fact.PartyLabel) !== 0 ? Cue.Medium : Cue.Strong;
    return Cue.Weak;
  }
  if ((last & Fact.Attention) !== 0) return Cue.Strong;
  if ((last & Fact.Label) !== 0) return Cue.Medium;
  // The last one, two and three words, bare, as phrases: `gesproken met`, `in overleg met`.
  if ((last & Fact.Preceding) !== 0) return Cue.Medium;
  if ((last & Fact.PrecedingTail) === 0) return Cue.None;
  let phrase = bareWord(folded, 0);
  for (let k = 2; k <= 3 && hasWord(folded, k - 1); k++) {
    phrase = `${bareWord(folded, k - 1)} ${phrase}`;
    if (PRECEDING.has(phrase)) return Cue.Medium;
  }
  return Cue.None;
}

/** The longest verb after a name: a longer word is none. */
const MAX_VERB = Math.max(...[...VERBS_AFTER].map((v) => v.length));

/**
 * A verb right after the name (`Kees belde`, `Sanne vraagt`): within the next 24 characters,
 * spaces or tabs, an optional comma, spaces or tabs, and a word of `a`-`z`.
 */
export function verbAfter(folded: string, end: number): boolean {
  const limit = Math.min(folded.length, end + 24);
  let i = end;
  while (i < limit && isBlank(folded.charCodeAt(i))) i++;
  if (i < limit && folded.charCodeAt(i) === 44) {
    i++;
    while (i < limit && isBlank(folded.charCodeAt(i))) i++;
  }
  const from = i;
  while (i < limit && isAsciiLower(folded.charCodeAt(i))) i++;
  return i > from && i - from <= MAX_VERB && (contextFacts(folded, from, i) & Fact.VerbAfter) !== 0;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function isAsciiLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** Contact details right after the name: `Wei Smit (+31 6 ...)`, `Geert Kok <geert@...>`. */
export function contactAfter(text: string, end: number): boolean {
  let c = text.charCodeAt(end);
  if (c === 32) c = text.charCodeAt(end + 1);
  if (c !== 40 && c !== 60) return false;
  // A digit, `+` or `@` within the next 40 characters.
  const limit = Math.min(text.length, end + 40);
  for (let i = end; i < limit; i++) {
    const d = text.charCodeAt(i);
    if ((d >= 48 && d <= 57) || d === 43 || d === 64) return true;
  }
  return false;
}
