/**
 * The customer dictionary as it was matched before the word index: an Aho-Corasick automaton
 * stepped over every character of the folded text. Kept, unchanged apart from its name, as the
 * reference the differential tests hold the word index to; it is not part of the build.
 */
import type { Candidate, EntityType, Recognizer, ScanInput } from "../../types.js";
import { type DictionaryEntry, type DictionaryPattern, patternsFor } from "../entries.js";
import { AhoCorasick } from "./aho-corasick.js";

const NAME = "customer-dictionary";

function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0,
);

/** Index of an ASCII digit or lower-case letter among the 36 that word starts are keyed on, or 255. */
const ALNUM36 = Uint8Array.from({ length: 128 }, (_, c) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 97 + 10 : 255,
);

/** The bit for three ASCII word characters in a `wordStarts` set. */
function tripleIndex(a: number, b: number, c: number): number {
  return ((ALNUM36[a] as number) * 36 + (ALNUM36[b] as number)) * 36 + (ALNUM36[c] as number);
}

/**
 * Which three-character word beginnings may lead anywhere, as a bit set over [0-9a-z]³: those that
 * begin some key's path from the start state (marker, then the three characters), and all those
 * whose first one or two characters already end a key. A word that starts in the start state with
 * any other beginning leaves the automaton in its start state having reported nothing (no pattern
 * path begins with a word character, so no shorter suffix survives), and can be skipped whole.
 */
function wordStartSet(markedKeys: readonly string[]): Uint8Array {
  const bits = new Uint8Array(Math.ceil((36 * 36 * 36) / 8));
  const set = (index: number) => {
    bits[index >> 3] = (bits[index >> 3] as number) | (1 << (index & 7));
  };
  const alnum = (code: number) => code < 128 && ALNUM36[code] !== 255;
  for (const key of markedKeys) {
    if (key.charCodeAt(0) !== WORD_START) continue;
    const a = key.charCodeAt(1);
    const b = key.charCodeAt(2);
    const c = key.charCodeAt(3);
    if (!alnum(a)) continue;
    if (key.length === 2) {
      for (let x = 0; x < 36 * 36; x++) set((ALNUM36[a] as number) * 36 * 36 + x);
    } else if (!alnum(b)) {
    } else if (key.length === 3) {
      for (let x = 0; x < 36; x++) set(((ALNUM36[a] as number) * 36 + (ALNUM36[b] as number)) * 36 + x);
    } else if (alnum(c)) {
      set(tripleIndex(a, b, c));
    }
  }
  return bits;
}

/**
 * Marks the start of every word. Keys carry it before each word, and the scan feeds it to the
 * automaton before each word of the text, so a match can only begin where a word begins: inside
 * words (most of any text) the automaton stays in its start state and does almost no work.
 */
const WORD_START = 0;

function markWordStarts(key: string): string {
  let out = "";
  let previousWasWord = false;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    const isWord = isWordCode(code);
    if (isWord && !previousWasWord) out += "\u0000";
    previousWasWord = isWord;
    out += key[i];
  }
  return out;
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Where a match of `length` pattern characters ending at `last` starts. The scan reads a run of
 * whitespace as one space, so walking back counts each run once and lands on its first character.
 */
