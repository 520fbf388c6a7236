import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { Cue, contactAfter, cueBefore, isSpace, verbAfter } from "./context.js";
import { contextFacts, Fact, KEY_STOP_MASK, KeyStop, PARTICLE_SEQUENCES } from "./facts.js";
import { VENDOR_PHRASES, VENDORS } from "./lexicon.js";
import { legalFormAt, mayStartVendorPhrase } from "./organization.js";
import { atSentenceStart, type CapToken, LineStarts, sharedTokens } from "./tokens.js";

/** Lower-case gap of up to three particle words between two capitalised tokens: ` van der `. */
const PARTICLE_GAP = /^ (?:[a-z'.]+ ){1,3}$/;

/*
 * A chain is a run of tokens `tokens[from..to)` that may form one or more names; a name is a
 * run inside one chain. Both are kept as index ranges into the shared token array, with the
 * text before each token in `gaps[i]`, so no per-token objects or arrays are built. The gap
 * before a chain's first token (the lower-case words before it) is only read for some tokens,
 * so it is filled in on first use (`PersonScan.gap`).
 */

/** Where a stop token ends a name: `carry` lets a following `van`/`de` start the next name (`Mevrouw van Dam`). */
const enum_Stop = { None: 0, Carry: 1, Break: 2, Poison: 3 } as const;
type Stop = (typeof enum_Stop)[keyof typeof enum_Stop];

function stopKind(text: string, token: CapToken, rawGap: string, previous: CapToken | undefined): Stop {
  const info = token.facts;
  // After an initial the dot is the initial's: `J. van Oosterhout` has the gap ` van `.
  const gap = previous?.initial && rawGap.charCodeAt(0) === 46 ? rawGap.slice(1) : rawGap;
  const kind = info & KEY_STOP_MASK;
  // `Kerkweg`, `Westerveld`: a street, unless it follows a first name, initials or a
  // tussenvoegsel and no house number follows (`W. Korteweg`, `Bram Westerveld`, `van Hoogeveld`).
  if (kind === KeyStop.StreetWord) {
    const named =
      particleGap(gap) ||
      (previous !== undefined &&
        (previous.initial || ((previous.facts & Fact.FirstName) !== 0 && (gap === " " || gap === ") "))));
    return named && !HOUSE_NUMBER_AFTER.test(text.slice(token.end, token.end + 3)) ? enum_Stop.None : enum_Stop.Poison;
  }
  // `Laan van Meerdervoort` is a street, but after a tussenvoegsel `Laan` is a surname (`van der Laan`).
  if (kind === KeyStop.StreetHead) return particleGap(gap) ? enum_Stop.None : enum_Stop.Poison;
  // `Delft`, `Kampen`: a place, unless it is the surname in `Jan van Delft`, `Van Kampen`, `Anna Goes`.
  if (kind === KeyStop.Place) {
    const named =
      VAN_GAP.test(gap) ||
      (previous !== undefined &&
        gap === " " &&
        (previous.key === "van" ||
          previous.initial ||
          (previous.facts & (Fact.FirstName | Fact.AmbiguousFirst)) === Fact.FirstName));
    return named ? enum_Stop.None : enum_Stop.Break;
  }
  // The last letter of a code or plate (`HP-361-X`, `4B`) is neither a name nor a brand (`X`).
  if (token.end - token.start === 1 && !token.initial && isDashOrDigit(text.charCodeAt(token.start - 1))) {
    return enum_Stop.Break;
  }
  if (kind === KeyStop.Carry) return enum_Stop.Carry;
  if (token.acronym) return enum_Stop.Break;
  if (info & Fact.Month && nearDigit(text, token)) return enum_Stop.Break;
  if (kind === KeyStop.None) return enum_Stop.None;
  if (kind === KeyStop.Break) return enum_Stop.Break;
  if (kind === KeyStop.Poison) return enum_Stop.Poison;
  const after = text.charCodeAt(token.end);
  // Part of an e-mail address, file name or identifier: `Jan.Jansen@`, `Report_Q3`.
  if (after === 64 || after === 95 || (after === 46 && isLetterOrDigit(text, token.end + 1))) {
    return token.initial ? enum_Stop.None : enum_Stop.Poison;
  }
  // Passwords, codes and file names: `Winter!2025`, `Kaas&Worst`, `F-2026`, `app:Geheim`.
  if (token.initial || token.end - token.start === 1) return enum_Stop.None;
  if (gluedAfter(text, token.end) || gluedBefore(text, token.start)) return enum_Stop.Poison;
  return enum_Stop.None;
}

/** `/[\p{L}\d]/u` on the code unit at `i` (false past the end); ASCII without the regex. */
function isLetterOrDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return i < text.length && LETTER.test(text[i] as string);
}

const LETTER = /\p{L}/u;

/**
 * `Winter!2025`, `Kaas&Worst`, `F-2026`: a token glued to what follows, as in passwords, codes
 * and file names. The regex `/^(?:[\d#$%&*+=/\\|~^<>[\]{}_]|![^\s"')!?.]|-\d)/` on the two
 * characters after the token, by character codes (a `!` is glued only when more follows: `Hoi
 * Femke!` is a greeting).
 */
export function gluedAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c === 32 || c === 10 || c === 44 || Number.isNaN(c)) return false;
  if (c < 128 && GLUED_AFTER_CHARS[c] === 1) return true;
  const next = text.charCodeAt(end + 1);
  if (c === 33) return !Number.isNaN(next) && !isSpace(next) && !NOT_GLUED_AFTER_BANG.includes(next);
  return c === 45 && next >= 48 && next <= 57;
}

