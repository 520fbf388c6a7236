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
// Anything that would make the normalised text differ from the original.
const NEEDS_WORK = /[^\t\n\r -~]|\d\r?\n\d/;

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
  if (!/[^\t\n\r -~]/.test(text)) return text.toLowerCase();
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

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

export function normalize(original: string): NormalizedText {
  if (!NEEDS_WORK.test(original)) {
    return { text: original, folded: original.toLowerCase(), map: null };
  }
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i] as string;
    if (isZeroWidth(original.charCodeAt(i))) continue;
    // A single line break between two digits (a number wrapped by a mail client) reads as a space.
    if ((ch === "\n" || ch === "\r") && out.length > 0 && isDigitAt(out[out.length - 1] as string, 0)) {
      let j = i;
      if (original[j] === "\r" && original[j + 1] === "\n") j++;
      if (isDigitAt(original, j + 1)) {
        out.push(" ");
        map.push(i);
        i = j;
        continue;
      }
    }
    const plain = plainChar(original.charCodeAt(i));
    out.push(plain ?? ch);
    map.push(i);
  }
  map.push(original.length);
  const text = out.join("");
  return { text, folded: foldText(text), map: Int32Array.from(map) };
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
