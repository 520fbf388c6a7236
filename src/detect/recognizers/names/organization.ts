import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { contextFacts, Fact } from "./facts.js";
import { VENDOR_PHRASES } from "./lexicon.js";
import { type CapToken, sharedTokens } from "./tokens.js";

/**
 * A legal form right after a name, tried at a position with `lastIndex` (sticky): ` B.V.`, ` BV`,
 * `, N.V.`, ` V.O.F.`, ` & Zn.`, ` GmbH`, ` U.A.`, ` Holding`. Each alternative is a fixed
 * sequence, so matching is linear.
 */
export const TRAILING_LEGAL_FORM =
  /,? ?(?:B\.V\.|B\.V|BV|b\.v\.|bv|N\.V\.|N\.V|NV|n\.v\.|V\.O\.F\.|V\.O\.F|VOF|v\.o\.f\.|C\.V\.|CV|U\.A\.|UA|W\.A\.|BVBA|VZW|GmbH|AG|KG|Ltd\.?|Limited|PLC|plc|LLC|LLP|Inc\.?|Corp\.?|S\.A\.|SARL|Holding|Groep|Group|Beheer|& ?(?:Zn\.?|Zonen|Co\.?|Partners|Zoon|Dochters|Dochter))(?![\p{L}\d])/uy;

/**
 * First characters of the `TRAILING_LEGAL_FORM` alternatives: a cheap test that rules out
 * almost every position before the regex runs (see the property test).
 */
const LEGAL_FORM_FIRST = new Uint8Array(128);
for (const c of "BbNnVvCUWGAKLPpISH&") LEGAL_FORM_FIRST[c.charCodeAt(0)] = 1;

/** False when `TRAILING_LEGAL_FORM` cannot match at `index`. */
export function mayStartLegalForm(text: string, index: number): boolean {
  let i = index;
  if (text.charCodeAt(i) === 44) i++;
  if (text.charCodeAt(i) === 32) i++;
  const code = text.charCodeAt(i);
  return code < 128 && LEGAL_FORM_FIRST[code] === 1;
}

/** True when `TRAILING_LEGAL_FORM` matches at `index`. */
export function legalFormAt(text: string, index: number): boolean {
  if (!mayStartLegalForm(text, index)) return false;
  TRAILING_LEGAL_FORM.lastIndex = index;
  return TRAILING_LEGAL_FORM.test(text);
}

/** Gaps allowed between the words of a business name: space, hyphen, `&`, `van de`, `'s-`. */
const ORG_GAP = /^(?: | ?- ?| & | en | (?:van|de|den|der|het|'t|voor|aan|la|le|du) (?:(?:de|der|den|het|'t) )?)$/;

const MAX_BODY_TOKENS = 4;

/** The first two characters (letters) of the vendors of more than one word, as `c0 << 16 | c1`. */
const VENDOR_PHRASE_HEADS = new Set(VENDOR_PHRASES.map((v) => (v.charCodeAt(0) << 16) | v.charCodeAt(1)));

/** False when no vendor of more than one word starts at `start` (its first two characters differ). */
export function mayStartVendorPhrase(folded: string, start: number): boolean {
  return VENDOR_PHRASE_HEADS.has((folded.charCodeAt(start) << 16) | folded.charCodeAt(start + 1));
}

function isVendor(text: string, folded: string, tokens: CapToken[], from: number, to: number): boolean {
  const first = tokens[from] as CapToken;
  if ((first.facts & Fact.Vendor) !== 0) return true;
  // `text.slice(first.start, first.end)` is never empty: a token has a letter.
  if (!mayStartVendorPhrase(folded, first.start)) return false;
  const lastTok = tokens[Math.min(to, from + 2)] as CapToken;
  const phrase = folded.slice(first.start, lastTok.end).replace(/\s+/g, " ");
  for (const v of VENDOR_PHRASES) if (phrase.startsWith(v)) return true;
  return text.slice(first.start, first.end) === "";
}

function gapBetween(text: string, a: CapToken, b: CapToken): string {
  return text.slice(a.end, b.start);
}

/** A lower-case word other than `en` in a gap: ` van `, ` voor de `. */
export const WORDY_GAP = /[a-z](?<! en)/;

