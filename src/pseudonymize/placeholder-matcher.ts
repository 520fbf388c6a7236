/**
 * Recognises placeholders the way language models write them back: `[PERSOON_1]`, `PERSOON_1`,
 * `[Persoon_1]`, `[ PERSOON_1 ]`, `[PERSOON 1]`, `%5BPERSOON_1%5D`. A hand-written matcher rather
 * than a regular expression because the streaming restorer must know, at a chunk's end, whether
 * the tail could still grow into a placeholder ("need more") — the same code then decides both
 * whole-text and streamed restoration, so the two can never disagree.
 */
import { PLACEHOLDER_LABELS } from "./labels.js";

/** Digits in a placeholder number; a longer run is some other identifier. */
export const MAX_PLACEHOLDER_DIGITS = 6;
const MAX_INNER_SPACES = 2;

interface TrieNode {
  children: Map<number, TrieNode>;
  label: string | null;
}

function buildTrie(labels: Iterable<string>): { root: TrieNode; longest: number } {
  const root: TrieNode = { children: new Map(), label: null };
  let longest = 0;
  const all = [...new Set(labels)];
  for (const label of all) {
    // The matcher stops at the first complete label, so no label may begin another one.
    const clash = all.find((other) => other !== label && other.startsWith(label));
    if (clash) throw new Error(`placeholder label ${label} is a prefix of ${clash}`);
    longest = Math.max(longest, label.length);
    let node = root;
    for (let i = 0; i < label.length; i++) {
      const code = label.charCodeAt(i);
      let next = node.children.get(code);
      if (!next) {
        next = { children: new Map(), label: null };
        node.children.set(code, next);
      }
      node = next;
    }
    node.label = label;
  }
  return { root, longest };
}

const { root: LABEL_TRIE, longest: LONGEST_LABEL } = buildTrie([
  ...Object.values(PLACEHOLDER_LABELS.nl),
  ...Object.values(PLACEHOLDER_LABELS.en),
]);

/**
 * The most characters a placeholder form can span: `%5B`, spaces, label, separator, digits,
 * spaces, `%5D`. A streaming restorer never needs to hold back more than this.
 */
export const MAX_PLACEHOLDER_FORM =
  3 + MAX_INNER_SPACES + LONGEST_LABEL + 1 + MAX_PLACEHOLDER_DIGITS + MAX_INNER_SPACES + 3;

export interface PlaceholderMatch {
  start: number;
  end: number;
  /** Upper-case label as recognised, e.g. `PERSOON`. */
  label: string;
  /** The number exactly as written (leading zeros kept, so `_01` is not `_1`). */
  digits: string;
}

/** Returned when the text ends before the matcher can decide and more text may follow. */
export const NEED_MORE = "more" as const;

const SPACE = 32;
const UNDERSCORE = 95;
const HYPHEN = 45;
const OPEN = 91; // [
const CLOSE = 93; // ]
const PERCENT = 37;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isWordChar(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c) || c === UNDERSCORE;
}
function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/** Could a placeholder start at `i`? Cheap pre-check so the scanner skips most characters. */
export function mayStartPlaceholder(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === OPEN || c === PERCENT) return true;
  if (!isAsciiLetter(c) || !LABEL_TRIE.children.has(upper(c))) return false;
  return i === 0 || !isWordChar(text.charCodeAt(i - 1));
}

/**
 * Try to match a placeholder starting exactly at `i`. `final` says the text is complete; when it
 * is not and the decision depends on characters beyond the end, the result is NEED_MORE.
 */
export function matchPlaceholderAt(
  text: string,
  i: number,
  final: boolean,
): PlaceholderMatch | null | typeof NEED_MORE {
  const len = text.length;
  const more = final ? null : NEED_MORE;
  let p = i;
  let bracketed = false;
  const first = text.charCodeAt(p);
  if (first === OPEN) {
    bracketed = true;
    p++;
  } else if (first === PERCENT) {
    if (p + 1 >= len) return more;
    if (text.charCodeAt(p + 1) !== 53) return null; // 5
    if (p + 2 >= len) return more;
    if (upper(text.charCodeAt(p + 2)) !== 66) return null; // B
    bracketed = true;
    p += 3;
  } else if (i > 0 && isWordChar(text.charCodeAt(i - 1))) {
    return null;
  }
  if (bracketed) {
    for (let n = 0; n < MAX_INNER_SPACES && p < len && text.charCodeAt(p) === SPACE; n++) p++;
  }
  let node = LABEL_TRIE;
  while (node.label === null) {
    if (p >= len) return more;
    const next = node.children.get(upper(text.charCodeAt(p)));
    if (!next) return null;
    node = next;
    p++;
  }
  const label = node.label;
  if (p >= len) return more;
  const sep = text.charCodeAt(p);
  if (sep === UNDERSCORE) p++;
  else if (bracketed && (sep === SPACE || sep === HYPHEN)) p++;
  else if (!(bracketed && isDigit(sep))) return null;
  const digitsStart = p;
  while (p < len && isDigit(text.charCodeAt(p)) && p - digitsStart <= MAX_PLACEHOLDER_DIGITS) p++;
  const digitCount = p - digitsStart;
  if (digitCount > MAX_PLACEHOLDER_DIGITS) return null;
  if (p >= len) {
    if (!final) return NEED_MORE;
    if (digitCount === 0) return null;
    return { start: i, end: p, label, digits: text.slice(digitsStart, p) };
  }
  if (digitCount === 0) return null;
  const digits = text.slice(digitsStart, p);
  // A bare `PERSOON_1_OUD` is part of a longer identifier, not our placeholder.
  if (!bracketed && text.charCodeAt(p) === UNDERSCORE) return null;
  let q = p;
  for (let n = 0; n < MAX_INNER_SPACES && q < len && text.charCodeAt(q) === SPACE; n++) q++;
  if (q >= len) return final ? { start: i, end: p, label, digits } : NEED_MORE;
  const c = text.charCodeAt(q);
  if (c === CLOSE) return { start: i, end: q + 1, label, digits };
  if (c === PERCENT) {
    if (q + 1 >= len) return final ? { start: i, end: p, label, digits } : NEED_MORE;
    if (text.charCodeAt(q + 1) === 53) {
      if (q + 2 >= len) return final ? { start: i, end: p, label, digits } : NEED_MORE;
      if (upper(text.charCodeAt(q + 2)) === 68) return { start: i, end: q + 3, label, digits }; // D
    }
  }
  return { start: i, end: p, label, digits };
}

/** The furthest a placeholder's first digit lies from its start: `%5B`, spaces, label, separator. */
const FIRST_DIGIT_REACH = 3 + MAX_INNER_SPACES + LONGEST_LABEL + 1;

/** Every placeholder-like token in a complete text, left to right, never overlapping. */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  // A complete placeholder has a number, so only starts shortly before a digit can match: the
  // stretches of prose between numbers are skipped instead of walked letter by letter.
  const digits = /\d/g;
  let nextDigit = -1;
  for (let i = 0; i < text.length; i++) {
    if (nextDigit < i) {
      digits.lastIndex = i;
      const digit = digits.exec(text);
      if (!digit) break;
      nextDigit = digit.index;
    }
    if (nextDigit - i > FIRST_DIGIT_REACH) i = nextDigit - FIRST_DIGIT_REACH;
    if (!mayStartPlaceholder(text, i)) continue;
    const m = matchPlaceholderAt(text, i, true);
    if (m === null || m === NEED_MORE) continue;
    found.push(m);
    i = m.end - 1;
  }
  return found;
}
