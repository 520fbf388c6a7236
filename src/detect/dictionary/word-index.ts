/**
 * The index the customer dictionary scans with: keys looked up by their first (up to) three words.
 *
 * Every word of a key (a maximal run of letters and digits) can only match a whole word of the
 * text (see `CustomerDictionary`), so the scan hashes each word of the text once, as it reads it,
 * and asks this index which keys could start there. Keying on up to three words keeps the
 * character comparison that follows for near-certain matches: `van de` in running text does not
 * try every `van de ...` on the list. The hash only narrows the search: a collision costs a
 * comparison, never a wrong match.
 *
 * Most words of a text take part in no key, and must cost next to nothing even when the other
 * recognizers have pushed the index out of the CPU cache. So each word first reads four bits at
 * one place of a small filter, sized to the dictionary's vocabulary: whether a word with its hash
 * is a one-word key, the first, the second or the third word of a longer one. `de` may start many
 * keys, but `de maand` costs no more than those bits, as `maand` is nobody's second word. Only a
 * pair that passes is looked up in a second filter of pairs, and only what passes there in the
 * hash table.
 *
 * Layout (typed arrays and one string, so 10 000 entries cost a few hundred KB and no per-key objects):
 * - `words`, `pairs`: the filters (see `HashFilter`);
 * - `table`: open addressing on a 32-bit lookup key (the words' hash, with the number of words it
 *   covers in the top two bits, so lookups of different lengths never meet), two ints per slot:
 *   the lookup key and where the slot's patterns start in `members` (0: empty slot);
 * - `members`: per slot a count, then per pattern where its key starts and ends in `keyText`,
 *   where its first word starts there, and the caller's flags for it: all a match needs, in one
 *   place;
 * - `keyText`: all keys one after the other.
 * Keys without any word (`--`, emoji) cannot be found this way; they are listed in `wordless`.
 */

/** FNV-1a offset basis: the hash of an empty word. */
export const WORD_HASH_SEED = 0x811c9dc5 | 0;

/** One step of FNV-1a over UTF-16 code units: `hash = wordHashStep(hash, code)` per character. */
export function wordHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** Spread a word hash over all 32 bits (murmur3's finaliser), so its low and high bits are both usable. */
export function finishWordHash(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The lookup key of a key whose first two words hash (finished) to `first` and `second`. */
export function pairKey(first: number, second: number): number {
  return finishWordHash((Math.imul(first, 0x9e3779b1) + second) | 0);
}

/** 1 for an ASCII letter or digit: the hot loop's test before it calls `isWordCode`. */
export const ASCII_WORD: Readonly<Uint8Array> = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0,
);
/** Word-ness of non-ASCII code units, filled in on first sight: 0 unknown, 1 word, 2 not. */
const NON_ASCII_WORD = new Uint8Array(65536);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A letter or digit (one UTF-16 unit; a lone surrogate is neither). */
export function isWordCode(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  let known = NON_ASCII_WORD[code] as number;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    NON_ASCII_WORD[code] = known;
  }
  return known === 1;
}

/** Kinds of bits in the word filter. A word with this hash is a one-word key (but for punctuation), ... */
export const ONE_WORD = 0;
/** ... or the first, second or third word of a key of two words or more. */
export const FIRST_WORD = 1;
export const SECOND_WORD = 2;
export const THIRD_WORD = 3;
/** Kinds of bits in the pair filter: a key's first two words with this pair hash are the whole key, ... */
export const TWO_WORDS = 0;
/** ... or a third word follows. */
export const THREE_OR_MORE = 1;

/** Lookup keys by the number of words they cover (1, 2 or 3): the count goes in the top two bits. */
export function lookupKey(hash: number, words: number): number {
  return (hash & 0x3fffffff) | (words << 30);
}

/**
 * A set of hashes, each with some of `kinds` (at most 32) kinds. A hash's position is its high
 * bits (the table uses the low ones), and the bit of kind K for position P is bit `P & 31` of
 * `bits[kinds * (P >>> 5) + K]`, so all kinds of one position sit side by side, in one cache line.
 * It has about `spread` positions per hash held, so roughly 1 in `spread` absent hashes gets
 * through, up to 2^`maxLog2` positions.
 */
export class HashFilter {
  readonly bits: Int32Array;
  /** One bit per position, set when any kind is: a quarter of the size or less, so it stays cached. */
  readonly any: Int32Array;
  readonly shift: number;

  constructor(hashes: ReadonlyMap<number, number>, kinds: number, spread: number, maxLog2: number) {
    let log2 = 10;
    while (log2 < maxLog2 && 1 << log2 < hashes.size * spread) log2++;
    this.shift = 32 - log2;
    this.bits = new Int32Array(kinds << (log2 - 5));
    this.any = new Int32Array(1 << (log2 - 5));
    for (const [hash, mask] of hashes) {
      const position = hash >>> this.shift;
      const bit = 1 << (position & 31);
      this.any[position >>> 5] = (this.any[position >>> 5] as number) | bit;
      for (let kind = 0; kind < kinds; kind++) {
        if ((mask & (1 << kind)) === 0) continue;
        const row = kinds * (position >>> 5) + kind;
        this.bits[row] = (this.bits[row] as number) | bit;
      }
    }
  }
}

