import type { Candidate, EntityType, Recognizer, ScanInput } from "../types.js";
import { type DictionaryEntry, type DictionaryPattern, patternsFor } from "./entries.js";
import {
  ASCII_WORD,
  FIRST_WORD,
  finishWordHash,
  isWordCode,
  lookupKey,
  MEMBER_INTS,
  ONE_WORD,
  pairKey,
  SECOND_WORD,
  THIRD_WORD,
  THREE_OR_MORE,
  TWO_WORDS,
  WORD_HASH_SEED,
  WordIndex,
} from "./word-index.js";

const NAME = "customer-dictionary";

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Where the key characters `keys[from..to)` match the text from `pos`: the end of the match
 * (exclusive), or -1. A space in the key matches a run of whitespace in the text; any other
 * character matches itself only.
 */
function matchForward(folded: string, n: number, pos: number, keys: string, from: number, to: number): number {
  let at = pos;
  let afterSpace = false;
  for (let k = from; k < to; k++) {
    // The rest of a whitespace run belongs to the space matched before, but only when a key
    // character follows: a match never ends inside a run.
    if (afterSpace) {
      while (at < n && isWhitespace(folded.charCodeAt(at))) at++;
      afterSpace = false;
    }
    if (at >= n) return -1;
    const code = folded.charCodeAt(at);
    const wanted = keys.charCodeAt(k);
    if (code <= 32 && isWhitespace(code)) {
      if (wanted !== 32) return -1;
      afterSpace = true;
    } else if (code !== wanted) return -1;
    at++;
  }
  return at;
}

/**
 * Where the key characters `keys[from..to)`, read backwards, end at `pos` in the text: their
 * start, or -1. A space matches a whole run of whitespace, and the match starts at the run's
 * first character, except at the very start of the text, where whitespace is never read.
 */
function matchBackward(folded: string, pos: number, keys: string, from: number, to: number): number {
  let at = pos;
  for (let k = to - 1; k >= from; k--) {
    if (at === 0) return -1;
    const code = folded.charCodeAt(at - 1);
    const wanted = keys.charCodeAt(k);
    if (code <= 32 && isWhitespace(code)) {
      if (wanted !== 32) return -1;
      at--;
      while (at > 0 && isWhitespace(folded.charCodeAt(at - 1))) at--;
      if (at === 0) return -1;
    } else if (code !== wanted) return -1;
    else at--;
  }
  return at;
}

/** The text index of the pattern character `offset` places after `start`, counting whitespace runs once. */
function advance(folded: string, start: number, offset: number): number {
  let pos = start;
  for (let k = 0; k < offset; k++) {
    const wasSpace = isWhitespace(folded.charCodeAt(pos));
    pos++;
    if (wasSpace) while (pos < folded.length && isWhitespace(folded.charCodeAt(pos))) pos++;
  }
  return pos;
}

/** Characters that continue an e-mail address to the left: `a.jan@x.nl` is not `jan@x.nl`. */
function continuesEmail(code: number): boolean {
  return code === 46 || code === 95 || code === 37 || code === 43 || code === 45;
}

/** Whether the character at `at` is written as a capital (or has no case), without a string for ASCII. */
function isCapital(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code < 97 || code > 122;
  const ch = text.charAt(at);
  return ch === ch.toUpperCase();
}

/**
 * What a match of a pattern needs besides its key, packed in one int that the index keeps next
 * to the key (reading the pattern object would be one more cache miss per match): which
 * boundaries to check, whether it is an address, its (type, score) reading and its capital.
 */
const NEEDS_START = 1;
const NEEDS_END = 2;
const IS_EMAIL = 4;
const READING_SHIFT = 3;
const READING_MASK = 31;
const CAPITAL_SHIFT = 8;

function byEndThenStart(a: Candidate, b: Candidate): number {
  return a.end - b.end || a.start - b.start;
}

/**
 * The business's own customer list as a recognizer: names, companies and e-mail addresses it
 * knows are customer data, matched case- and accent-insensitively on word boundaries. Runs of
 * whitespace in the text match one space, so a name wrapped over two lines is still found.
 *
 * A key matches where its words (maximal runs of letters and digits) are whole words of the text:
 * a key word starts where the text has a word start (it follows a non-word character of the key,
 * or starts the key, which must then not follow a letter or digit), and it ends where the text
 * has a word end (a non-word key character follows, or it ends the key, which must then not be
 * followed by a letter or digit). So the scan reads the text word by word, hashes each word as it
 * goes, and only where a word (with the next one) starts some key does it compare that key with
 * the text (see `WordIndex`). The cost is a hash step per character and a bit test per word,
 * whatever the number of entries.
 */