/** `[\d#$%&*+=/\\|~^<>[\]{}_]` of `gluedAfter`. */
const GLUED_AFTER_CHARS = charTable("0123456789#$%&*+=/\\|~^<>[]{}_");
/** `"')!?.`: after a `!`, the end of a sentence or quote, not a password. */
const NOT_GLUED_AFTER_BANG = [..."\"')!?."].map((ch) => ch.charCodeAt(0));

/**
 * `app:Geheim`, `#Tag`, `/Pad`: a token glued to what comes before. The regex
 * `/(?:[\p{L}\d][:=/._#\\]|[/#_\\$%])$/u` on the two characters before the token.
 */
export function gluedBefore(text: string, start: number): boolean {
  if (start <= 0) return false;
  const c = text.charCodeAt(start - 1);
  if (c === 32 || c === 10) return false;
  if (c < 128 && GLUED_BEFORE_ALONE[c] === 1) return true;
  return start >= 2 && c < 128 && GLUED_BEFORE_AFTER_WORD[c] === 1 && isLetterOrDigit(text, start - 2);
}

/** `[/#_\\$%]` of `gluedBefore`: glued on their own. */
const GLUED_BEFORE_ALONE = charTable("/#_\\$%");
/** `[:=/._#\\]` of `gluedBefore`: glued after a letter or digit. */
const GLUED_BEFORE_AFTER_WORD = charTable(":=/._#\\");

function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

export const HOUSE_NUMBER_AFTER = /^ ?\d/;
/** A lower-case tussenvoegsel with `van` before a capitalised word: ` van `, ` van der `. */
export const VAN_GAP = /^ van (?:(?:de|der|den) )?$/;

function isDashOrDigit(code: number): boolean {
  return code === 45 || (code >= 48 && code <= 57);
}

/** `3 jan 2024`, `jan. 2024`, `Mei 2025`: a month, not the name Jan or Mei. */
function nearDigit(text: string, token: CapToken): boolean {
  return (
    /\d[ .-]*$/.test(text.slice(Math.max(0, token.start - 4), token.start)) ||
    /^\.? ?'?\d/.test(text.slice(token.end, token.end + 4))
  );
}

/** The first two characters of every tussenvoegsel sequence (all have two or more), as `c0 << 16 | c1`. */
const PARTICLE_HEADS = new Set([...PARTICLE_SEQUENCES].map((p) => (p.charCodeAt(0) << 16) | p.charCodeAt(1)));

/** `particleGap` per gap text: the same few gaps (` van `, ` de `) come back all the time. */
const particleGapCache = new Map<string, boolean>();

