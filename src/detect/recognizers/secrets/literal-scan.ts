/**
 * Finding many short literals (key prefixes) in one pass: a loop that looks up the first two
 * characters in a table and only then compares whole literals. Almost no position has a
 * matching pair, and unlike a regex alternation of a hundred literals the cost does not grow
 * with the number of literals.
 */

import { isTokenChar } from "./shared.js";

export class LiteralScanner {
  /** For each pair of ASCII characters: 0, or 1 + the index of its literal list in `lists`. */
  private readonly pairs = new Uint16Array(128 * 128);
  private readonly lists: string[][] = [];

  constructor(literals: readonly string[]) {
    const sorted = [...new Set(literals)].sort((a, b) => b.length - a.length);
    for (const literal of sorted) {
      const a = literal.charCodeAt(0);
      const b = literal.charCodeAt(1);
      if (literal.length < 2 || a >= 128 || b >= 128) throw new Error(`unsupported literal: ${literal}`);
      const slot = a * 128 + b;
      if (this.pairs[slot] === 0) {
        this.lists.push([]);
        this.pairs[slot] = this.lists.length;
      }
      (this.lists[(this.pairs[slot] as number) - 1] as string[]).push(literal);
    }
  }

  /** The longest literal that starts at `index`, or `undefined`. */
  literalAt(text: string, index: number): string | undefined {
    const a = text.charCodeAt(index);
    const b = text.charCodeAt(index + 1);
    if (!(a < 128 && b < 128)) return undefined;
    const list = this.pairs[a * 128 + b] as number;
    if (list === 0) return undefined;
    for (const literal of this.lists[list - 1] as string[]) if (text.startsWith(literal, index)) return literal;
    return undefined;
  }

  /**
   * The next position in [`from`, `to`) where some literal starts, or -1. With `tokenStart`,
   * only positions that begin a token (not preceded by a letter, digit, `_` or `-`) count.
   */
  next(text: string, from: number, tokenStart: boolean, to = text.length): number {
    const pairs = this.pairs;
    const last = Math.min(to, text.length - 1);
    let b = from < text.length ? text.charCodeAt(from) : 0;
    for (let i = from; i < last; i++) {
      const a = b;
      b = text.charCodeAt(i + 1);
      if (a >= 128 || b >= 128) continue;
      const list = pairs[a * 128 + b] as number;
      if (list === 0) continue;
      if (tokenStart && i > 0 && isTokenChar(text.charCodeAt(i - 1))) continue;
      for (const literal of this.lists[list - 1] as string[]) if (text.startsWith(literal, i)) return i;
    }
    return -1;
  }
}
