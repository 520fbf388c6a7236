import type { Candidate, Recognizer, ScanInput } from "../../types.js";

/**
 * E-mail addresses. Instead of one regex over the whole text we jump from `@` to `@` (fast:
 * addresses are rare) and grow the local part to the left and the domain to the right.
 */

/** Local-part characters in ASCII; any letter or digit outside ASCII is accepted too (IDN). */
const LOCAL_ASCII = /[A-Za-z0-9._%+'-]/;
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
/**
 * Labels of letters, digits and hyphens separated by dots; at least two labels. Tried right
 * after an `@`, so the lookbehind always holds there; it keeps the pattern linear even when
 * used as a search (it can only start where a run of label characters starts).
 */
export const EMAIL_DOMAIN = /(?<![\p{L}\p{N}-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
/** A top-level domain: letters only (or an IDN `xn--` label). */
export const EMAIL_TLD = /^(?:\p{L}{2,24}|xn--[a-z0-9-]{2,59})$/u;

/** `scheme://user:password@host`: the part before `@` is a credential, not a mailbox. */
export const URL_USERINFO_BEFORE = /:\/\/[^\s/@]*$/;

const MAX_LOCAL = 64;
const SCORE = 0.95;

function isLocalChar(ch: string): boolean {
  return ch.charCodeAt(0) < 0x80 ? LOCAL_ASCII.test(ch) : NON_ASCII_WORD.test(ch);
}

/** End of the domain that starts at `from`, or -1 when there is no valid domain. */
function domainEnd(text: string, from: number): number {
  EMAIL_DOMAIN.lastIndex = from;
  const m = EMAIL_DOMAIN.exec(text);
  if (m === null) return -1;
  const labels = m[0].split(".");
  // Drop trailing labels that cannot end an address ("jan@firma.nl.123" keeps "firma.nl").
  while (labels.length >= 2 && !EMAIL_TLD.test(labels[labels.length - 1] as string)) labels.pop();
  if (labels.length < 2) return -1;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith("-") || label.endsWith("-")) return -1;
  }
  return from + labels.join(".").length;
}

export function findEmails(text: string): Candidate[] {
  const out: Candidate[] = [];
  let at = text.indexOf("@");
  let lastEnd = 0;
  while (at !== -1) {
    let start = at;
    while (start > lastEnd && at - start < MAX_LOCAL && isLocalChar(text[start - 1] as string)) start--;
    // A local part neither starts nor ends with a dot ("zie.jan@x.nl" is fine, ".jan@" is not).
    while (start < at && text[start] === ".") start++;
    const credential = URL_USERINFO_BEFORE.test(text.slice(Math.max(0, start - 256), start));
    const end = start < at && text[at - 1] !== "." && !credential ? domainEnd(text, at + 1) : -1;
    if (end !== -1) {
      out.push({ type: "EMAIL", start, end, score: SCORE, recognizer: "email" });
      lastEnd = end;
      at = text.indexOf("@", end);
    } else {
      at = text.indexOf("@", at + 1);
    }
  }
  return out;
}

export const emailRecognizer: Recognizer = {
  name: "email",
  types: ["EMAIL"],
  scan: (input: ScanInput) => findEmails(input.text),
};
