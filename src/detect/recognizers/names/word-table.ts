/**
 * Word lookups straight on a range of a folded text: a hash of the characters in place, so a
 * lookup costs no slice and no string hashing. Used for the words the names recognizers look
 * at again and again (see tokens.ts and facts.ts).
 */

/** FNV-1a over UTF-16 units, one step. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export const HASH_SEED = 0x811c9dc5;

/** `hashStep` over `text[start..end)`. */
export function hashRange(text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** True when `text[start..start + word.length)` is `word`. */
export function sameWord(word: string, text: string, start: number, length: number): boolean {
  if (word.length !== length) return false;
  for (let k = 0; k < length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/**
 * A fixed set of words, each with a non-zero number: `get` finds the number of a range of a
 * text (0 when the range is no word of the set). Open addressing, at most a quarter full.
 */
export class WordValues {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly words: string[] = [];
  private readonly values: number[] = [];

  constructor(entries: ReadonlyMap<string, number>) {
    let size = 16;
    while (size < entries.size * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const [word, value] of entries) {
      if (value === 0 || word.length === 0) continue;
      let slot = hashRange(word, 0, word.length) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.words.push(word);
      this.values.push(value);
      this.slots[slot] = this.words.length;
    }
  }

  /** The number of `text.slice(start, end)`, or 0. */
  get(text: string, start: number, end: number): number {
    if (end <= start) return 0;
    const length = end - start;
    let slot = hashRange(text, start, end) & this.mask;
    for (let entry = this.slots[slot] as number; entry !== 0; entry = this.slots[slot] as number) {
      if (sameWord(this.words[entry - 1] as string, text, start, length)) return this.values[entry - 1] as number;
      slot = (slot + 1) & this.mask;
    }
    return 0;
  }
}
