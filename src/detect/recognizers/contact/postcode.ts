import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";

/**
 * Dutch postcodes: four digits (the first 1-9) and two letters, with or without a space.
 * SA, SD and SS are never issued. "in 2024 EN daarna" is not a postcode: letter pairs that
 * are common words or units need address context (a street line before, a city after).
 */

export const POSTCODE = /(?<![\p{L}\p{N}€$.,-])[1-9]\d{3} ?[A-Za-z]{2}(?![\p{L}\p{N}]|[.,]\d)/gu;
const POSTCODE_AT = stickyOf(POSTCODE);

/**
 * The matches of POSTCODE in `text`: those of a global scan, found by trying the pattern only at
 * runs of exactly four digits (no digit may precede a postcode, and letters or a space follow).
 */
export function postcodeMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(POSTCODE_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    if ((runs[r + 1] as number) - (runs[r] as number) !== 4) continue;
    const m = scan.at(runs[r] as number);
    if (m !== null) found.push(m);
  }
  return found;
}

/** The end of a street line just before: "Kerkstraat 12a, " or "Postbus 123\n". */
export const STREET_LINE_BEFORE =
  /(?<![\p{L}.'-])\p{L}[\p{L}.'-]* \d{1,5}(?: ?[a-z]{1,3}|-\w{1,4}| [A-Z]|-[IVX]{1,4})?,?[ \t]*(?:\r?\n[ \t]*)?$/u;
/** A city name right after: "1234 AB Amsterdam", "1234 AB 's-Hertogenbosch". */
export const CITY_AFTER = /^,? +(?:\p{Lu}\p{Ll}+|'s-\p{Lu})/u;
export const POSTCODE_LABEL = /(?:postcode|post code|zip|pc)(?: is)?[ :.]*$/;
/** Words that announce an address; tested on the current line before the postcode only. */
export const ADDRESS_WORDS = /adres|address|woonachtig|wonende|woont|gevestigd|bezorgd op|postbus/;

/** Letter pairs that are ordinary words or units in Dutch and English business text. */
const COMMON_PAIRS = new Set(
  "EN OF IN OP DE IS AL NA OM TE ZO JA NU ME WE ZE JE ER AN AT BE BY DO GO HE IF IT MY NO ON OR SO TO UP US AM PM KG CM MM KM ML GB MB KB TB KW MW HA PK EU NL BV NV TV PC ID OK XL HD CV".split(
    " ",
  ),
);
const UNISSUED = new Set(["SA", "SD", "SS"]);

function addressContext(text: string, folded: string, start: number, end: number): boolean {
  const lead = text.slice(Math.max(0, start - 48), start);
  if (STREET_LINE_BEFORE.test(lead)) return true;
  const foldedLead = folded.slice(Math.max(0, start - 48), start);
  const currentLine = foldedLead.slice(foldedLead.lastIndexOf("\n") + 1);
  return (
    POSTCODE_LABEL.test(foldedLead) || ADDRESS_WORDS.test(currentLine) || CITY_AFTER.test(text.slice(end, end + 24))
  );
}

export function findPostcodes(text: string, folded: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of postcodeMatches(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const letters = m[0].slice(-2);
    const upper = letters.toUpperCase();
    if (UNISSUED.has(upper)) continue;
    const context = addressContext(text, folded, start, end);
    let score: number;
    if (letters !== upper) {
      // "1234ab" in a chat: only with the label or a street line, never on its own.
      const lead = folded.slice(Math.max(0, start - 48), start);
      if (!POSTCODE_LABEL.test(lead) && !STREET_LINE_BEFORE.test(text.slice(Math.max(0, start - 48), start))) continue;
      score = 0.8;
    } else if (COMMON_PAIRS.has(upper)) {
      score = context ? 0.85 : 0.35;
    } else {
      score = context ? 0.95 : 0.8;
    }
    out.push({ type: "POSTCODE", start, end, score, recognizer: "postcode" });
  }
  return out;
}

export const postcodeRecognizer: Recognizer = {
  name: "postcode",
  types: ["POSTCODE"],
  scan: (input: ScanInput) => {
    shareDigitRuns(input);
    return findPostcodes(input.text, input.folded);
  },
};
