import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { contextMatcher, hasContext } from "../../context.js";
import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";

/**
 * Phone numbers. A fast pattern finds number-like runs that start like a phone number
 * (`+`, `00`, `(0` or `0`); libphonenumber (small metadata, runs in the browser) decides
 * whether the digits form a real number. Dutch service numbers in their short forms
 * (`0900-1234`, `088-1234567`) are recognised by pattern.
 */

/**
 * Prefix: `+31`, `0031`, optionally `(0)`, or a leading `0` / `(0`. Body: digits, each
 * optionally preceded by one separator or a closing bracket, so the pattern is unambiguous.
 * The leading lookahead names the only characters a match can start with, so the engine
 * rejects every other position at once.
 */
export const PHONE_CANDIDATE =
  /(?=[+(0])(?<![\w+@/=-]|\d[ .-]|[.,]\d)(?:(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(0\))?[ .-]?\(?|\(?(?=0))\d(?:(?: ?[-/] ?|[ .]|\) ?)?\d){5,14}(?![\w@]|[.,/-]?\d| - \d)/g;
const PHONE_CANDIDATE_AT = stickyOf(PHONE_CANDIDATE);

/**
 * The matches of PHONE_CANDIDATE in `text`: those of a global scan, found by trying the pattern
 * only where it can start. A candidate starts with `0` at the start of a run of digits (no digit
 * may precede it), or with `+` or `(` right before a run.
 */
export function phoneCandidates(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(PHONE_CANDIDATE_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    const digit = runs[r] as number;
    const before = text.charCodeAt(digit - 1);
    if (before === 43 || before === 40) {
      const m = scan.at(digit - 1);
      if (m !== null) {
        found.push(m);
        continue;
      }
    }
    if (text.charCodeAt(digit) !== 48) continue;
    const m = scan.at(digit);
    if (m !== null) found.push(m);
  }
  return found;
}

/** Dutch 0800/090x and 08x numbers, also in their short four-digit forms. */
export const DUTCH_SERVICE =
  /^(?:0(?:800|90[069])[ .-]?(?:\d{4}|\d{7}|\d{3}[ .-]?\d{4})|08[4578][ .-]?(?:\d{4}|\d{7}|\d{3}[ .-]?\d{4}))$/;
/** Shapes that are dates or times, not phone numbers. */
export const DATE_SHAPE = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$|^\d{1,2}[.:]\d{2}(?: ?- ?\d{1,2}[.:]\d{2})?$/;
/** Thousands grouping with dots ("0.123.456"): an amount, not a phone number. */
export const THOUSANDS_SHAPE = /^\d{1,3}(?:\.\d{3})+$/;
/** Letterhead labels right before the number: "T 020 ...", "M: 06 ...", "tel.". */
export const SHORT_LABEL_BEFORE = /(?:^|[\s|(])[tmf][:.]? ?$/i;
/** An IBAN bank code ("ABNA ") directly before: the digits belong to the account number. */
export const IBAN_BANK_CODE_BEFORE = /[A-Z]{4} $/;

const PHONE_WORDS = contextMatcher([
  "tel",
  "tel.",
  "telefoon*",
  "telefonisch*",
  "telnr",
  "tel.nr",
  "mobiel*",
  "mob",
  "gsm",
  "bel",
  "bellen",
  "belt",
  "terugbel*",
  "nummer",
  "nr",
  "bereikbaar",
  "bereiken",
  "whatsapp",
  "app",
  "appen",
  "sms",
  "fax",
  "phone",
  "call",
  "mobile",
  "cell",
  "contact",
  "noodcontact",
  "telephone",
]);
const NOT_PHONE_WORDS = contextMatcher([
  "factuur*",
  "factuurnummer",
  "invoice",
  "order*",
  "bestel*",
  "klantnummer",
  "klantnr",
  "dossier*",
  "referentie*",
  "kenmerk",
  "iban",
  "rekening*",
  "kvk*",
  "bsn",
  "burgerservicenummer",
  "sofinummer",
  "artikel*",
  "polis*",
  "zaaknummer",
  "ticket*",
  "pakket*",
  "track*",
]);

/** Digits and separators only, `0031` and `+` unified, so libphonenumber can parse it. */
function forParsing(raw: string): string {
  return raw.startsWith("00") ? `+${raw.slice(2)}` : raw;
}

function bracketsBalanced(raw: string): boolean {
  const open = raw.indexOf("(");
  const close = raw.indexOf(")");
  if (open === -1 && close === -1) return true;
  return open !== -1 && close > open && raw.indexOf("(", open + 1) === -1 && raw.indexOf(")", close + 1) === -1;
}

/**
 * The general Dutch number pattern of libphonenumber's metadata (national number without the
 * trunk 0), for the 9-digit numbers that make up nearly all Dutch phone numbers. Checking it
 * here first saves a full parse per candidate; everything else goes to libphonenumber.
 */
export const DUTCH_NATIONAL_NINE = /^(?:[124-7]\d\d|3(?:[02-9]\d|1[0-8]))\d{6}$/;

/**
 * libphonenumber's whole Dutch national-number pattern (`nationalNumberPattern` of NL in
 * `libphonenumber-js/metadata.min.json`; a test keeps the two equal). The min metadata has no
 * per-type patterns for NL, so libphonenumber calls a Dutch number valid exactly when its
 * national number matches this pattern.
 */
export const DUTCH_NATIONAL_PATTERN = "(?:[124-7]\\d\\d|3(?:[02-9]\\d|1[0-8]))\\d{6}|8\\d{6,9}|9\\d{6,10}|1\\d{4,5}";
const DUTCH_NATIONAL = new RegExp(`^(?:${DUTCH_NATIONAL_PATTERN})$`);
/**
 * A national-format candidate: one trunk `0`, a non-zero digit, then digits and the separators
 * libphonenumber drops. For these its parse takes the national number as the digits after the
 * `0` (no pattern number starts with 0, so keeping the 0 never matches), and the verdict is
 * DUTCH_NATIONAL on those digits: the same answer without a parse. Most of these are 8-digit
 * reference numbers (KvK numbers start with 0 half the time), which are rarely valid.
 */
const NATIONAL_FORMAT = /^0[1-9][\d ./-]*$/;

/** The national number of a Dutch-looking candidate (`0...`, `+31...`, `0031...`), or null. */
function dutchNational(raw: string): string | null {
  const digits = raw.replace(/\D/g, "");
  if (raw.startsWith("+31") || raw.startsWith("0031")) {
    const national = digits.slice(raw.charCodeAt(0) === 43 ? 2 : 4);
    return raw.includes("(0)") ? national.slice(1) : national;
  }
  if (raw.charCodeAt(0) === 43 || raw.startsWith("00")) return null;
  return digits.slice(1);
}

/** libphonenumber's verdict on a national-format candidate, or null when `raw` is not one. */
export function nationalFormatVerdict(raw: string): boolean | null {
  if (!NATIONAL_FORMAT.test(raw)) return null;
  return DUTCH_NATIONAL.test(raw.replace(/\D/g, "").slice(1));
}

function isValidNumber(raw: string): boolean {
  if (!bracketsBalanced(raw)) return false;
  if (raw.charCodeAt(0) !== 43 && !raw.startsWith("00") && DUTCH_SERVICE.test(raw)) return true;
  const national = dutchNational(raw);
  if (national !== null && DUTCH_NATIONAL_NINE.test(national)) return true;
  const verdict = nationalFormatVerdict(raw);
  if (verdict !== null) return verdict;
  const parsed = parsePhoneNumberFromString(forParsing(raw), "NL");
  return parsed?.isValid() === true;
}

/** Separator positions, from the right, where a run-on candidate may be cut ("020 1234567 2x"). */
function cutPoints(raw: string): number[] {
  const cuts: number[] = [];
  for (let i = raw.length - 1; i > 0; i--) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 46 || c === 45 || c === 47) cuts.push(i);
  }
  return cuts;
}

function score(text: string, folded: string, start: number, end: number, raw: string): number {
  const international = raw.charCodeAt(0) === 43 || raw.startsWith("00");
  const grouped = /[ .()/-]/.test(raw);
  let s = international || grouped ? 0.85 : 0.7;
  const label = SHORT_LABEL_BEFORE.test(text.slice(Math.max(0, start - 4), start));
  if (label || hasContext(folded, start, end, PHONE_WORDS, 40, 0)) s += 0.1;
  else if (notPhoneContext(folded, start)) s -= 0.4;
  if (!grouped && !international && /^0[1-57-9]/.test(raw)) s -= 0.05;
  if (IBAN_BANK_CODE_BEFORE.test(text.slice(Math.max(0, start - 5), start))) s = 0.2;
  return s;
}

/**
 * A reference word (`factuur`, `klantnummer`) shortly before the number on the same line. In a
 * chat or a list every line is its own message: `factuur` at the end of one line says nothing
 * about the number the next line starts with.
 */
function notPhoneContext(folded: string, start: number): boolean {
  const lineStart = folded.lastIndexOf("\n", start - 1) + 1;
  const from = Math.max(lineStart, start - 32);
  return NOT_PHONE_WORDS.test(folded.slice(from, start));
}

export function findPhones(text: string, folded: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of phoneCandidates(text)) {
    let start = m.index;
    let raw = m[0];
    // "(020-1234567)": the bracket encloses the number, it does not belong to it.
    if (raw.charCodeAt(0) === 40 && !raw.includes(")")) {
      start++;
      raw = raw.slice(1);
    }
    if (DATE_SHAPE.test(raw) || THOUSANDS_SHAPE.test(raw)) continue;
    let ok = isValidNumber(raw);
    if (!ok) {
      for (const cut of cutPoints(raw)) {
        const shorter = raw.slice(0, cut).replace(/[ ./-]+$/, "");
        if (shorter.replace(/\D/g, "").length < 7) break;
        if (isValidNumber(shorter)) {
          raw = shorter;
          ok = true;
          break;
        }
      }
    }
    if (!ok) continue;
    const end = start + raw.length;
    out.push({ type: "PHONE", start, end, score: score(text, folded, start, end, raw), recognizer: "phone" });
  }
  return out;
}

export const phoneRecognizer: Recognizer = {
  name: "phone",
  types: ["PHONE"],
  scan: (input: ScanInput) => {
    shareDigitRuns(input);
    return findPhones(input.text, input.folded);
  },
};
