import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { Cue, contactAfter, cueBefore, verbAfter } from "./context.js";
import {
  AMBIGUOUS_FIRST,
  COMMON_WORD_SURNAME,
  FIRST_NAMES,
  GEO,
  isSectorHead,
  LABEL_WORDS,
  MONTH_WORDS,
  NON_NAME,
  PARTICLES,
  SALUTATION_WORDS,
  SURNAMES,
  TITLE_WORDS,
  TRAILING_HEAD_WORDS,
  VENDOR_PHRASES,
  VENDORS,
} from "./lexicon.js";
import { isBusinessWord, TRAILING_LEGAL_FORM } from "./organization.js";
import { atSentenceStart, type CapToken, LineStarts, sharedTokens } from "./tokens.js";

/** Tussenvoegsel sequences as written between a first name and a surname. */
const PARTICLE_SEQUENCES = new Set([
  "van",
  "de",
  "den",
  "der",
  "ten",
  "ter",
  "te",
  "van de",
  "van der",
  "van den",
  "van het",
  "van 't",
  "in 't",
  "in de",
  "in den",
  "in het",
  "op de",
  "op den",
  "op 't",
  "op ten",
  "uit de",
  "uit den",
  "uit het",
  "van de la",
  "de la",
  "de le",
  "von",
  "von der",
  "von dem",
  "zu",
  "zum",
  "von und zu",
  "le",
  "la",
  "du",
  "da",
  "di",
  "del",
  "della",
  "des",
  "dos",
  "el",
  "al",
  "bin",
  "ibn",
  "abu",
  "'t",
  "vd",
  "v.d",
  "v.d.",
  "mac",
  "st",
  "sint",
]);

