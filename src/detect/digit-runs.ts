/**
 * Where the numbers are. Most recognizers of numbers (BSN, KvK, card, VAT, driving licence, ...)
 * match a pattern that begins with a lookbehind (`(?<![A-Za-z0-9_])...`), and V8 cannot skip ahead
 * to a likely first character for such a pattern: a scan of the whole text tries the lookbehind at
 * every position, one pass per recognizer. Every such match starts at the first digit of a run of
 * digits, or a fixed few characters before one, and runs are few in prose. So the runs are found
 * once per text, and each recognizer tries its own pattern (sticky) only where a match can start.
 */

import type { ScanInput } from "./types.js";

/** ASCII digits: the same digits `\d` matches in the recognizers' patterns. */
const DIGIT = /[0-9]/g;

let lastText: string | undefined;
let lastRuns: readonly number[] = [];

/**
 * The maximal runs of digits in `text` as a flat list of start, end offsets (end exclusive). The
 * runs of the last text are kept, since the number recognizers ask for the same text in turn.
 */
export function digitRuns(text: string): readonly number[] {
  if (text === lastText) return lastRuns;
  const runs: number[] = [];
  // `test` jumps to the next digit without allocating a match; the run is read on from there.
  const n = text.length;
  DIGIT.lastIndex = 0;
  while (DIGIT.test(text)) {
    const start = DIGIT.lastIndex - 1;
    let end = start + 1;
    for (let c = text.charCodeAt(end); c >= 48 && c <= 57; c = text.charCodeAt(end)) end++;
    runs.push(start, end);
    if (end >= n) break;
    DIGIT.lastIndex = end;
  }
  lastText = text;
  lastRuns = runs;
  return runs;
}

const byInput = new WeakMap<ScanInput, readonly number[]>();

/**
 * Make the runs of `input` the ones `digitRuns(input.text)` returns next, computing them only the
 * first time any recognizer sees this input. The analyzer hands all recognizers one input, and so
 * does a benchmark that times each recognizer over the same inputs: either way the pass over the
 * text is paid once per text, not once per recognizer.
 */
export function shareDigitRuns(input: ScanInput): void {
  const known = byInput.get(input);
  if (known !== undefined && lastText === input.text) return;
  if (known !== undefined) {
    lastText = input.text;
    lastRuns = known;
    return;
  }
  byInput.set(input, digitRuns(input.text));
}

/** A sticky copy of a global pattern (same source and flags, `g` replaced by `y`). */
export function stickyOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, `${pattern.flags.replace("g", "")}y`);
}

/**
 * Finds what a global scan with a pattern would find, trying the pattern only at the positions
 * given to `at`, in increasing order. A global scan tries every position from the start and
 * resumes after each match; this skips the positions inside a match and those already tried, so
 * the result is the same whenever every position a match could start at is offered. Patterns must
 * not match the empty string.
 */
export class StickyScan {
  private from = 0;

  /** `sticky` is the pattern with the `y` flag (see `stickyOf`). */
  constructor(
    private readonly sticky: RegExp,
    private readonly text: string,
  ) {}

  /** The match starting exactly at `start`, or null (also for a position passed before or inside a match). */
  at(start: number): RegExpExecArray | null {
    if (start < this.from || start < 0) return null;
    this.sticky.lastIndex = start;
    const m = this.sticky.exec(this.text);
    this.from = m === null ? start + 1 : start + m[0].length;
    return m;
  }
}