/** True when `gap` is a tussenvoegsel between spaces: ` van der `. */
function particleGap(gap: string): boolean {
  // Cheap rejections first: the pattern needs a space at both ends and a word between.
  const n = gap.length;
  if (n < 3 || n > 16 || gap.charCodeAt(0) !== 32 || gap.charCodeAt(n - 1) !== 32) return false;
  // Every sequence starts with one of a few letter pairs (` en `, ` met ` do not).
  if (!PARTICLE_HEADS.has((gap.charCodeAt(1) << 16) | gap.charCodeAt(2))) return false;
  let known = particleGapCache.get(gap);
  if (known === undefined) {
    known = PARTICLE_GAP.test(gap) && PARTICLE_SEQUENCES.has(gap.trim());
    // Bounded: a long-running gateway sees an open-ended vocabulary.
    if (particleGapCache.size > 5_000) particleGapCache.clear();
    particleGapCache.set(gap, known);
  }
  return known;
}

/** True when two consecutive capitalised tokens belong to one name. */
function joins(prev: CapToken, gap: string): boolean {
  if (gap === " " || gap === "-" || gap === " - ") return true;
  const c0 = gap.charCodeAt(0);
  // `Janssens-de Groot`, `Van Dijk-van der Berg`.
  if (c0 === 45 && particleGap(` ${gap.slice(1)}`)) return true;
  if (prev.initial) {
    if (gap === "." || gap === ". " || gap === ".-") return true;
    if (c0 === 46 && gap.charCodeAt(1) === 32 && particleGap(gap.slice(1))) return true;
  }
  return particleGap(gap);
}