/** Lower-case gap of up to three particle words between two capitalised tokens: ` van der `. */
const PARTICLE_GAP = /^ (?:[a-z'.]+ ){1,3}$/;
/** Street names are addresses, not people: `Laan van Meerdervoort`, `Prinsengracht`. */
const STREET_WORD =
  /(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|pad|dijk|hof|park|plantsoen|markt|wal|veld)$/;
const STREET_HEADS = new Set([
  "laan",
  "plein",
  "burgemeester",
  "burg",
  "dr",
  "prof",
  "sint",
  "st",
  "oude",
  "nieuwe",
  "korte",
  "lange",
  "postbus",
]);

interface Part {
  token: CapToken;
  /** Text between the previous token of the chain and this one. */
  gap: string;
}

/** Where a stop token ends a name: `carry` lets a following `van`/`de` start the next name (`Mevrouw van Dam`). */
const enum_Stop = { None: 0, Carry: 1, Break: 2, Poison: 3 } as const;
type Stop = (typeof enum_Stop)[keyof typeof enum_Stop];

/** What a word's folded form alone says about it as a stop; `Dynamic` when its surroundings decide. */
const KeyStop = { Dynamic: 0, Carry: 1, None: 2, Break: 3, Poison: 4, StreetHead: 5, StreetWord: 6, Place: 7 } as const;
/** Added to a `KeyStop` for month words, which stop a name only next to a digit. */
const MONTH_FLAG = 8;
/** Added to a `KeyStop` for words that read as a common noun (`looksLikeCommonNoun`), cached with it. */
const NOUN_FLAG = 16;
const keyStopCache = new Map<string, number>();

function keyStop(key: string): number {
  let info = keyStopCache.get(key);
  if (info === undefined) {
    info = computeKeyStop(key) | (MONTH_WORDS.has(key) ? MONTH_FLAG : 0) | (computeCommonNoun(key) ? NOUN_FLAG : 0);
    // Bounded: a long-running gateway sees an open-ended vocabulary.
    if (keyStopCache.size > 20_000) keyStopCache.clear();
    keyStopCache.set(key, info);
  }
  return info;
}

/** `keyStop` of a token's word, kept on the token: a name's words are looked at several times. */
function wordFacts(token: CapToken): number {
  if (token.facts < 0) token.facts = keyStop(token.key);
  return token.facts;
}

function computeKeyStop(key: string): number {
  if (TITLE_WORDS.has(key) || SALUTATION_WORDS.has(key)) return KeyStop.Carry;
  if (LEADING_CAP_PARTICLES.has(key)) return KeyStop.None;
  if (GEO.has(key) && !LABEL_WORDS.has(key) && !FIRST_NAMES.has(key)) return KeyStop.Place;
  if (NON_NAME.has(key) || LABEL_WORDS.has(key)) return FIRST_NAMES.has(key) ? KeyStop.None : KeyStop.Break;
  if (isSectorHead(key) || TRAILING_HEAD_WORDS.has(key) || VENDORS.has(key)) return KeyStop.Poison;
  if (key.length > 4 && STREET_WORD.test(key) && !SURNAMES.has(key)) return KeyStop.StreetWord;
  if (STREET_HEADS.has(key)) return KeyStop.StreetHead;
  return KeyStop.Dynamic;
}

function stopKind(text: string, token: CapToken, rawGap: string, previous: CapToken | undefined): Stop {
  const info = wordFacts(token);
  // After an initial the dot is the initial's: `J. van Oosterhout` has the gap ` van `.
  const gap = previous?.initial && rawGap.startsWith(".") ? rawGap.slice(1) : rawGap;
  const kind = info & 7;
  // `Kerkweg`, `Westerveld`: a street, unless it follows a first name, initials or a
  // tussenvoegsel and no house number follows (`W. Korteweg`, `Bram Westerveld`, `van Hoogeveld`).
  if (kind === KeyStop.StreetWord) {
    const named =
      particleGap(gap) !== null ||
      (previous !== undefined &&
        (previous.initial || (FIRST_NAMES.has(previous.key) && (gap === " " || gap === ") "))));
    return named && !HOUSE_NUMBER_AFTER.test(text.slice(token.end, token.end + 3)) ? enum_Stop.None : enum_Stop.Poison;
  }
  // `Laan van Meerdervoort` is a street, but after a tussenvoegsel `Laan` is a surname (`van der Laan`).
  if (kind === KeyStop.StreetHead) return particleGap(gap) !== null ? enum_Stop.None : enum_Stop.Poison;
  // `Delft`, `Kampen`: a place, unless it is the surname in `Jan van Delft`, `Van Kampen`, `Anna Goes`.
  if (kind === KeyStop.Place) {
    const named =
      VAN_GAP.test(gap) ||
      (previous !== undefined &&
        gap === " " &&
        (previous.key === "van" ||
          previous.initial ||
          (FIRST_NAMES.has(previous.key) && !AMBIGUOUS_FIRST.has(previous.key))));
    return named ? enum_Stop.None : enum_Stop.Break;
  }
  // The last letter of a code or plate (`HP-361-X`, `4B`) is neither a name nor a brand (`X`).
  if (token.end - token.start === 1 && !token.initial && isDashOrDigit(text.charCodeAt(token.start - 1))) {
    return enum_Stop.Break;
  }
  if (kind === KeyStop.Carry) return enum_Stop.Carry;
  if (token.acronym) return enum_Stop.Break;
  if (info & MONTH_FLAG && nearDigit(text, token)) return enum_Stop.Break;
  if (kind === KeyStop.None) return enum_Stop.None;
  if (kind === KeyStop.Break) return enum_Stop.Break;
  if (kind === KeyStop.Poison) return enum_Stop.Poison;
  const after = text.charCodeAt(token.end);
  // Part of an e-mail address, file name or identifier: `Jan.Jansen@`, `Report_Q3`.
  if (after === 64 || after === 95 || (after === 46 && /[\p{L}\d]/u.test(text[token.end + 1] ?? ""))) {
    return token.initial ? enum_Stop.None : enum_Stop.Poison;
  }
  // Passwords, codes and file names: `Winter!2025`, `Kaas&Worst`, `F-2026`, `app:Geheim`.
  if (token.initial || token.end - token.start === 1) return enum_Stop.None;
  const next = text.charCodeAt(token.end);
  if (
    token.end < text.length &&
    next !== 32 &&
    next !== 10 &&
    next !== 44 &&
    GLUED_AFTER.test(text.slice(token.end, token.end + 2))
  ) {
    return enum_Stop.Poison;
  }
  const prev = text.charCodeAt(token.start - 1);
  if (
    token.start > 0 &&
    prev !== 32 &&
    prev !== 10 &&
    GLUED_BEFORE.test(text.slice(Math.max(0, token.start - 2), token.start))
  ) {
    return enum_Stop.Poison;
  }
  return enum_Stop.None;
}

export const HOUSE_NUMBER_AFTER = /^ ?\d/;
/** A lower-case tussenvoegsel with `van` before a capitalised word: ` van `, ` van der `. */
export const VAN_GAP = /^ van (?:(?:de|der|den) )?$/;

function isDashOrDigit(code: number): boolean {
  return code === 45 || (code >= 48 && code <= 57);
}

/** Capitalised particles that can open a surname (`De Vries`, `Van Dijk`, `El Amrani`). */
const LEADING_CAP_PARTICLES = new Set([
  "de",
  "van",
  "ter",
  "ten",
  "den",
  "der",
  "el",
  "al",
  "le",
  "la",
  "du",
  "da",
  "di",
  "von",
  "vd",
]);
/** `Winter!2025` is a password, `Hoi Femke!` a greeting: `!` is glued only when more follows. */
export const GLUED_AFTER = /^(?:[\d#$%&*+=/\\|~^<>[\]{}_]|![^\s"')!?.]|-\d)/;
const GLUED_BEFORE = /(?:[\p{L}\d][:=/._#\\]|[/#_\\$%])$/u;

/** `3 jan 2024`, `jan. 2024`, `Mei 2025`: a month, not the name Jan or Mei. */
function nearDigit(text: string, token: CapToken): boolean {
  return (
    /\d[ .-]*$/.test(text.slice(Math.max(0, token.start - 4), token.start)) ||
    /^\.? ?'?\d/.test(text.slice(token.end, token.end + 4))
  );
}

function particleGap(gap: string): string | null {
  if (gap.length > 16 || !PARTICLE_GAP.test(gap)) return null;
  const seq = gap.trim();
  return PARTICLE_SEQUENCES.has(seq) ? seq : null;
}

/** True when two consecutive capitalised tokens belong to one name. */
function joins(prev: CapToken, gap: string): boolean {
  if (gap === " " || gap === "-" || gap === " - ") return true;
  // `Janssens-de Groot`, `Van Dijk-van der Berg`.
  if (gap.startsWith("-") && particleGap(` ${gap.slice(1)}`) !== null) return true;
  if (prev.initial) {
    if (gap === "." || gap === ". " || gap === ".-") return true;
    if (gap.startsWith(". ") && particleGap(gap.slice(1)) !== null) return true;
  }
  return particleGap(gap) !== null;
}

/**
 * After a lower-case tussenvoegsel comes a surname, never initials or a first name: in
 * `Brief van J. Jansen` or `Verslag van Petra de Boer`, the `van` is a preposition and the
 * name starts after it.
 */
function givenNameAfterParticle(token: CapToken, gap: string): boolean {
  if (gap === " " || gap === "-" || gap === " - " || !/[a-z]/.test(gap)) return false;
  if (token.initial) return true;
  return FIRST_NAMES.has(token.key) && !AMBIGUOUS_FIRST.has(token.key) && !SURNAMES.has(token.key);
}

/**
 * A call name in brackets after the initials, as Dutch HR and medical records write it:
 * `E.M. (Els) van den Berg`. The bracket opens after an initial (or a given name) and closes
 * before the surname.
 */
function joinsCallName(prev: CapToken, gap: string, chain: Part[], token: CapToken, text: string): boolean {
  if (prev.initial && (gap === ". (" || gap === " (")) return true;
  // After full given names: `Cornelis Johannes (Kees) van der Wal`.
  if (gap === " (") {
    return FIRST_NAMES.has(prev.key) && FIRST_NAMES.has(token.key) && text.charCodeAt(token.end) === 41;
  }
  const opened = (chain[chain.length - 1] as Part).gap;
  if (!gap.startsWith(")") || !(opened === ". (" || opened === " (")) return false;
  const rest = gap.slice(1);
  return rest === " " || particleGap(rest) !== null;
}

/** Start of the longest tussenvoegsel (`van`, `van der`, `in 't`) that ends the lower-case words before a token. */
function leadingParticleStart(gap: string, tokenStart: number): number {
  if (gap.length === 0) return -1;
  const words = gap.trim().split(" ");
  for (let k = Math.min(words.length, MAX_LEAD_WORDS); k >= 1; k--) {
    const seq = words.slice(words.length - k).join(" ");
    if (PARTICLE_SEQUENCES.has(seq)) return tokenStart - seq.length - 1;
  }
  return -1;
}

/**
 * A lower-case `van`/`de` before a capitalised word belongs to the name after a title
 * (`dhr. van Dam`) or before a known surname (`met de Vries`), never before a trade word
 * (`de Bakker op de hoek` is the baker).
 */
function leadParticleFits(
  text: string,
  folded: string,
  particleStart: number,
  parts: Part[],
  lines: LineStarts,
): boolean {
  if (cueBefore(text, folded, particleStart, lines) === Cue.Strong) return true;
  if (parts.length !== 1) return false;
  const key = (parts[0] as Part).token.key;
  return SURNAMES.has(key) && !COMMON_WORD_SURNAME.has(key);
}

const MAX_LEAD_WORDS = 3;

interface Name {
  parts: Part[];
  /** Start offset, earlier than the first token when a lower-case tussenvoegsel leads (`van Dam`). */
  start: number;
  leadParticle: boolean;
  /** Title or salutation written inside the chain, e.g. `Mevrouw` in `Mevrouw De Vries`. */
  inlineCue: boolean;
  /** A business word follows (`Jansen Bouw`, `Van der Meulen Opleidingen`): more likely a firm. */
  businessAfter: boolean;
}

/** Split a chain of capitalised tokens into name candidates at words that are never names. */
function namesInChain(text: string, folded: string, chain: Part[], out: Name[], lines: LineStarts): void {
  let current: Part[] = [];
  let carry = false;
  let poisoned = false;
  const flush = (next?: Part): void => {
    if (current.length > 0 && !poisoned) {
      const first = current[0] as Part;
      let lead = carry && particleGap(first.gap) !== null;
      let start = lead ? first.token.start - first.gap.length + 1 : first.token.start;
      if (!lead && first === chain[0]) {
        const particleStart = leadingParticleStart(first.gap, first.token.start);
        if (particleStart >= 0 && leadParticleFits(text, folded, particleStart, current, lines)) {
          lead = true;
          start = particleStart;
        }
      }
      const businessAfter = next !== undefined && next.gap === " " && isBusinessWord(next.token.key);
      out.push({ parts: current, start, leadParticle: lead, inlineCue: carry, businessAfter });
    }
    current = [];
  };
  for (const part of chain) {
    const stop = stopKind(text, part.token, part.gap, current[current.length - 1]?.token);
    if (stop === enum_Stop.None) {
      if (current.length === 0 && poisoned && particleGap(part.gap) === null) poisoned = false;
      current.push(part);
      continue;
    }
    flush(part);
    carry = stop === enum_Stop.Carry;
    poisoned = stop === enum_Stop.Poison;
  }
  flush();
}

function isParticleToken(part: Part, index: number, count: number): boolean {
  return index > 0 && index < count - 1 && PARTICLES.has(part.token.key);
}

/** Score a name from its own words, before looking at the context. */
function intrinsicScore(name: Name, text: string): number {
  // Index arithmetic instead of sliced and filtered arrays: this runs for every capitalised chain.
  const all = name.parts;
  let leadCap = 0;
  while (leadCap < all.length - 1 && LEADING_CAP_PARTICLES.has(partAt(all, leadCap).token.key)) leadCap++;
  // `parts` below are all[leadCap..]; `count` of them.
  const count = all.length - leadCap;
  const head = partAt(all, leadCap).token;
  if (count === 1 && head.end - head.start === 1) return 0;
  if (LEADING_CAP_PARTICLES.has(head.key)) return 0;
  let initials = 0;
  while (initials < count && partAt(all, leadCap + initials).token.initial) initials++;
  // The words: parts after the initials that are no particle inside the name.
  let words = 0;
  let firstWord = -1;
  let lastWord = -1;
  let allCommonNouns = true;
  for (let k = initials; k < count; k++) {
    const part = partAt(all, leadCap + k);
    if (isParticleToken(part, k, count)) continue;
    words++;
    if (firstWord < 0) firstWord = k;
    lastWord = k;
    if (allCommonNouns && !looksLikeCommonNoun(part.token)) allCommonNouns = false;
  }
  if (words === 0) return 0;
  const first = partAt(all, leadCap + firstWord).token.key;
  if (!FIRST_NAMES.has(first) && allCommonNouns) return 0.2;
  if (words > 4) return 0.3;
  const lastKey = partAt(all, leadCap + lastWord).token.key;
  const lastKnown = SURNAMES.has(lastKey) && !COMMON_WORD_SURNAME.has(lastKey);
  if (initials > 0) return 0.9;
  const sentenceStart = atSentenceStart(text, name.start);
  if (words >= 2) {
    if (FIRST_NAMES.has(first) && !AMBIGUOUS_FIRST.has(first)) return 0.9;
    // `De Rode Hoed`, `Het Anker`: an article before unknown words names a place or a firm.
    if (leadCap > 0) return lastKnown ? 0.75 : 0.35;
    const hasParticle = name.leadParticle || particleInside(all, leadCap, count);
    if (AMBIGUOUS_FIRST.has(first)) return lastKnown || SURNAMES.has(lastKey) || hasParticle ? 0.85 : 0.6;
    if (hasParticle && !(sentenceStart && words === 2 && !lastKnown)) return 0.8;
    if (lastKnown) return sentenceStart ? 0.6 : 0.7;
    return sentenceStart ? 0.3 : 0.35;
  }
  if (name.leadParticle || leadCap > 0) return lastKnown ? 0.75 : 0.45;
  if (looksLikeCommonNoun(partAt(all, leadCap + firstWord).token)) return 0.2;
  if (FIRST_NAMES.has(first) && !AMBIGUOUS_FIRST.has(first)) return sentenceStart ? 0.55 : 0.6;
  if (AMBIGUOUS_FIRST.has(first)) return 0.3;
  return SURNAMES.has(first) ? 0.4 : 0.3;
}

function partAt(parts: Part[], index: number): Part {
  return parts[index] as Part;
}

/** A tussenvoegsel between the parts all[from..from+count), written lower case or capitalised. */
function particleInside(all: Part[], from: number, count: number): boolean {
  for (let k = 1; k < count; k++) {
    const part = partAt(all, from + k);
    if (particleGap(part.gap) !== null || isParticleToken(part, k, count)) return true;
  }
  return false;
}

function scoreWithContext(
  name: Name,
  end: number,
  input: ScanInput,
  listedAfterName: boolean,
  lines: LineStarts,
): number {
  let score = intrinsicScore(name, input.text);
  if (score === 0) return 0;
  // Already strong on its own words: context would only nudge it, so skip the lookups.
  if (score >= 0.9) return score;
  const cue = name.inlineCue ? Cue.Strong : cueBefore(input.text, input.folded, name.start, lines);
  if (cue === Cue.Strong || listedAfterName) return Math.max(score, 0.92);
  if (cue === Cue.Medium) score += 0.35;
  else if (cue === Cue.Weak) score += 0.1;
  if (verbAfter(input.folded, end)) score += 0.25;
  else if (
    name.parts.length === 1 &&
    FIRST_NAMES.has((name.parts[0] as Part).token.key) &&
    addressedAfter(input.folded, end)
  ) {
    // `Jan ik heb de gegevens`, `Roos kun jij...`: a chat message opening with the addressee.
    score += 0.25;
  }
  if (contactAfter(input.text, end)) score += 0.2;
  return Math.min(score, 0.9);
}

/** `Autoriteit Persoonsgegevens`, `Albert Heijn`: public bodies and vendors are no people. */
function isVendorName(folded: string, start: number, end: number): boolean {
  const span = folded.slice(start, end);
  if (VENDORS.has(span)) return true;
  for (const v of VENDOR_PHRASES) if (span.startsWith(v)) return true;
  return false;
}

/**
 * Dutch noun endings (`Facturatie`, `Begroting`, `Vergaderzaal`, `Klantenservice`): an unknown
 * capitalised word ending like this is a heading or a term, not a surname.
 */
const NOUN_ENDING =
  /(?:heid|teit|schap|atie|tie|ing|isme|ologie|tuur|dienst|service|zaal|plan|lijst|verslag|overzicht|beleid|voorwaarden|code|protocol|gebouw|kosten|werk|blad|project|fase|huur|lease|auto|energie|verzekering)$/;

function computeCommonNoun(key: string): boolean {
  return NOUN_ENDING.test(key) && !SURNAMES.has(key) && !FIRST_NAMES.has(key);
}

function looksLikeCommonNoun(token: CapToken): boolean {
  return (wordFacts(token) & NOUN_FLAG) !== 0;
}

/**
 * Up to three lower-case words right before `start`, as a gap (` van der `); empty when the
 * character before is no space after a lower-case word. A backwards scan, no regex.
 */
function lowerWordsBefore(text: string, start: number): string {
  if (text.charCodeAt(start - 1) !== 32) return "";
  let i = start - 1;
  let words = 0;
  let from = start;
  while (words < MAX_LEAD_WORDS && i > 0) {
    let j = i - 1;
    while (j >= 0 && isLowerOrApostrophe(text.charCodeAt(j))) j--;
    if (j === i - 1) break;
    words++;
    from = j + 1;
    if (j < 0 || text.charCodeAt(j) !== 32) break;
    i = j;
  }
  return words === 0 ? "" : ` ${text.slice(from, start)}`;
}

function isLowerOrApostrophe(code: number): boolean {
  return (code >= 97 && code <= 122) || code === 39;
}

/** The longest gap `joins` can accept: `. ` plus a particle gap of at most 16 characters. */
const MAX_JOIN_GAP = 17;

const BUSINESS_NAME_CAP = 0.8;

/** A subject pronoun or a question verb right after a first name: the name is someone spoken to. */
export const ADDRESSED = /^,? (?:ik|jij|je|wij|we|kun|kan|wil|heb|zou|mag|moet)(?![a-z])/;

function addressedAfter(folded: string, end: number): boolean {
  return ADDRESSED.test(folded.slice(end, end + 8));
}

/** `A, B en C` on one line: a name right after another name is a name too. */
const LIST_SEPARATOR = /^(?:, ?| en | & | and |, en |; ?| \/ )$/;

function chains(text: string, tokens: CapToken[]): Part[][] {
  const result: Part[][] = [];
  let chain: Part[] = [];
  let prev: CapToken | null = null;
  for (const token of tokens) {
    // `joins` accepts no gap longer than MAX_JOIN_GAP, so longer ones are never sliced.
    const gap = prev === null || token.start - prev.end > MAX_JOIN_GAP ? null : text.slice(prev.end, token.start);
    if (
      prev !== null &&
      gap !== null &&
      chain.length > 0 &&
      ((joins(prev, gap) && !givenNameAfterParticle(token, gap)) || joinsCallName(prev, gap, chain, token, text))
    ) {
      chain.push({ token, gap });
    } else {
      if (chain.length > 0) result.push(chain);
      chain = [{ token, gap: lowerWordsBefore(text, token.start) }];
    }
    prev = token;
  }
  if (chain.length > 0) result.push(chain);
  return result;
}

export function scanPersons(input: ScanInput): Candidate[] {
  const { text } = input;
  const tokens = sharedTokens(input);
  const names: Name[] = [];
  const lines = new LineStarts(text);
  for (const chain of chains(text, tokens)) namesInChain(text, input.folded, chain, names, lines);
  const out: Candidate[] = [];
  let previous: Candidate | null = null;
  for (const name of names) {
    const lastPart = name.parts[name.parts.length - 1] as Part;
    // An initial alone at the end (`Bijlage B.`) is not a surname.
    if (lastPart.token.initial && name.parts.length === 1) continue;
    // `J. (Jan)` without a surname: the closing bracket belongs to the span.
    const end =
      lastPart.gap.endsWith("(") && text.charCodeAt(lastPart.token.end) === 41
        ? lastPart.token.end + 1
        : lastPart.token.end;
    if (isVendorName(input.folded, name.start, end)) continue;
    // `Jansen B.V.`, `Kuipers & Zn.`: the organisation recognizer owns it.
    TRAILING_LEGAL_FORM.lastIndex = end;
    if (TRAILING_LEGAL_FORM.test(text)) continue;
    const listed =
      previous !== null && previous.score >= 0.85 && LIST_SEPARATOR.test(text.slice(previous.end, name.start));
    let score = scoreWithContext(name, end, input, listed, lines);
    // Below the organisation recognizer's business names (0.85 and up), so `Van Leeuwen
    // Logistiek` is one firm, while the name is still reported if no firm covers it.
    if (name.businessAfter) score = Math.min(score, BUSINESS_NAME_CAP);
    if (score < 0.35) continue;
    const candidate: Candidate = { type: "PERSON", start: name.start, end, score, recognizer: "names.person" };
    out.push(candidate);
    previous = candidate;
  }
  return out;
}

export const personRecognizer: Recognizer = {
  name: "names.person",
  types: ["PERSON"],
  scan: scanPersons,
};
