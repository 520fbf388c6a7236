/**
 * Capitalised-word tokenisation shared by the PERSON and ORGANIZATION recognizers: one global
 * regex pass finds every word that starts with a capital letter; lower-case words between them
 * are only looked at when they are short (tussenvoegsels, `&`).
 */

/**
 * A word that may start with an upper-case letter, with inner apostrophes (`O'Brien`, `D'Souza`).
 * Explicit Latin, Greek and Cyrillic ranges instead of `\p{Lu}`: a Unicode-property regex is an
 * order of magnitude slower in V8, and this pass runs over every character of every prompt.
 * Whether the first letter is really upper case, and whether a letter precedes it, is checked in code.
 */
export const CAPITALISED_WORD =
  /[A-ZÀ-ÖØ-ÞĀ-ɏͰ-Ͽ\u0400-\u042f][A-Za-zÀ-ÖØ-öø-ɏ\u0300-\u036fͰ-Ͽ\u0400-\u04ff]*(?:['’][A-Za-zÀ-ÖØ-öø-ɏ\u0300-\u036f]+)?/g;

function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  }
  return (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code <= 0x24f) || (code >= 0x300 && code <= 0x4ff);
}

function isUpperStart(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return true;
  const ch = word[0] as string;
  return ch !== ch.toLowerCase();
}

export interface CapToken {
  readonly start: number;
  readonly end: number;
  /** Folded (lower-case, accent-free) form. */
  readonly key: string;
  /** A single capital followed by a dot (`J.`), or a short Dutch initial (`Th.`). */
  readonly initial: boolean;
  /** Every letter upper case and longer than one (`BSN`, `KVK`): an acronym, not a name. */
  readonly acronym: boolean;
}

/** Latinised initials of more than one letter (`Th.` for Theodorus, `Chr.` for Christiaan). */
const LONG_INITIALS = new Set(["th", "chr", "ch", "joh", "wm", "ph", "fr", "jac", "corn", "ij", "sj", "tj"]);

export function capitalisedTokens(text: string, folded: string): CapToken[] {
  const tokens: CapToken[] = [];
  CAPITALISED_WORD.lastIndex = 0;
  for (let m = CAPITALISED_WORD.exec(text); m !== null; m = CAPITALISED_WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if ((start > 0 && isWordChar(text.charCodeAt(start - 1))) || !isUpperStart(m[0])) continue;
    const key = folded.slice(start, end);
    const dotted = text.charCodeAt(end) === 46;
    const initial = dotted && (m[0].length === 1 || LONG_INITIALS.has(key));
    const second = text.charCodeAt(start + 1);
    const acronym = m[0].length > 1 && second >= 65 && second <= 90 && m[0] === m[0].toUpperCase();
    tokens.push({ start, end, key, initial, acronym });
  }
  return tokens;
}

/** True when `index` starts a sentence: text start, a line start, or after `.`, `!`, `?`. */
export function atSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  if (i < 0) return true;
  const c = text[i];
  if (c === "\n" || c === "\r" || c === "!" || c === "?" || c === "•" || c === "*" || c === '"') return true;
  if (c === ".") {
    // `J. de Vries`: a dot after an initial does not end a sentence.
    const prev = text[i - 1];
    const prev2 = text[i - 2];
    return !(prev !== undefined && /\p{Lu}/u.test(prev) && (prev2 === undefined || !/\p{L}/u.test(prev2)));
  }
  return c === "-" && (i === 0 || text[i - 1] === "\n");
}

/** Start of the line containing `index`. */
export function lineStart(text: string, index: number): number {
  const nl = text.lastIndexOf("\n", index - 1);
  return nl + 1;
}

/** End of the line containing `index` (position of the newline or text end). */
export function lineEnd(text: string, index: number): number {
  const nl = text.indexOf("\n", index);
  return nl < 0 ? text.length : nl;
}

const cache = new WeakMap<object, CapToken[]>();

/** The tokens of one scan input, computed once and shared by the names recognizers. */
export function sharedTokens(input: { readonly text: string; readonly folded: string }): CapToken[] {
  let tokens = cache.get(input);
  if (tokens === undefined) {
    tokens = capitalisedTokens(input.text, input.folded);
    cache.set(input, tokens);
  }
  return tokens;
}
