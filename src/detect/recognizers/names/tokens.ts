/**
 * Capitalised-word tokenisation shared by the PERSON and ORGANIZATION recognizers: one pass over
 * the characters finds every word that starts with a capital letter, and looks each word up once
 * in a table of what the lexicons say about it (`CapToken.facts`); lower-case words between them
 * are only looked at when they are short (tussenvoegsels, `&`).
 */
import { computeFacts, Fact } from "./facts.js";
import { HASH_SEED, hashStep, sameWord } from "./word-table.js";

/**
 * Letters of a name: ASCII, Latin-1, Latin Extended-A/B, combining marks, Greek and Cyrillic.
 * A hand-written scan instead of a `\p{Lu}` regex: this pass runs over every character of every
 * prompt, and a Unicode-property regex with match arrays is an order of magnitude slower in V8.
 */
function isLetter(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code <= 0x24f) || (code >= 0x300 && code <= 0x4ff);
}

/** Character classes of the first 0x500 code units (every letter `isLetter` knows), as bits. */
const LETTER = 1;
const UPPER = 2;
const WORD = 4;
/** No code unit from 0x500 up is a letter, so the table stops there. */
const CLASS_LIMIT = 0x500;
const CLASSES = new Uint8Array(CLASS_LIMIT);
for (let code = 0; code < CLASS_LIMIT; code++) {
  let bits = (code >= 48 && code <= 57) || code === 95 ? WORD : 0;
  if (isLetter(code)) {
    bits |= LETTER | WORD;
    // Upper case: ASCII capitals, and the other letters that change under `toLowerCase`
    // (combining marks never start a word).
    const ch = String.fromCharCode(code);
    if (code < 128 ? code <= 90 : !(code >= 0x300 && code < 0x370) && ch !== ch.toLowerCase()) bits |= UPPER;
  }
  CLASSES[code] = bits;
}

function classOf(code: number): number {
  return code < CLASS_LIMIT ? (CLASSES[code] as number) : 0;
}

export interface CapToken {
  readonly start: number;
  readonly end: number;
  /** Folded (lower-case, accent-free) form, shared by every token of the same word. */
  readonly key: string;
  /** A single capital followed by a dot (`J.`), or a short Dutch initial (`Th.`). */
  readonly initial: boolean;
  /** Every letter upper case and longer than one (`BSN`, `KVK`): an acronym, not a name. */
  readonly acronym: boolean;
  /** What the lexicons say about `key`: a `computeFacts` mask (facts.ts). */
  readonly facts: number;
}

/**
 * Folded words seen so far, each with its fact mask: an open-addressing hash table probed with
 * the characters of `folded` in place, so a word seen before costs no slice, no string hashing
 * and no set lookups. Bounded: a long-running gateway sees an open-ended vocabulary, so the
 * table starts over when it is half full.
 */
const SLOT_COUNT = 1 << 15;
const SLOT_MASK = SLOT_COUNT - 1;
const MAX_WORDS = SLOT_COUNT >> 1;
/** Index + 1 of the word in each slot; 0 is an empty slot. */
const slots = new Int32Array(SLOT_COUNT);
let tableWords: string[] = [];
let tableFacts: number[] = [];

/**
 * Index in the word table of `folded.slice(start, end)` (non-empty), added on first sight.
 * `hash` is any hash of the word's characters that is the same whenever the word is spelt the
 * same; spellings that hash apart (`JAN`, `Jan`) may get entries of their own, with the same facts.
 */
function internHashed(folded: string, start: number, end: number, hash: number): number {
  const length = end - start;
  let slot = hash & SLOT_MASK;
  for (let entry = slots[slot] as number; entry !== 0; entry = slots[slot] as number) {
    const word = tableWords[entry - 1] as string;
    if (sameWord(word, folded, start, length)) return entry - 1;
    slot = (slot + 1) & SLOT_MASK;
  }
  if (tableWords.length >= MAX_WORDS) {
    slots.fill(0);
    tableWords = [];
    tableFacts = [];
    slot = hash & SLOT_MASK;
  }
  const word = folded.slice(start, end);
  tableWords.push(word);
  tableFacts.push(computeFacts(word));
  slots[slot] = tableWords.length;
  return tableWords.length - 1;
}

/**
 * Find the capitalised words of `text`: a capital that does not follow a word character, and
 * the letters after it. One pass over the characters with a class table; the folded word is
 * hashed on the way, for the word table.
 */
export function capitalisedTokens(text: string, folded: string): CapToken[] {
  const tokens: CapToken[] = [];
  const n = text.length;
  let i = 0;
  // Whether text[i - 1] is a word character (letter, digit, `_`).
  let afterWord = false;
  while (i < n) {
    const bits = classOf(text.charCodeAt(i));
    if ((bits & UPPER) === 0 || afterWord) {
      afterWord = (bits & WORD) !== 0;
      i++;
      continue;
    }
    const start = i;
    let allUpper = true;
    // The hash is over the text's code units with bit 5 set (`A` and `a`, `É` and `é` alike),
    // which saves reading `folded` here: it only has to be the same for the same spelling;
    // the table compares the folded characters.
    let hash = hashStep(HASH_SEED, text.charCodeAt(i) | 32);
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = classOf(c);
      if ((cls & LETTER) !== 0) {
        if ((cls & UPPER) === 0) allUpper = false;
        hash = hashStep(hash, c | 32);
        i++;
      } else if ((c === 39 || c === 0x2019) && (classOf(text.charCodeAt(i + 1)) & LETTER) !== 0) {
        // `O'Brien`, `D'Souza`; but `Jansen's` stays one token too.
        hash = hashStep(hashStep(hash, c | 32), text.charCodeAt(i + 1) | 32);
        i += 2;
      } else break;
    }
    // The token ends on a letter.
    afterWord = true;
    const end = i;
    const entry = internHashed(folded, start, end, hash);
    const facts = tableFacts[entry] as number;
    const initial = text.charCodeAt(end) === 46 && (end - start === 1 || (facts & Fact.LongInitial) !== 0);
    tokens.push({
      start,
      end,
      key: tableWords[entry] as string,
      initial,
      acronym: allUpper && end - start > 1,
      facts,
    });
  }
  return tokens;
}