export class CustomerDictionary implements Recognizer {
  readonly name = NAME;
  readonly types: readonly EntityType[];
  /** Number of distinct patterns (entries plus their variants). */
  readonly size: number;
  private readonly keys: readonly string[];
  /** Per pattern, see `NEEDS_START`. */
  private readonly flags: Int32Array;
  /** The distinct (type, score) pairs of the patterns. */
  private readonly readings: ReadonlyArray<Pick<DictionaryPattern, "type" | "score">>;
  private readonly index: WordIndex;
  /** Wordless keys by their first character, for the plain search. */
  private readonly wordlessByFirst: ReadonlyMap<number, readonly number[]>;

  constructor(entries: readonly (DictionaryEntry | string)[]) {
    const byKey = new Map<string, DictionaryPattern>();
    for (const raw of entries) {
      const entry = typeof raw === "string" ? { value: raw } : raw;
      for (const p of patternsFor(entry)) {
        const known = byKey.get(p.key);
        // The same spelling from two entries: the stronger reading wins, and an exact entry
        // needs no capital check.
        if (!known || p.score > known.score) byKey.set(p.key, p);
      }
    }
    const patterns = [...byKey.values()];
    this.keys = patterns.map((p) => p.key);
    this.size = patterns.length;
    this.types = [...new Set(patterns.map((p) => p.type))];
    const readings: Array<Pick<DictionaryPattern, "type" | "score">> = [];
    const readingOf = new Map<string, number>();
    this.flags = Int32Array.from(patterns, (p) => {
      const name = `${p.type} ${p.score}`;
      let reading = readingOf.get(name);
      if (reading === undefined) {
        reading = readings.push({ type: p.type, score: p.score }) - 1;
        readingOf.set(name, reading);
      }
      if (reading > READING_MASK) throw new Error("customer dictionary: too many kinds of pattern");
      return (
        (isWordCode(p.key.charCodeAt(0)) ? NEEDS_START : 0) |
        (isWordCode(p.key.charCodeAt(p.key.length - 1)) ? NEEDS_END : 0) |
        (p.type === "EMAIL" ? IS_EMAIL : 0) |
        (reading << READING_SHIFT) |
        ((p.capitalAt + 1) << CAPITAL_SHIFT)
      );
    });
    this.readings = readings;
    this.index = new WordIndex(this.keys, this.flags);
    const wordless = new Map<number, number[]>();
    for (const index of this.index.wordless) {
      const first = (this.keys[index] as string).charCodeAt(0);
      wordless.set(first, [...(wordless.get(first) ?? []), index]);
    }
    this.wordlessByFirst = wordless;
  }

  scan(input: ScanInput): Candidate[] {
    const found: Candidate[] = [];
    if (this.size === 0) return found;
    const folded = input.folded;
    const n = folded.length;
    const index = this.index;
    // Imported bindings are read through the module on every use; the hot loop reads locals.
    const asciiWord = ASCII_WORD;
    const words = index.words.bits;
    const anyWord = index.words.any;
    const wordShift = index.words.shift;
    const pairs = index.pairs.bits;
    const pairShift = index.pairs.shift;
    // The previous word while it is the first of a key of two words or more (its start and hash),
    // and the one before it while the two start a key of three or more (its start and the pair's hash).
    let oneBackStart = -1;
    let oneBackHash = 0;
    let twoBackStart = -1;
    let twoBackPair = 0;
    let i = 0;
    while (i < n) {
      let code = folded.charCodeAt(i);
      if (code < 128 ? asciiWord[code] === 0 : !isWordCode(code)) {
        i++;
        continue;
      }
      const start = i;
      let hash = WORD_HASH_SEED;
      do {
        // `wordHashStep`, written out.
        hash = Math.imul(hash ^ code, 0x01000193);
        if (++i === n) break;
        code = folded.charCodeAt(i);
      } while (code < 128 ? asciiWord[code] === 1 : isWordCode(code));
      const word = finishWordHash(hash);
      const position = word >>> wordShift;
      const bit = 1 << (position & 31);
      if (((anyWord[position >>> 5] as number) & bit) === 0) {
        // Nobody's word (most words): no key starts here, and none started before goes on.
        oneBackStart = -1;
        twoBackStart = -1;
        continue;
      }
      const row = 4 * (position >>> 5);

      if (twoBackStart >= 0) {
        if (((words[row + THIRD_WORD] as number) & bit) !== 0) {
          this.tryAll(index.find(lookupKey(pairKey(twoBackPair, word), 3)), input, twoBackStart, found);
        }
        twoBackStart = -1;
      }
      if (oneBackStart >= 0) {
        if (((words[row + SECOND_WORD] as number) & bit) !== 0) {
          const pair = pairKey(oneBackHash, word);
          const at = pair >>> pairShift;
          const pairBit = 1 << (at & 31);
          const pairRow = 2 * (at >>> 5);
          if (((pairs[pairRow + TWO_WORDS] as number) & pairBit) !== 0) {
            this.tryAll(index.find(lookupKey(pair, 2)), input, oneBackStart, found);
          }
          if (((pairs[pairRow + THREE_OR_MORE] as number) & pairBit) !== 0) {
            twoBackStart = oneBackStart;
            twoBackPair = pair;
          }
        }
        oneBackStart = -1;
      }
      if (((words[row + ONE_WORD] as number) & bit) !== 0) {
        this.tryAll(index.find(lookupKey(word, 1)), input, start, found);
      }
      if (((words[row + FIRST_WORD] as number) & bit) !== 0) {
        oneBackStart = start;
        oneBackHash = word;
      }
    }
    if (this.wordlessByFirst.size > 0) this.scanWordless(input, found);
    // Report in the order a left-to-right scan finds them (by end, then the longer one first).
    for (let k = 1; k < found.length; k++) {
      if (byEndThenStart(found[k - 1] as Candidate, found[k] as Candidate) > 0) {
        found.sort(byEndThenStart);
        break;
      }
    }
    return found;
  }