function startOf(folded: string, last: number, length: number): number {
  let pos = last + 1;
  for (let left = length; left > 0; left--) {
    pos--;
    if (isWhitespace(folded.charCodeAt(pos))) while (pos > 0 && isWhitespace(folded.charCodeAt(pos - 1))) pos--;
  }
  return pos;
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

/**
 * The business's own customer list as a recognizer: names, companies and e-mail addresses it
 * knows are customer data, matched case- and accent-insensitively on word boundaries, in one pass
 * over the text however long the list is. Runs of whitespace in the text match one space, so a
 * name wrapped over two lines is still found.
 */
export class ReferenceDictionary implements Recognizer {
  readonly name = NAME;
  readonly types: readonly EntityType[];
  /** Number of distinct patterns (entries plus their variants). */
  readonly size: number;
  private readonly automaton: AhoCorasick;
  private readonly patterns: readonly DictionaryPattern[];
  private readonly needsStartBoundary: Uint8Array;
  /** Symbol of the word-start marker in the automaton (0 when no pattern starts with a word). */
  private readonly boundarySymbol: number;
  /** Length of each pattern in text characters (its key without word-start markers). */
  private readonly visibleLength: Int32Array;
  private readonly needsEndBoundary: Uint8Array;
  /** See `wordStartSet`. */
  private readonly wordStarts: Uint8Array;

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
    this.patterns = [...byKey.values()];
    this.size = this.patterns.length;
    this.types = [...new Set(this.patterns.map((p) => p.type))];
    const marked = this.patterns.map((p) => markWordStarts(p.key));
    this.automaton = new AhoCorasick(marked);
    this.wordStarts = wordStartSet(marked);
    this.boundarySymbol = this.automaton.symbolOf[WORD_START] as number;
    this.visibleLength = Int32Array.from(this.patterns, (p) => p.key.length);
    this.needsStartBoundary = Uint8Array.from(this.patterns, (p) => (isWordCode(p.key.charCodeAt(0)) ? 1 : 0));
    this.needsEndBoundary = Uint8Array.from(this.patterns, (p) =>
      isWordCode(p.key.charCodeAt(p.key.length - 1)) ? 1 : 0,
    );
  }

  scan(input: ScanInput): Candidate[] {
    const found: Candidate[] = [];
    if (this.size === 0) return found;
    const { folded, text } = input;
    const ac = this.automaton;
    const symbolOf = ac.symbolOf;
    const boundary = this.boundarySymbol;
    const wordStarts = this.wordStarts;
    const n = folded.length;
    let state = 0;
    let previousWasSpace = true;
    let previousWasWord = false;
    for (let i = 0; i < n; i++) {
      let code = folded.charCodeAt(i);
      if (code <= 32 && isWhitespace(code)) {
        if (previousWasSpace) continue;
        code = 32;
        previousWasSpace = true;
      } else {
        previousWasSpace = false;
      }
      const isWord = code < 128 ? ASCII_WORD[code] === 1 : isWordCode(code);
      if (isWord && !previousWasWord && state === 0 && i + 2 < n) {
        // Most words begin no key: tell by their first three characters, without walking the
        // automaton through cold rows of its tables, and skip them (see `wordStartSet`).
        const b = folded.charCodeAt(i + 1);
        const c = folded.charCodeAt(i + 2);
        if (code < 128 && b < 128 && c < 128 && ALNUM36[code] !== 255 && ALNUM36[b] !== 255 && ALNUM36[c] !== 255) {
          const index = tripleIndex(code, b, c);
          if (((wordStarts[index >> 3] as number) & (1 << (index & 7))) === 0) {
            previousWasWord = true;
            while (i + 1 < n) {
              const next = folded.charCodeAt(i + 1);
              if (next >= 128 || ASCII_WORD[next] !== 1) break;
              i++;
            }
            continue;
          }
        }
      }
      if (isWord && !previousWasWord && boundary !== 0) state = ac.next(state, boundary);
      previousWasWord = isWord;
      // A NUL in the text must not pose as the word-start marker.
      const symbol = code === WORD_START ? 0 : (symbolOf[code] as number);
      // Outside the alphabet, or mid-word at the start state: nothing can match from here.
      state = symbol === 0 ? 0 : state === 0 && isWord ? 0 : ac.next(state, symbol);
      if (state === 0) {
        // Most words begin no pattern: skip the rest of an ASCII word in a tight loop (the
        // automaton stays in its start state until the next word starts).
        if (isWord) {
          while (i + 1 < n) {
            const c = folded.charCodeAt(i + 1);
            if (c >= 128 || ASCII_WORD[c] !== 1) break;
            i++;
          }
        }
        continue;
      }
      for (let s = ac.outputAt(state) >= 0 ? state : ac.nextOutputState(state); s >= 0; s = ac.nextOutputState(s)) {
        const index = ac.outputAt(s);
        const start = startOf(folded, i, this.visibleLength[index] as number);
        const end = i + 1;
        if (!this.onBoundaries(index, folded, start, end)) continue;
        const pattern = this.patterns[index] as DictionaryPattern;
        if (pattern.capitalAt >= 0) {
          const ch = text.charAt(advance(folded, start, pattern.capitalAt));
          if (ch !== ch.toUpperCase()) continue;
        }
        found.push({ type: pattern.type, start, end, score: pattern.score, recognizer: NAME });
      }
    }
    return found;
  }

  private onBoundaries(index: number, folded: string, start: number, end: number): boolean {
    if (this.needsStartBoundary[index] === 1 && start > 0) {
      const before = folded.charCodeAt(start - 1);
      if (isWordCode(before)) return false;
      // The cheap character test first: reading the pattern object is a cache miss in a long list.
      if (continuesEmail(before) && (this.patterns[index] as DictionaryPattern).type === "EMAIL") return false;
    }
    if (this.needsEndBoundary[index] === 1 && end < folded.length) {
      const next = folded.charCodeAt(end);
      if (isWordCode(next)) return false;
      // `jan@x.nl` inside `jan@x.nl.example.com` is a different address.
      if (
        next === 46 &&
        (this.patterns[index] as DictionaryPattern).type === "EMAIL" &&
        end + 1 < folded.length &&
        isWordCode(folded.charCodeAt(end + 1))
      ) {
        return false;
      }
    }
    return true;
  }
}
