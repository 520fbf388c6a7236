import {
  LABEL_WORDS,
  PARTY_LABEL_WORDS,
  PRECEDING,
  SALUTATION_WORDS,
  SIGNOFF_PHRASES,
  TITLE_WORDS,
  VERBS_AFTER,
} from "./lexicon.js";
import { lineStart } from "./tokens.js";

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

/** Words of the current line before `start`, with their punctuation, last one last. */
function wordsBefore(folded: string, start: number, from: number): string[] {
  return folded
    .slice(Math.max(from, start - 48), start)
    .split(/\s+/)
    .filter((w) => w.length > 0);
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

/** Strip a sentence that ends before the name and trailing punctuation: `..., 36. Met groet,` -> `met groet`. */
function lastClause(prefix: string): string {
  const cut = Math.max(prefix.lastIndexOf(". "), prefix.lastIndexOf("! "), prefix.lastIndexOf("? "));
  let s = cut >= 0 ? cut + 2 : 0;
  let e = prefix.length;
  while (e > s && isClauseEnd(prefix.charCodeAt(e - 1))) e--;
  while (s < e && isSpace(prefix.charCodeAt(s))) s++;
  return prefix.slice(s, e);
}

/** The previous non-empty line, if it is at most one blank line away. */
function previousLine(folded: string, ls: number): string | null {
  let end = ls - 1;
  for (let blank = 0; blank < 2 && end > 0; blank++) {
    const s = folded.lastIndexOf("\n", end - 1) + 1;
    const line = folded.slice(s, end).trim();
    if (line.length > 0) return line;
    end = s - 1;
  }
  return null;
}

/** The cue in front of a name starting at `start`. */
export function cueBefore(text: string, folded: string, start: number): Cue {
  if (start > 0 && text[start - 1] === "@" && (start < 2 || /\s/.test(text[start - 2] as string))) return Cue.Strong;
  const ls = lineStart(text, start);
  const words = wordsBefore(folded, start, ls);
  const last = words[words.length - 1];
  const lastBare = last === undefined ? "" : bare(last);
  // Before the clause check: `Dear Mr. Okonkwo` must not read as a sentence ending in `Mr.`.
  if (TITLE_WORDS.has(lastBare)) return Cue.Strong;
  const prefix = folded.slice(ls, start);
  const clause = lastClause(prefix);
  if (clause.length === 0) {
    const prev = previousLine(folded, ls);
    if (prev !== null && SIGNOFF_PHRASES.has(lastClause(prev))) return Cue.Strong;
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
  for (let k = 1; k <= 3 && k <= words.length; k++) {
    if (
      PRECEDING.has(
        words
          .slice(words.length - k)
          .map(bare)
          .join(" "),
      )
    )
      return Cue.Medium;
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