  /** Try the patterns listed at `members[at]` (count first) with their first word at `anchor`. */
  private tryAll(at: number, input: ScanInput, anchor: number, found: Candidate[]): void {
    if (at === 0) return;
    const members = this.index.members;
    const keys = this.index.keyText;
    const folded = input.folded;
    const last = at + 1 + MEMBER_INTS * (members[at] as number);
    for (let m = at + 1; m < last; m += MEMBER_INTS) {
      const keyStart = members[m] as number;
      const wordAt = members[m + 2] as number;
      const end = matchForward(folded, folded.length, anchor, keys, wordAt, members[m + 1] as number);
      if (end < 0) continue;
      const start = wordAt === keyStart ? anchor : matchBackward(folded, anchor, keys, keyStart, wordAt);
      if (start >= 0) this.report(members[m + 3] as number, input, start, end, found);
    }
  }

  /** Keys without a word have no word to be found by: compare them wherever the text could start one. */
  private scanWordless(input: ScanInput, found: Candidate[]): void {
    const folded = input.folded;
    const n = folded.length;
    for (let i = 0; i < n; i++) {
      const code = folded.charCodeAt(i);
      // Only the first character of a whitespace run stands for it, and leading whitespace is skipped.
      if (isWhitespace(code) && (i === 0 || isWhitespace(folded.charCodeAt(i - 1)))) continue;
      const listed = this.wordlessByFirst.get(isWhitespace(code) ? 32 : code);
      if (!listed) continue;
      for (const index of listed) {
        const key = this.keys[index] as string;
        const end = matchForward(folded, n, i, key, 0, key.length);
        if (end >= 0) this.report(this.flags[index] as number, input, i, end, found);
      }
    }
  }

  /** Report a match of the pattern with `flags` at [start, end) if its boundaries and capital allow. */
  private report(flags: number, input: ScanInput, start: number, end: number, found: Candidate[]): void {
    const folded = input.folded;
    // A key that starts with a letter or digit was found at the start of a word of the text, so
    // no letter or digit comes before it; an address must not continue to the left either.
    if ((flags & (NEEDS_START | IS_EMAIL)) === (NEEDS_START | IS_EMAIL) && start > 0) {
      if (continuesEmail(folded.charCodeAt(start - 1))) return;
    }
    // Its last word, though, may only be the start of a longer word of the text.
    if ((flags & NEEDS_END) !== 0 && end < folded.length) {
      const next = folded.charCodeAt(end);
      if (isWordCode(next)) return;
      // `jan@x.nl` inside `jan@x.nl.example.com` is a different address.
      if (
        next === 46 &&
        (flags & IS_EMAIL) !== 0 &&
        end + 1 < folded.length &&
        isWordCode(folded.charCodeAt(end + 1))
      ) {
        return;
      }
    }
    const capitalAt = (flags >>> CAPITAL_SHIFT) - 1;
    if (capitalAt >= 0 && !isCapital(input.text, advance(folded, start, capitalAt))) return;
    const reading = this.readings[(flags >>> READING_SHIFT) & READING_MASK] as Pick<
      DictionaryPattern,
      "type" | "score"
    >;
    found.push({ type: reading.type, start, end, score: reading.score, recognizer: NAME });
  }
}
