/**
 * Normalisation for matching. People paste text from Word, PDFs and chat apps: numbers arrive
 * with non-breaking or zero-width spaces, full-width digits, typographic dashes or a line break
 * in the middle. Recognizers match on a plain version; offsets are mapped back to the original.
 */

export interface NormalizedText {
  /** Text to match on. */
  readonly text: string;
  /** `text`, lower-cased and without accents, one character for one character. */
  readonly folded: string;
  /** Maps an index in `text` to an index in the original; null when they are identical. */
  readonly map: Int32Array | null;
}

function isZeroWidth(code: number): boolean {
  return code === 0xad || code === 0x180e || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}
// Anything that would make the normalised text differ from the original: the characters
// `isZeroWidth` and `plainChar` handle, and a line break between two digits. Accented letters
// and other non-ASCII text need folding only, which is cheaper than rebuilding the text.
const NEEDS_WORK =
  /[\u00a0\u00ad\u180e\u2000-\u200d\u2010-\u2015\u202f\u2060\u2212\u3000\ufeff\uff01-\uff5e]|\d(?:\r\n?|\n)\d/;
/** The characters `isZeroWidth` and `plainChar` handle, and line breaks. */
const SPECIAL_G = /[\u00a0\u00ad\u180e\u2000-\u200d\u2010-\u2015\u202f\u2060\u2212\u3000\ufeff\uff01-\uff5e\n\r]/g;
/**
 * Code units from 0x80 up: the only ones that fold to something else than `toLowerCase` gives
 * (ASCII control characters fold to themselves). One range: V8 scans for it about three times
 * faster than for a negated class of several ranges, and this test reads every plain prompt whole.
 */
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_G = /[\u0080-\uffff]/g;

const foldCache = new Map<string, string>();

/** Lower-case and strip diacritics from one character, keeping it one UTF-16 unit long. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    const base = ch
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    folded = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    if (ch === "ß") folded = "s";
    if (ch === "ı") folded = "i";
    foldCache.set(ch, folded);
  }
  return folded;
}

/** Fold a whole string character by character (length preserved). */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const lower = text.toLowerCase();
  // Lower-casing only ever expands (`İ`); at equal length it is one unit for one unit, so the
  // ASCII letters can come from the native call and only the non-ASCII ones need `foldChar`.
  if (lower.length !== text.length) return foldEachChar(text);
  const parts: string[] = [];
  let from = 0;
  NON_ASCII_G.lastIndex = 0;
  for (let m = NON_ASCII_G.exec(text); m !== null; m = NON_ASCII_G.exec(text)) {
    parts.push(lower.slice(from, m.index), foldChar(m[0]));
    from = m.index + 1;
  }
  parts.push(lower.slice(from));
  return parts.join("");
}

function foldEachChar(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += foldChar(text[i] as string);
  return out;
}

function plainChar(code: number): string | null {
  // Unusual spaces become a plain space.
  if (code === 0xa0 || code === 0x2007 || code === 0x202f || code === 0x3000) return " ";
  if (code >= 0x2000 && code <= 0x200a) return " ";
  // Full-width ASCII (digits, letters, punctuation).
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  // Typographic dashes and the minus sign.
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return "-";
  return null;
}

function isDigitCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

function isDigitAt(text: string, i: number): boolean {
  return isDigitCode(text.charCodeAt(i));
}

/** True when a line break sits between two digits (`\d\n\d`, `\d\r\n\d`, `\d\r\d`). */
function hasDigitBreak(text: string): boolean {
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    const before = text.charCodeAt(i - 1) === 13 ? i - 2 : i - 1;
    if (isAsciiDigit(text.charCodeAt(before)) && isAsciiDigit(text.charCodeAt(i + 1))) return true;
  }
  // A lone carriage return (old Mac line ends) between digits.
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) !== 10 && isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1))) {
      return true;
    }
  }
  return false;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function normalize(original: string): NormalizedText {
  // Fast path for the common case, plain ASCII without a wrapped number: nothing to rewrite and
  // folding is lower-casing. Two simple scans are cheaper than NEEDS_WORK's alternation.
  if (!NON_ASCII.test(original)) {
    if (!hasDigitBreak(original)) return { text: original, folded: original.toLowerCase(), map: null };
  } else if (!NEEDS_WORK.test(original)) {
    return { text: original, folded: foldText(original), map: null };
  }
  // Jump from one special character (or line break) to the next; the runs between them are
  // kept as they are and copied as slices. Replacing one character by one keeps the offsets,
  // so the offset map is only built once a character is dropped (zero-width, CRLF).
  const parts: string[] = [];
  let map: Int32Array | null = null;
  let kept = 0;
  let runStart = 0;
  let lastKeptDigit = false;
  const keepRun = (end: number): void => {
    if (end <= runStart) return;
    parts.push(original.slice(runStart, end));
    if (map === null) kept += end - runStart;
    else for (let k = runStart; k < end; k++) map[kept++] = k;
    // Unchanged characters are never full-width, so an ASCII test is enough.
    const last = original.charCodeAt(end - 1);
    lastKeptDigit = last >= 48 && last <= 57;
  };
  const keepOne = (replacement: string, at: number, dropped: number): void => {
    parts.push(replacement);
    if (map === null && dropped > 0) map = identityMap(original.length + 1, kept);
    if (map !== null) map[kept] = at;
    kept++;
  };
  SPECIAL_G.lastIndex = 0;
  for (let m = SPECIAL_G.exec(original); m !== null; m = SPECIAL_G.exec(original)) {
    const i = m.index;
    const code = original.charCodeAt(i);
    if (code === 10 || code === 13) {
      // A single line break between two digits (a number wrapped by a mail client) reads as a space.
      if (i > runStart) {
        const last = original.charCodeAt(i - 1);
        if (!(last >= 48 && last <= 57)) continue;
      } else if (!lastKeptDigit) continue;
      let j = i;
      if (code === 13 && original.charCodeAt(j + 1) === 10) j++;
      if (!isDigitAt(original, j + 1)) continue;
      keepRun(i);
      keepOne(" ", i, j - i);
      runStart = j + 1;
      lastKeptDigit = false;
      SPECIAL_G.lastIndex = j + 1;
      continue;
    }
    keepRun(i);
    runStart = i + 1;
    if (isZeroWidth(code)) {
      map ??= identityMap(original.length + 1, kept);
      continue;
    }
    const plain = plainChar(code) as string;
    keepOne(plain, i, 0);
    lastKeptDigit = isDigitCode(plain.charCodeAt(0));
  }
  keepRun(original.length);
  const text = parts.join("");
  let finalMap: Int32Array | null = map;
  if (finalMap !== null) {
    finalMap[kept] = original.length;
    finalMap = finalMap.subarray(0, kept + 1);
  }
  return { text, folded: foldText(text), map: finalMap };
}

/** A map of `size` entries whose first `filled` ones are the identity. */
function identityMap(size: number, filled: number): Int32Array {
  const map = new Int32Array(size);
  for (let k = 0; k < filled; k++) map[k] = k;
  return map;
}

/** Map a [start, end) span of normalised text back to the original text. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  const map = norm.map;
  if (map === null) return [start, end];
  const s = map[start] as number;
  // The end is one past the last character we matched, not the position of the next kept one.
  const e = end > start ? (map[end - 1] as number) + 1 : s;
  return [s, e];
}