/** True when `gap` holds a lower-case ASCII letter. */
function hasLowerAscii(gap: string): boolean {
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/**
 * After a lower-case tussenvoegsel comes a surname, never initials or a first name: in
 * `Brief van J. Jansen` or `Verslag van Petra de Boer`, the `van` is a preposition and the
 * name starts after it.
 */
function givenNameAfterParticle(token: CapToken, gap: string): boolean {
  if (gap === " " || gap === "-" || gap === " - " || !hasLowerAscii(gap)) return false;
  if (token.initial) return true;
  return (token.facts & (Fact.FirstName | Fact.AmbiguousFirst | Fact.Surname)) === Fact.FirstName;
}

/**
 * A call name in brackets after the initials, as Dutch HR and medical records write it:
 * `E.M. (Els) van den Berg`. The bracket opens after an initial (or a given name) and closes
 * before the surname. `opened` is the gap before `prev`.
 */
function joinsCallName(prev: CapToken, gap: string, opened: string, token: CapToken, text: string): boolean {
  if (prev.initial && (gap === ". (" || gap === " (")) return true;
  // After full given names: `Cornelis Johannes (Kees) van der Wal`.
  if (gap === " (") {
    return (prev.facts & token.facts & Fact.FirstName) !== 0 && text.charCodeAt(token.end) === 41;
  }
  if (gap.charCodeAt(0) !== 41 || !(opened === ". (" || opened === " (")) return false;
  const rest = gap.slice(1);
  return rest === " " || particleGap(rest);
}

/** `leadingParticleStart` per gap: how far before the token the tussenvoegsel starts, or -1. */
const leadCache = new Map<string, number>();

/** Start of the longest tussenvoegsel (`van`, `van der`, `in 't`) that ends the lower-case words before a token. */
function leadingParticleStart(gap: string, tokenStart: number): number {
  if (gap.length === 0) return -1;
  let back = leadCache.get(gap);
  if (back === undefined) {
    back = -1;
    const words = gap.trim().split(" ");
    for (let k = Math.min(words.length, MAX_LEAD_WORDS); k >= 1; k--) {
      const seq = words.slice(words.length - k).join(" ");
      if (PARTICLE_SEQUENCES.has(seq)) {
        back = seq.length + 1;
        break;
      }
    }
    // Bounded: a long-running gateway sees an open-ended vocabulary.
    if (leadCache.size > 5_000) leadCache.clear();
    leadCache.set(gap, back);
  }
  return back < 0 ? -1 : tokenStart - back;
}

const MAX_LEAD_WORDS = 3;

/** The words of a name (`tokens[from..to)`) and how it was found. */
interface Name {
  from: number;
  to: number;
  /** Start offset, earlier than the first token when a lower-case tussenvoegsel leads (`van Dam`). */
  start: number;
  leadParticle: boolean;
  /** Title or salutation written inside the chain, e.g. `Mevrouw` in `Mevrouw De Vries`. */
  inlineCue: boolean;
  /** A business word follows (`Jansen Bouw`, `Van der Meulen Opleidingen`): more likely a firm. */
  businessAfter: boolean;
}

function isParticleToken(token: CapToken, index: number, count: number): boolean {
  return index > 0 && index < count - 1 && (token.facts & Fact.Particle) !== 0;
}

/** Score a name from its own words, before looking at the context. */
function intrinsicScore(name: Name, tokens: CapToken[], gaps: (string | undefined)[], text: string): number {
  const { from, to } = name;
  const total = to - from;
  let leadCap = 0;
  while (leadCap < total - 1 && (tok(tokens, from + leadCap).facts & Fact.LeadingCapParticle) !== 0) leadCap++;
  // The name's words below are tokens[base..to); `count` of them.
  const base = from + leadCap;
  const count = total - leadCap;
  const head = tok(tokens, base);
  if (count === 1 && head.end - head.start === 1) return 0;
  if ((head.facts & Fact.LeadingCapParticle) !== 0) return 0;
  let initials = 0;
  while (initials < count && tok(tokens, base + initials).initial) initials++;
  // The words: tokens after the initials that are no particle inside the name.
  let words = 0;
  let firstWord = -1;
  let lastWord = -1;
  let allCommonNouns = true;
  for (let k = initials; k < count; k++) {
    const token = tok(tokens, base + k);
    if (isParticleToken(token, k, count)) continue;
    words++;
    if (firstWord < 0) firstWord = k;
    lastWord = k;
    if (allCommonNouns && (token.facts & Fact.Noun) === 0) allCommonNouns = false;
  }
  if (words === 0) return 0;
  const first = tok(tokens, base + firstWord).facts;
  const isFirst = (first & Fact.FirstName) !== 0;
  const ambiguous = (first & Fact.AmbiguousFirst) !== 0;
  if (!isFirst && allCommonNouns) return 0.2;
  if (words > 4) return 0.3;
  const last = tok(tokens, base + lastWord).facts;
  const lastKnown = (last & (Fact.Surname | Fact.CommonWordSurname)) === Fact.Surname;
  if (initials > 0) return 0.9;
  const sentenceStart = atSentenceStart(text, name.start);
  if (words >= 2) {
    if (isFirst && !ambiguous) return 0.9;
    // `De Rode Hoed`, `Het Anker`: an article before unknown words names a place or a firm.
    if (leadCap > 0) return lastKnown ? 0.75 : 0.35;
    const hasParticle = name.leadParticle || particleInside(tokens, gaps, base, count);
    if (ambiguous) return lastKnown || (last & Fact.Surname) !== 0 || hasParticle ? 0.85 : 0.6;
    if (hasParticle && !(sentenceStart && words === 2 && !lastKnown)) return 0.8;
    if (lastKnown) return sentenceStart ? 0.6 : 0.7;
    return sentenceStart ? 0.3 : 0.35;
  }
  if (name.leadParticle || leadCap > 0) return lastKnown ? 0.75 : 0.45;
  if ((first & Fact.Noun) !== 0) return 0.2;
  if (isFirst && !ambiguous) return sentenceStart ? 0.55 : 0.6;
  if (ambiguous) return 0.3;
  return (first & Fact.Surname) !== 0 ? 0.4 : 0.3;
}

function tok(tokens: CapToken[], index: number): CapToken {
  return tokens[index] as CapToken;
}

/** A tussenvoegsel between the tokens [from..from+count), written lower case or capitalised. */
function particleInside(tokens: CapToken[], gaps: (string | undefined)[], from: number, count: number): boolean {
  for (let k = 1; k < count; k++) {
    if (particleGap(gaps[from + k] as string) || isParticleToken(tok(tokens, from + k), k, count)) return true;
  }
  return false;
}

function scoreWithContext(
  name: Name,
  tokens: CapToken[],
  gaps: (string | undefined)[],
  end: number,
  input: ScanInput,
  listedAfterName: boolean,
  lines: LineStarts,
): number {
  let score = intrinsicScore(name, tokens, gaps, input.text);
  if (score === 0) return 0;
  // Already strong on its own words: context would only nudge it, so skip the lookups.
  if (score >= 0.9) return score;
  const cue = name.inlineCue ? Cue.Strong : cueBefore(input.text, input.folded, name.start, lines);
  if (cue === Cue.Strong || listedAfterName) return Math.max(score, 0.92);
  if (cue === Cue.Medium) score += 0.35;
  else if (cue === Cue.Weak) score += 0.1;
  if (verbAfter(input.folded, end)) score += 0.25;
  else if (
    name.to - name.from === 1 &&
    (tok(tokens, name.from).facts & Fact.FirstName) !== 0 &&
    addressedAfter(input.folded, end) &&
    !verbBeforeYou(tok(tokens, name.from).facts, input.folded, end)
  ) {
    // `Jan ik heb de gegevens`, `Roos kun jij...`: a chat message opening with the addressee.
    score += 0.25;
  }
  if (contactAfter(input.text, end)) score += 0.2;
  return Math.min(score, 0.9);
}

/** Length and first two characters of the known vendors: a span that differs needs no lookup. */
const VENDOR_SHAPES = new Set([...VENDORS].map((v) => vendorShape(v, 0, v.length)));

/** A lossy fingerprint, only to rule spans out: equal strings have equal shapes. */
function vendorShape(folded: string, start: number, end: number): number {
  const length = end - start;
  const second = length > 1 ? folded.charCodeAt(start + 1) & 0x3ff : 0;
  return (length << 20) | ((folded.charCodeAt(start) & 0x3ff) << 10) | second;
}

/** `Autoriteit Persoonsgegevens`, `Albert Heijn`: public bodies and vendors are no people. */
function isVendorName(folded: string, start: number, end: number): boolean {
  const length = end - start;
  if (VENDOR_SHAPES.has(vendorShape(folded, start, end)) && VENDORS.has(folded.slice(start, end))) return true;
  if (!mayStartVendorPhrase(folded, start)) return false;
  for (const v of VENDOR_PHRASES) if (v.length <= length && folded.startsWith(v, start)) return true;
  return false;
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
  const c = folded.charCodeAt(end);
  if (c !== 44 && c !== 32) return false;
  return ADDRESSED.test(folded.slice(end, end + 8));
}

/**
 * A first name that is also a common word, followed straight by `je`/`jij`/`u`: the word is the verb
 * of a question (`Wil je…`, `Ben je er morgen?`), not someone spoken to (`Wil, je…`; `Anna ik…`).
 */
export const YOU_AFTER = /^ (?:je|jij|u)(?![a-z])/;

function verbBeforeYou(facts: number, folded: string, end: number): boolean {
  return (facts & Fact.AmbiguousFirst) !== 0 && YOU_AFTER.test(folded.slice(end, end + 5));
}

/** `A, B en C` on one line: a name right after another name is a name too. */
const LIST_SEPARATORS = new Set([",", ", ", " en ", " & ", " and ", ", en ", ";", "; ", " / "]);

function listSeparated(text: string, from: number, to: number): boolean {
  const length = to - from;
  return length >= 1 && length <= 5 && LIST_SEPARATORS.has(text.slice(from, to));
}

/**
 * False when `joins` and `joinsCallName` surely reject the gap `text[from..to)`: every gap they
 * accept starts with a space, `-`, `.` or `)` and ends with a space, `-`, `.` or `(`. Saves
 * slicing gaps like `: ` or `\n`.
 */
function mayJoin(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  const last = text.charCodeAt(to - 1);
  return (
    (first === 32 || first === 45 || first === 46 || first === 41) &&
    (last === 32 || last === 45 || last === 46 || last === 40)
  );
}

/** The text between two tokens; the common short gaps as constants, so they cost no allocation. */
function gapText(text: string, from: number, to: number): string {
  const length = to - from;
  if (length === 1) {
    const c = text.charCodeAt(from);
    if (c === 32) return " ";
    if (c === 45) return "-";
    if (c === 46) return ".";
    if (c === 10) return "\n";
  } else if (length === 2 && text.charCodeAt(from + 1) === 32) {
    const c = text.charCodeAt(from);
    if (c === 44) return ", ";
    if (c === 46) return ". ";
  } else if (length === 0) return "";
  return text.slice(from, to);
}

/** Business words (`Bouw`, `Bakkerij`): the organisation recognizer's `isBusinessWord`. */
const BUSINESS = Fact.TrailingHead | Fact.SectorHead;

/**
 * The person recognizer's state over one text: the chains are split into names, and each
 * name is scored as soon as it is found (in text order, as `listed` needs the previous one).
 */
class PersonScan {
  readonly out: Candidate[] = [];
  private previous: Candidate | null = null;
  private readonly lines: LineStarts;
  private readonly name: Name = {
    from: 0,
    to: 0,
    start: 0,
    leadParticle: false,
    inlineCue: false,
    businessAfter: false,
  };

  constructor(
    private readonly input: ScanInput,
    private readonly tokens: CapToken[],
    private readonly gaps: (string | undefined)[],
  ) {
    this.lines = new LineStarts(input.text);
  }

  /** Split the chain `tokens[from..to)` into names at words that are never names. */
  chain(from: number, to: number): void {
    const { tokens } = this;
    const text = this.input.text;
    let current = from;
    let carry = false;
    let poisoned = false;
    for (let i = from; i < to; i++) {
      const token = tok(tokens, i);
      // Only streets and places look at the gap.
      const gap = (token.facts & KEY_STOP_MASK) >= KeyStop.StreetHead ? this.gap(i) : "";
      const stop = stopKind(text, token, gap, i > current ? tok(tokens, i - 1) : undefined);
      if (stop === enum_Stop.None) {
        if (i === current && poisoned && !particleGap(this.gap(i))) poisoned = false;
        continue;
      }
      if (i > current && !poisoned) this.flush(from, current, i, carry, i);
      current = i + 1;
      carry = stop === enum_Stop.Carry;
      poisoned = stop === enum_Stop.Poison;
    }
    if (to > current && !poisoned) this.flush(from, current, to, carry, -1);
  }

  /** The name `tokens[from..to)` of the chain starting at `chainStart`; `next` is the stop token after it, or -1. */
  private flush(chainStart: number, from: number, to: number, carry: boolean, next: number): void {
    const { tokens, gaps, input } = this;
    const first = tok(tokens, from);
    let lead = false;
    let start = first.start;
    if (carry) {
      const firstGap = this.gap(from);
      lead = particleGap(firstGap);
      if (lead) start = first.start - firstGap.length + 1;
    }
    if (!lead && from === chainStart) {
      const particleStart = this.leadingParticleStart(from);
      if (particleStart >= 0 && this.leadParticleFits(particleStart, from, to)) {
        lead = true;
        start = particleStart;
      }
    }
    const businessAfter = next >= 0 && gaps[next] === " " && (tok(tokens, next).facts & BUSINESS) !== 0;
    const name = this.name;
    name.from = from;
    name.to = to;
    name.start = start;
    name.leadParticle = lead;
    name.inlineCue = carry;
    name.businessAfter = businessAfter;
    this.score(name, input);
  }

  /**
   * A lower-case `van`/`de` before a capitalised word belongs to the name after a title
   * (`dhr. van Dam`) or before a known surname (`met de Vries`), never before a trade word
   * (`de Bakker op de hoek` is the baker).
   */
  /** The text before token `i`: filled in for a chain's first token on first use. */
  private gap(i: number): string {
    let gap = this.gaps[i];
    if (gap === undefined) {
      gap = lowerWordsBefore(this.input.text, tok(this.tokens, i).start);
      this.gaps[i] = gap;
    }
    return gap;
  }

  /** `leadingParticleStart` for a chain's first token `i`. */
  private leadingParticleStart(i: number): number {
    const { text, folded } = this.input;
    const start = tok(this.tokens, i).start;
    // Cheap test first: the lower-case word right before the token (after a space) must end a
    // tussenvoegsel (`van`, `der`, `'t`); otherwise the gap has none at its end.
    if (start < 2 || text.charCodeAt(start - 1) !== 32) return -1;
    let j = start - 2;
    while (j >= 0 && isLowerOrApostrophe(text.charCodeAt(j))) j--;
    if (j === start - 2 || (contextFacts(folded, j + 1, start - 1) & Fact.ParticleTail) === 0) return -1;
    return leadingParticleStart(this.gap(i), start);
  }

  private leadParticleFits(particleStart: number, from: number, to: number): boolean {
    if (cueBefore(this.input.text, this.input.folded, particleStart, this.lines) === Cue.Strong) return true;
    if (to - from !== 1) return false;
    return (tok(this.tokens, from).facts & (Fact.Surname | Fact.CommonWordSurname)) === Fact.Surname;
  }

  private score(name: Name, input: ScanInput): void {
    const { tokens, gaps } = this;
    const text = input.text;
    const last = tok(tokens, name.to - 1);
    // An initial alone at the end (`Bijlage B.`) is not a surname.
    if (last.initial && name.to - name.from === 1) return;
    // `J. (Jan)` without a surname: the closing bracket belongs to the span.
    // The gap before a chain's first token is still unread, or lower-case words and a space.
    const lastGap = gaps[name.to - 1];
    const end =
      lastGap !== undefined && lastGap.charCodeAt(lastGap.length - 1) === 40 && text.charCodeAt(last.end) === 41
        ? last.end + 1
        : last.end;
    if (isVendorName(input.folded, name.start, end)) return;
    // `Jansen B.V.`, `Kuipers & Zn.`: the organisation recognizer owns it.
    if (legalFormAt(text, end)) return;
    const previous = this.previous;
    const listed = previous !== null && previous.score >= 0.85 && listSeparated(text, previous.end, name.start);
    let score = scoreWithContext(name, tokens, gaps, end, input, listed, this.lines);
    // Below the organisation recognizer's business names (0.85 and up), so `Van Leeuwen
    // Logistiek` is one firm, while the name is still reported if no firm covers it.
    if (name.businessAfter) score = Math.min(score, BUSINESS_NAME_CAP);
    if (score < 0.35) return;
    const candidate: Candidate = { type: "PERSON", start: name.start, end, score, recognizer: "names.person" };
    this.out.push(candidate);
    this.previous = candidate;
  }
}

export function scanPersons(input: ScanInput): Candidate[] {
  const { text } = input;
  const tokens = sharedTokens(input);
  const n = tokens.length;
  // The text before each token: the gap from the previous token inside a chain, or the
  // lower-case words before a chain's first token.
  const gaps = new Array<string | undefined>(n);
  const scan = new PersonScan(input, tokens, gaps);
  let chainStart = 0;
  for (let i = 0; i < n; i++) {
    const token = tok(tokens, i);
    if (i > 0) {
      const prev = tok(tokens, i - 1);
      // `joins` accepts no gap longer than MAX_JOIN_GAP, so longer ones are never sliced.
      if (token.start - prev.end <= MAX_JOIN_GAP && mayJoin(text, prev.end, token.start)) {
        const gap = gapText(text, prev.end, token.start);
        if (
          (joins(prev, gap) && !givenNameAfterParticle(token, gap)) ||
          // The unread gap before a chain's first token opens no bracket.
          joinsCallName(prev, gap, gaps[i - 1] ?? "", token, text)
        ) {
          gaps[i] = gap;
          continue;
        }
      }
      scan.chain(chainStart, i);
    }
    chainStart = i;
  }
  if (n > 0) scan.chain(chainStart, n);
  return scan.out;
}

export const personRecognizer: Recognizer = {
  name: "names.person",
  types: ["PERSON"],
  scan: scanPersons,
};