/** True when `index` starts a sentence: text start, a line start, or after `.`, `!`, `?`. */
export function atSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  // Line breaks, `!`, `?`, `•`, `*`, `"`.
  if (c === 10 || c === 13 || c === 33 || c === 63 || c === 0x2022 || c === 42 || c === 34) return true;
  if (c === 46) {
    // `J. de Vries`: a dot after an initial (a capital that follows no letter) does not end a sentence.
    if (i < 1 || !isUpperAt(text, i - 1)) return true;
    return i >= 2 && isLetterAt(text, i - 2);
  }
  return c === 45 && (i === 0 || text.charCodeAt(i - 1) === 10);
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** `/\p{Lu}/u` on the code unit at `i`; ASCII without the regex. */
function isUpperAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_LETTER.test(text[i] as string);
}

/** `/\p{L}/u` on the code unit at `i`; ASCII without the regex. */
function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return ANY_LETTER.test(text[i] as string);
}

const UPPER_LETTER = /\p{Lu}/u;
const ANY_LETTER = /\p{L}/u;

/** Start of the line containing `index`. */
export function lineStart(text: string, index: number): number {
  const nl = text.lastIndexOf("\n", index - 1);
  return nl + 1;
}

/**
 * `lineStart` for many positions in one text. The names of a text are looked at in text order,
 * so the line of the last lookup is kept and a later position walks forward from it, newline by
 * newline: all forward lookups together read the text once. A position before that line is a
 * one-off backwards search (callers only step back a line or two; see `memo`).
 */
export class LineStarts {
  /** The line of the last forward lookup: its start, and the newline that ends it (or the text length). */
  private start = 0;
  private end = -1;
  /**
   * Starts of the two lines before it, when the forward walk passed them (-1 when unknown): a
   * name's cue may be on the line above, past one blank line.
   */
  private before = -1;
  private before2 = -1;
  /**
   * One value that a caller derives from a line start, cached with it (context.ts keeps the
   * clause of the line before, which needs a backwards search, once per line).
   */
  memoLine = -1;
  memoValue = 0;

  constructor(private readonly text: string) {}

  /** Same result as `lineStart(text, index)`. */
  lineStart(index: number): number {
    const text = this.text;
    if (this.end < 0) {
      const nl = text.indexOf("\n");
      this.end = nl < 0 ? text.length : nl;
    }
    // `lastIndexOf("\n", index - 1)` clamps a negative position to 0.
    const limit = index > 0 ? index - 1 : 0;
    if (limit < this.start - 1) {
      // The line before the current one (the line above a name) is known from the walk.
      if (this.before >= 0 && limit >= this.before - 1) return this.before;
      if (this.before2 >= 0 && limit >= this.before2 - 1) return this.before2;
      return text.lastIndexOf("\n", limit) + 1;
    }
    // Also the last line, where `limit` may be the text length (an empty text).
    if (limit < this.end || this.end === text.length) return this.start;
    // Forward: `this.end` is a newline at or before `limit`.
    let previous2 = this.before - 1;
    let previous = this.start - 1;
    let nl = this.end;
    for (;;) {
      const next = text.indexOf("\n", nl + 1);
      if (next < 0 || next > limit) {
        this.before2 = previous2 + 1;
        this.before = previous + 1;
        this.start = nl + 1;
        this.end = next < 0 ? text.length : next;
        return this.start;
      }
      previous2 = previous;
      previous = nl;
      nl = next;
    }
  }
}

/** End of the line containing `index` (position of the newline or text end). */
export function lineEnd(text: string, index: number): number {
  const nl = text.indexOf("\n", index);
  return nl < 0 ? text.length : nl;
}

/** Where `sharedTokens` keeps the tokens on an input object. */
const TOKENS = Symbol("names.tokens");

interface ScanText {
  readonly text: string;
  readonly folded: string;
}

interface TokensOf {
  readonly text: string;
  readonly folded: string;
  readonly tokens: CapToken[];
}

/**
 * The tokens of one scan input, computed once and shared by the names recognizers. They are
 * kept on the input object itself (under a symbol), so they live exactly as long as the input:
 * a WeakMap entry per input costs more than tokenising a 4 KB prompt (ephemeron bookkeeping in
 * every garbage collection), and a module-level cache would keep the last prompt alive.
 */
export function sharedTokens(input: ScanText): CapToken[] {
  const holder = input as ScanText & { [TOKENS]?: TokensOf };
  const known = holder[TOKENS];
  // The strings are compared too: a caller may reuse one object for another text.
  if (known !== undefined && known.text === input.text && known.folded === input.folded) return known.tokens;
  const tokens = capitalisedTokens(input.text, input.folded);
  if (Object.isExtensible(input)) holder[TOKENS] = { text: input.text, folded: input.folded, tokens };
  return tokens;
}