/**
 * True when a name may extend back from `right` over `left`. A gap with a preposition or
 * particle (` van `, ` voor `) belongs inside a name only after a capitalised particle or a
 * business word (`Van der Meulen`, `Bakkerij van Dijk`); after an ordinary word it is the
 * sentence (`Opdracht van Van Leeuwen Logistiek`).
 */
function joinsBack(text: string, left: CapToken, right: CapToken): boolean {
  const gap = gapBetween(text, left, right);
  if (!ORG_GAP.test(gap)) return false;
  if (!WORDY_GAP.test(gap)) return true;
  if ((left.facts & (Fact.OrgParticle | Fact.SectorHead)) !== 0) return true;
  // `Anna de Vries Coaching`: a first name, a tussenvoegsel and a surname; never `van Van`.
  return (
    (left.facts & Fact.FirstName) !== 0 && (right.facts & Fact.OrgParticle) === 0 && SURNAME_PARTICLE_GAP.test(gap)
  );
}

export const SURNAME_PARTICLE_GAP = /^ (?:van|de|den|der|ter|ten|'t)(?: (?:de|der|den|het|'t))? $/;

/** Extend over the name words after index `i`; returns the last included index. */
function extendBody(text: string, tokens: CapToken[], i: number, limit: number): number {
  let last = i;
  for (let j = i + 1; j < tokens.length && j - i <= limit; j++) {
    const prev = tokens[j - 1] as CapToken;
    const tok = tokens[j] as CapToken;
    const gap = gapBetween(text, prev, tok);
    if (!ORG_GAP.test(gap) && !(gap === ". " && (prev.facts & Fact.Abbreviation) !== 0)) break;
    if (legalFormAt(text, prev.end)) break;
    if ((tok.facts & (Fact.NonOrgBody | Fact.OrgParticle | Fact.TrailingHead)) === Fact.NonOrgBody && !tok.acronym) {
      break;
    }
    if ((tok.facts & Fact.SectorHead) !== 0 && j > i + 1) break;
    last = j;
  }
  return last;
}

/** Apply trailing legal forms after `end` (`Holding B.V.` has two). */
function legalFormEnd(text: string, end: number): number {
  let e = end;
  for (let k = 0; k < 2; k++) {
    if (!mayStartLegalForm(text, e)) break;
    TRAILING_LEGAL_FORM.lastIndex = e;
    const m = TRAILING_LEGAL_FORM.exec(text);
    if (m === null) break;
    e += m[0].length;
  }
  return e;
}

/** A word that names a kind of business, before (`Bakkerij`) or after (`Bouw`) the name. */
const BUSINESS = Fact.TrailingHead | Fact.SectorHead;

const SENTENCE_WORD = Fact.NonName | Fact.Title | Fact.Salutation | Fact.Label;

function startsLikeSentenceWord(tok: CapToken): boolean {
  return (tok.facts & SENTENCE_WORD) !== 0;
}