/** Ints per pattern in `members`: key start, key end, first word start (all in `keyText`), flags. */
export const MEMBER_INTS = 4;

export class WordIndex {
  /** See the file comment; public so the scan can run on local references. Treat as read-only. */
  readonly words: HashFilter;
  readonly pairs: HashFilter;
  readonly table: Int32Array;
  readonly mask: number;
  readonly members: Int32Array;
  readonly keyText: string;
  /** Keys with no word, matched by a plain search. */
  readonly wordless: readonly number[];

  /**
   * `keys[i]` is pattern i's folded key, `flags[i]` anything the caller wants back with a match
   * (an int). A key that can never match (it holds a NUL) is left out.
   */
  constructor(keys: readonly string[], flags: Int32Array) {
    const groups = new Map<number, number[]>();
    const wordless: number[] = [];
    const words = new Map<number, number>();
    const pairs = new Map<number, number>();
    const add = (map: Map<number, number>, hash: number, kind: number) =>
      map.set(hash, (map.get(hash) ?? 0) | (1 << kind));
    const firstWordAt = new Int32Array(keys.length);
    keys.forEach((key, index) => {
      // The old scan read a NUL in the text as a break (its word marker was a NUL), so a key
      // holding one never matched; keep it that way.
      if (key.length === 0 || key.includes("\u0000")) return;
      const first = nextWord(key, 0);
      if (first === null) {
        wordless.push(index);
        return;
      }
      firstWordAt[index] = first.start;
      const second = nextWord(key, first.end);
      const third = second === null ? null : nextWord(key, second.end);
      let lookup: number;
      if (second === null) {
        add(words, first.hash, ONE_WORD);
        lookup = lookupKey(first.hash, 1);
      } else {
        const pair = pairKey(first.hash, second.hash);
        add(words, first.hash, FIRST_WORD);
        add(words, second.hash, SECOND_WORD);
        if (third === null) {
          add(pairs, pair, TWO_WORDS);
          lookup = lookupKey(pair, 2);
        } else {
          add(words, third.hash, THIRD_WORD);
          add(pairs, pair, THREE_OR_MORE);
          lookup = lookupKey(pairKey(pair, third.hash), 3);
        }
      }
      const group = groups.get(lookup);
      if (group) group.push(index);
      else groups.set(lookup, [index]);
    });
    this.wordless = wordless;
    // The word filter is read for every word of the text: 8 positions per word it holds (so
    // about 1 in 8 unrelated words passes a given kind), 16 KB at most. The pair filter is only
    // read for pairs that passed it, so it may be sparser and larger.
    this.words = new HashFilter(words, 4, 8, 15);
    this.pairs = new HashFilter(pairs, 2, 16, 18);

    // At most half full, so a miss ends after a probe or two.
    let size = 16;
    while (size < groups.size * 2) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(2 * size);
    let patterns = 0;
    for (const group of groups.values()) patterns += group.length;
    this.members = new Int32Array(1 + groups.size + MEMBER_INTS * patterns);
    const keyStart = new Int32Array(keys.length + 1);
    for (let k = 0; k < keys.length; k++) keyStart[k + 1] = (keyStart[k] as number) + (keys[k] as string).length;
    this.keyText = keys.join("");
    let used = 1;
    for (const [lookup, group] of groups) {
      let slot = lookup & this.mask;
      while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = lookup;
      this.table[2 * slot + 1] = used;
      this.members[used++] = group.length;
      for (const index of group) {
        const start = keyStart[index] as number;
        this.members[used++] = start;
        this.members[used++] = keyStart[index + 1] as number;
        this.members[used++] = start + (firstWordAt[index] as number);
        this.members[used++] = flags[index] as number;
      }
    }
  }

  /** Where the patterns under `lookup` start in `members` (their count first), or 0 when there are none. */
  find(lookup: number): number {
    const table = this.table;
    const mask = this.mask;
    for (let slot = lookup & mask; ; slot = (slot + 1) & mask) {
      const at = table[2 * slot + 1] as number;
      if (at === 0 || table[2 * slot] === lookup) return at;
    }
  }
}

/** The first word of `key` at or after `from`, with its finished hash, or null. */
function nextWord(key: string, from: number): { start: number; end: number; hash: number } | null {
  let start = from;
  while (start < key.length && !isWordCode(key.charCodeAt(start))) start++;
  if (start === key.length) return null;
  let hash = WORD_HASH_SEED;
  let end = start;
  for (; end < key.length && isWordCode(key.charCodeAt(end)); end++) hash = wordHashStep(hash, key.charCodeAt(end));
  return { start, end, hash: finishWordHash(hash) };
}
