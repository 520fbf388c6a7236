import type { Candidate, EntityType, Recognizer, ScanInput } from "../types.js";
import { AhoCorasick } from "./aho-corasick.js";
import { type DictionaryEntry, type DictionaryPattern, patternsFor } from "./entries.js";

const NAME = "customer-dictionary";

function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
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
export class CustomerDictionary implements Recognizer {
  readonly name = NAME;
  readonly types: readonly EntityType[];
  /** Number of distinct patterns (entries plus their variants). */
  readonly size: number;
  private readonly automaton: AhoCorasick;
  private readonly patterns: readonly DictionaryPattern[];
  private readonly needsStartBoundary: Uint8Array;
  private readonly needsEndBoundary: Uint8Array;
  private readonly ringMask: number;

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
    this.automaton = new AhoCorasick(this.patterns.map((p) => p.key));
    this.needsStartBoundary = Uint8Array.from(this.patterns, (p) => (isWordCode(p.key.charCodeAt(0)) ? 1 : 0));
    this.needsEndBoundary = Uint8Array.from(this.patterns, (p) =>
      isWordCode(p.key.charCodeAt(p.key.length - 1)) ? 1 : 0,
    );
    let longest = 1;
    for (const p of this.patterns) longest = Math.max(longest, p.key.length);
    let ring = 1;
    while (ring <= longest) ring <<= 1;
    this.ringMask = ring - 1;
  }

  scan(input: ScanInput): Candidate[] {
    const found: Candidate[] = [];
    if (this.size === 0) return found;
    const { folded, text } = input;
    const ac = this.automaton;
    const mask = this.ringMask;
    // Original index of each character the automaton has read, so a match that spans a collapsed
    // run of whitespace still maps back to where it starts.
    const ring = new Int32Array(mask + 1);
    let read = 0;
    let state = 0;
    let previousWasSpace = true;
    for (let i = 0; i < folded.length; i++) {
      let code = folded.charCodeAt(i);
      if (isWhitespace(code)) {
        if (previousWasSpace) continue;
        code = 32;
        previousWasSpace = true;
      } else {
        previousWasSpace = false;
      }
      ring[read & mask] = i;
      read++;
      state = ac.step(state, code);
      if (state === 0) continue;
      for (let s = ac.outputAt(state) >= 0 ? state : ac.nextOutputState(state); s >= 0; s = ac.nextOutputState(s)) {
        const index = ac.outputAt(s);
        const length = ac.patternLength[index] as number;
        const start = ring[(read - length) & mask] as number;
        const end = i + 1;
        if (!this.onBoundaries(index, folded, start, end)) continue;
        const pattern = this.patterns[index] as DictionaryPattern;
        if (pattern.capitalAt >= 0) {
          const at = ring[(read - length + pattern.capitalAt) & mask] as number;
          const ch = text.charAt(at);
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
      if ((this.patterns[index] as DictionaryPattern).type === "EMAIL" && continuesEmail(before)) return false;
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
