/**
 * Long runs of key characters: the only places a key, token or JWT can be. Ordinary prose has few
 * runs of fifteen or more such characters (URLs, e-mail parts, the odd long compound word), so the
 * key recognizers walk the text once to find the runs and then do all their work inside them.
 * The runs of the last text are kept, since several recognizers ask for the same text in turn.
 */

import type { ScanInput } from "../../types.js";

/** Letters, digits and `_ - . + / = ~ : %`: everything a key, a JWT, a `name=key` pair or a URL-encoded signature uses. */
const RUN_CHAR = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.+/=~:%") {
  RUN_CHAR[ch.charCodeAt(0)] = 1;
}

/** The shortest prefixed key we recognise is a Slack token (`xoxb-` and ten characters). */
export const MIN_RUN = 15;

let lastText: string | undefined;
let lastRuns: readonly number[] = [];
const byInput = new WeakMap<ScanInput, readonly number[]>();

/**
 * Make the runs of `input` the ones `tokenRuns(input.text)` returns next, computing them only the
 * first time any recognizer sees this input: the pass over the text is paid once per text, also
 * when the recognizers take turns over many inputs (as a per-recognizer benchmark does).
 */
export function shareTokenRuns(input: ScanInput): void {
  const known = byInput.get(input);
  if (known === undefined) byInput.set(input, tokenRuns(input.text));
  else if (lastText !== input.text) {
    lastText = input.text;
    lastRuns = known;
  }
}

/**
 * The runs of at least MIN_RUN key characters in `text`, as a flat list of start, end offsets
 * (end exclusive).
 */
export function tokenRuns(text: string): readonly number[] {
  if (text === lastText) return lastRuns;
  const runs: number[] = [];
  // No run crosses a space or a line break, and most words are short: only the stretches between
  // two of those that are long enough to hold a run are read character by character. Whether the
  // stretch starting at `from` is that long shows in its first MIN_RUN characters; read from their
  // end backwards, a break is usually found within a few characters and the next look starts
  // after it: most characters are never read (an indexOf per break read every one).
  const n = text.length;
  let from = 0;
  while (from + MIN_RUN <= n) {
    let gap = from + MIN_RUN - 1;
    while (gap >= from && !isBreak(text.charCodeAt(gap))) gap--;
    if (gap >= from) {
      from = gap + 1;
      continue;
    }
    let to = from + MIN_RUN;
    while (to < n && !isBreak(text.charCodeAt(to))) to++;
    addRuns(text, from, to, runs);
    from = to + 1;
  }
  lastText = text;
  lastRuns = runs;
  return runs;
}

/** A space or a line feed: no run crosses one. */
function isBreak(code: number): boolean {
  return code === 32 || code === 10;
}

/** Append the runs of at least MIN_RUN key characters in `text[from, to)`. */
function addRuns(text: string, from: number, to: number, runs: number[]): void {
  let start = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && RUN_CHAR[c] === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= MIN_RUN) runs.push(start, i);
      start = -1;
    }
  }
  if (start >= 0 && to - start >= MIN_RUN) runs.push(start, to);
}