export function scanOrganizations(input: ScanInput): Candidate[] {
  const { text, folded } = input;
  const tokens = sharedTokens(input);
  const out: Candidate[] = [];
  let coveredUntil = -1;
  const emit = (from: number, to: number, end: number, score: number): void => {
    if (isVendor(text, folded, tokens, from, to)) return;
    const start = (tokens[from] as CapToken).start;
    out.push({ type: "ORGANIZATION", start, end, score, recognizer: "names.organization" });
    coveredUntil = to;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (i <= coveredUntil) continue;
    const tok = tokens[i] as CapToken;
    if (tok.acronym) {
      // `Bouw BV` reads as a trailing form below; an acronym alone can still carry a legal form (`ABC B.V.`).
    } else if ((tok.facts & BUSINESS) !== 0) {
      const last = (tok.facts & BUSINESS) === Fact.TrailingHead ? i : extendBody(text, tokens, i, MAX_BODY_TOKENS);
      if (last > i) {
        const end = legalFormEnd(text, (tokens[last] as CapToken).end);
        emit(i, last, end, 0.9);
        continue;
      }
      // `Jansen Installatietechniek`: a head word after a name.
      const prev = tokens[i - 1];
      if (prev && gapBetween(text, prev, tok) === " " && !startsLikeSentenceWord(prev) && i - 1 > coveredUntil) {
        let from = i - 1;
        while (
          from - 1 > coveredUntil &&
          i - from < 3 &&
          joinsBack(text, tokens[from - 1] as CapToken, tokens[from] as CapToken) &&
          (((tokens[from - 1] as CapToken).facts & Fact.OrgParticle) !== 0 ||
            !startsLikeSentenceWord(tokens[from - 1] as CapToken))
        ) {
          from--;
        }
        emit(from, i, legalFormEnd(text, tok.end), 0.85);
        continue;
      }
    }
    // A legal form after a run of capitalised words: `Transport Dijkstra B.V.`, `De Hamer V.O.F.`.
    const formEnd = legalFormEnd(text, tok.end);
    if (formEnd > tok.end && !/^,? ?(?:Groep|Group|Beheer)$/.test(text.slice(tok.end, formEnd))) {
      let from = i;
      while (
        ((tokens[from] as CapToken).facts & Fact.SectorHead) === 0 &&
        from - 1 > coveredUntil &&
        i - from < MAX_BODY_TOKENS &&
        joinsBack(text, tokens[from - 1] as CapToken, tokens[from] as CapToken) &&
        (((tokens[from - 1] as CapToken).facts & Fact.OrgParticle) !== 0 ||
          !startsLikeSentenceWord(tokens[from - 1] as CapToken))
      ) {
        from--;
      }
      while (
        from < i &&
        startsLikeSentenceWord(tokens[from] as CapToken) &&
        ((tokens[from] as CapToken).facts & Fact.OrgParticle) === 0
      )
        from++;
      // `De Hamer V.O.F.` keeps its article; a sentence-initial `De` before a firm name does too.
      if (!startsLikeSentenceWord(tokens[from] as CapToken)) {
        emit(from, i, formEnd, 0.9);
        continue;
      }
    }
    // `Klant: Zorgpunt Noord`, `Opdrachtgever: De Groene Vingers`: a party label before words that are no person.
    const label = partyLabelBefore(text, folded, tok.start);
    if (label && (tok.facts & Fact.FirstName) === 0 && !startsLikeSentenceWord(tok)) {
      const last = extendBody(text, tokens, i, MAX_BODY_TOKENS);
      const end = legalFormEnd(text, (tokens[last] as CapToken).end);
      // `Klant: Kuiper Administratie N.V.`: the label plus a business word or a legal form is as
      // sure as either alone elsewhere; a bare `Klant: Zorgpunt Noord` stays a weaker guess.
      let business = end > (tokens[last] as CapToken).end;
      for (let k = i + 1; k <= last && !business; k++) business = ((tokens[k] as CapToken).facts & BUSINESS) !== 0;
      emit(i, last, end, business ? 0.9 : 0.7);
    }
  }
  return out;
}

/**
 * `Klant:` / `Opdrachtgever:` directly before `start` on the same line: the regex
 * `/([a-z]+) *: *$/` on the last 30 characters of the line, read backwards by character codes.
 */
function partyLabelBefore(text: string, folded: string, start: number): boolean {
  let colon = start - 1;
  while (colon >= 0 && text.charCodeAt(colon) === 32) colon--;
  if (text.charCodeAt(colon) !== 58) return false;
  // Only the last 30 characters of the line matter; a backwards search could cross a whole long line.
  let from = Math.max(0, start - 30);
  for (let k = start - 1; k >= from; k--) {
    if (text.charCodeAt(k) === 10) {
      from = k + 1;
      break;
    }
  }
  if (colon < from) return false;
  let end = colon;
  while (end > from && folded.charCodeAt(end - 1) === 32) end--;
  let word = end;
  while (word > from && isAsciiLower(folded.charCodeAt(word - 1))) word--;
  return word < end && (contextFacts(folded, word, end) & Fact.PartyLabel) !== 0;
}

function isAsciiLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

export const organizationRecognizer: Recognizer = {
  name: "names.organization",
  types: ["ORGANIZATION"],
  scan: scanOrganizations,
};
