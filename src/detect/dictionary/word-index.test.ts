import { describe, expect, it } from "vitest";
import {
  FIRST_WORD,
  finishWordHash,
  HashFilter,
  isWordCode,
  lookupKey,
  MEMBER_INTS,
  ONE_WORD,
  pairKey,
  SECOND_WORD,
  WORD_HASH_SEED,
  WordIndex,
  wordHashStep,
} from "./word-index.js";

function hashOf(word: string): number {
  let hash = WORD_HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = wordHashStep(hash, word.charCodeAt(i));
  return finishWordHash(hash);
}

/** The members listed under `lookup`, as [key, first word] strings. */
function listed(index: WordIndex, lookup: number): string[][] {
  const at = index.find(lookup);
  if (at === 0) return [];
  const out: string[][] = [];
  for (let m = at + 1; m < at + 1 + MEMBER_INTS * (index.members[at] as number); m += MEMBER_INTS) {
    const [start, end, word] = [index.members[m], index.members[m + 1], index.members[m + 2]] as number[];
    out.push([index.keyText.slice(start, end), index.keyText.slice(word, end)]);
  }
  return out;
}

function hasBit(filter: HashFilter, hash: number, kind: number, kinds: number): boolean {
  const position = hash >>> filter.shift;
  return (((filter.bits[kinds * (position >>> 5) + kind] as number) >>> (position & 31)) & 1) === 1;
}

describe("isWordCode", () => {
  it("is a letter or digit, one UTF-16 unit at a time", () => {
    for (let code = 0; code < 65536; code++) {
      expect(isWordCode(code), `U+${code.toString(16)}`).toBe(/[\p{L}\p{N}]/u.test(String.fromCharCode(code)));
    }
  });
});

describe("WordIndex", () => {
  const keys = ["jan de vries", "de vries", "vries", "'t hof", "j. de vries", "--", "a\u0000b", "jan@x.nl"];
  const index = new WordIndex(
    keys,
    Int32Array.from(keys, (_, i) => i),
  );

  it("files each key under its first one, two or three words", () => {
    const [jan, de, vries] = ["jan", "de", "vries"].map(hashOf) as number[];
    expect(listed(index, lookupKey(hashOf("vries"), 1))).toEqual([["vries", "vries"]]);
    expect(listed(index, lookupKey(pairKey(de as number, vries as number), 2))).toEqual([["de vries", "de vries"]]);
    expect(listed(index, lookupKey(pairKey(pairKey(jan as number, de as number), vries as number), 3))).toEqual([
      ["jan de vries", "jan de vries"],
    ]);
    // Punctuation before the first word stays with the key, to be matched backwards.
    expect(listed(index, lookupKey(pairKey(hashOf("t"), hashOf("hof")), 2))).toEqual([["'t hof", "t hof"]]);
  });

  it("marks in the word filter what each word can be", () => {
    expect(hasBit(index.words, hashOf("vries"), ONE_WORD, 4)).toBe(true);
    expect(hasBit(index.words, hashOf("de"), FIRST_WORD, 4)).toBe(true);
    expect(hasBit(index.words, hashOf("vries"), SECOND_WORD, 4)).toBe(true);
  });

  it("finds nothing for an absent lookup, and never meets lookups of another length", () => {
    expect(index.find(lookupKey(hashOf("maand"), 1))).toBe(0);
    expect(index.find(lookupKey(hashOf("vries"), 2))).toBe(0);
  });

  it("lists wordless keys apart and leaves out keys that can never match", () => {
    expect(index.wordless).toEqual([5]);
    // Seven keys with words, less the one holding a NUL.
    let members = 0;
    for (let slot = 0; slot <= index.mask; slot++) {
      const at = index.table[2 * slot + 1] as number;
      if (at !== 0) members += index.members[at] as number;
    }
    expect(members).toBe(6);
  });
});

describe("HashFilter", () => {
  it("grows with what it holds, up to its bound", () => {
    const hashes = (n: number) =>
      new Map(Array.from({ length: n }, (_, i) => [hashOf(`w${i}`), 1] as [number, number]));
    const small = new HashFilter(hashes(10), 4, 8, 15);
    const large = new HashFilter(hashes(2000), 4, 8, 15);
    const capped = new HashFilter(hashes(100_000), 4, 8, 15);
    expect(small.bits.length).toBeLessThan(large.bits.length);
    expect(capped.bits.length).toBe(4 << (15 - 5));
    for (const hash of hashes(2000).keys()) expect(hasBit(large, hash, 0, 4)).toBe(true);
  });
});
