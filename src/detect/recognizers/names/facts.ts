/**
 * Everything the names recognizers ask the lexicons about one capitalised word, folded into one
 * bit mask and computed once per distinct word (see `WordTable` in tokens.ts). The recognizers
 * then test bits instead of looking the same word up in a dozen sets for every name.
 */
import {
  AMBIGUOUS_FIRST,
  COMMON_WORD_SURNAME,
  FIRST_NAMES,
  GEO,
  isSectorHead,
  LABEL_WORDS,
  MONTH_WORDS,
  NON_NAME,
  NON_ORG_BODY,
  PARTICLES,
  PARTY_LABEL_WORDS,
  PRECEDING,
  SALUTATION_WORDS,
  SIGNOFF_PHRASES,
  SURNAMES,
  TITLE_WORDS,
  TRAILING_HEAD_WORDS,
  VENDORS,
  VERBS_AFTER,
} from "./lexicon.js";
import { WordValues } from "./word-table.js";

/** What a word's folded form alone says about it as a stop in a name; `Dynamic` when its surroundings decide. */
export const KeyStop = {
  Dynamic: 0,
  Carry: 1,
  None: 2,
  Break: 3,
  Poison: 4,
  StreetHead: 5,
  StreetWord: 6,
  Place: 7,
} as const;
/** The low bits of a fact mask hold the `KeyStop`. */
export const KEY_STOP_MASK = 7;

/** Bits of a word's fact mask, above the `KeyStop`. */
export const Fact = {
  /** A month name that stops a name only next to a digit (`3 jan 2024`). */
  Month: 1 << 3,
  /** Ends like a Dutch common noun and is no known name (`Facturatie`). */
  Noun: 1 << 4,
  FirstName: 1 << 5,
  AmbiguousFirst: 1 << 6,
  Surname: 1 << 7,
  CommonWordSurname: 1 << 8,
  Particle: 1 << 9,
  LeadingCapParticle: 1 << 10,
  /** `isSectorHead`: a kind of business (`Bakkerij`, `Loodgietersbedrijf`). */
  SectorHead: 1 << 11,
  TrailingHead: 1 << 12,
  NonName: 1 << 13,
  Title: 1 << 14,
  Salutation: 1 << 15,
  Label: 1 << 16,
  Vendor: 1 << 17,
  NonOrgBody: 1 << 18,
  OrgParticle: 1 << 19,
  Abbreviation: 1 << 20,
  /** A latinised initial of more than one letter (`Th.`), when followed by a dot. */
  LongInitial: 1 << 21,
  // Words around a name (`contextFacts` only):
  PartyLabel: 1 << 22,
  /** `t.a.v`, `tav`, `attn`. */
  Attention: 1 << 23,
  /** A one-word phrase before a name (`namens`, `bel`). */
  Preceding: 1 << 24,
  /** The last word of a longer phrase before a name (`met` of `gesproken met`). */
  PrecedingTail: 1 << 25,
  /** The last word of a sign-off (`groet` of `met vriendelijke groet`). */
  SignoffTail: 1 << 26,
  /** The last word of a tussenvoegsel sequence (`der` of `van der`). */
  ParticleTail: 1 << 27,
  /** A verb right after a name (`belde`, `vraagt`). */
  VerbAfter: 1 << 28,
} as const;

/** Capitalised particles that can open a surname (`De Vries`, `Van Dijk`, `El Amrani`). */
export const LEADING_CAP_PARTICLES = new Set([
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

/** Tussenvoegsel sequences as written between a first name and a surname. */
export const PARTICLE_SEQUENCES = new Set([
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

/** The last words of the tussenvoegsel sequences. */
const PARTICLE_TAILS = new Set([...PARTICLE_SEQUENCES].map((p) => p.slice(p.lastIndexOf(" ") + 1)));

/** Street names are addresses, not people: `Laan van Meerdervoort`, `Prinsengracht`. */
export const STREET_WORD =
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

/**
 * Dutch noun endings (`Facturatie`, `Begroting`, `Vergaderzaal`, `Klantenservice`): an unknown
 * capitalised word ending like this is a heading or a term, not a surname.
 */
export const NOUN_ENDING =
  /(?:heid|teit|schap|atie|tie|ing|isme|ologie|tuur|dienst|service|zaal|plan|lijst|verslag|overzicht|beleid|voorwaarden|code|protocol|gebouw|kosten|werk|blad|project|fase|huur|lease|auto|energie|verzekering)$/;

/** Latinised initials of more than one letter (`Th.` for Theodorus, `Chr.` for Christiaan). */
const LONG_INITIALS = new Set(["th", "chr", "ch", "joh", "wm", "ph", "fr", "jac", "corn", "ij", "sj", "tj"]);

/** Abbreviations inside business names: `Gebr. Schuurman`, `Fa. Jansen`. */
const ABBREVIATIONS = new Set(["gebr", "fa", "st", "mr", "dr", "ir", "wed", "comm", "int"]);

/** Capitalised articles and particles inside a business name: `De Hamer`, `Van Dijk`, `Het Anker`. */
export const ORG_PARTICLES = new Set(["de", "het", "van", "der", "den", "ter", "ten", "'t", "t"]);

/** The last words of the phrases of more than one word in PRECEDING. */
const PRECEDING_TAILS = new Set(
  [...PRECEDING].filter((p) => p.includes(" ")).map((p) => p.slice(p.lastIndexOf(" ") + 1)),
);

/** The last words of the sign-off phrases (the whole phrase when it is one word). */
const SIGNOFF_TAILS = new Set([...SIGNOFF_PHRASES].map((p) => p.slice(p.lastIndexOf(" ") + 1)));

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

/** The fact mask of a folded word. */
export function computeFacts(key: string): number {
  let f = computeKeyStop(key);
  const first = FIRST_NAMES.has(key);
  const surname = SURNAMES.has(key);
  if (MONTH_WORDS.has(key)) f |= Fact.Month;
  if (NOUN_ENDING.test(key) && !surname && !first) f |= Fact.Noun;
  if (first) f |= Fact.FirstName;
  if (AMBIGUOUS_FIRST.has(key)) f |= Fact.AmbiguousFirst;
  if (surname) f |= Fact.Surname;
  if (COMMON_WORD_SURNAME.has(key)) f |= Fact.CommonWordSurname;
  if (PARTICLES.has(key)) f |= Fact.Particle;
  if (LEADING_CAP_PARTICLES.has(key)) f |= Fact.LeadingCapParticle;
  if (isSectorHead(key)) f |= Fact.SectorHead;
  if (TRAILING_HEAD_WORDS.has(key)) f |= Fact.TrailingHead;
  if (NON_NAME.has(key)) f |= Fact.NonName;
  if (TITLE_WORDS.has(key)) f |= Fact.Title;
  if (SALUTATION_WORDS.has(key)) f |= Fact.Salutation;
  if (LABEL_WORDS.has(key)) f |= Fact.Label;
  if (VENDORS.has(key)) f |= Fact.Vendor;
  if (NON_ORG_BODY.has(key)) f |= Fact.NonOrgBody;
  if (ORG_PARTICLES.has(key)) f |= Fact.OrgParticle;
  if (ABBREVIATIONS.has(key)) f |= Fact.Abbreviation;
  if (LONG_INITIALS.has(key)) f |= Fact.LongInitial;
  return f;
}

/**
 * The facts about words around a name (not the name's own words): the context bits, for the
 * fixed vocabulary of the lexicons. A fixed table, so that looking up the open-ended words of
 * running text adds nothing to the word table of tokens.ts.
 */
const CONTEXT_WORDS = (() => {
  const bits = new Map<string, number>();
  const add = (words: Iterable<string>, bit: number): void => {
    for (const w of words) bits.set(w, (bits.get(w) ?? 0) | bit);
  };
  add(TITLE_WORDS, Fact.Title);
  add(SALUTATION_WORDS, Fact.Salutation);
  add(LABEL_WORDS, Fact.Label);
  add(PARTY_LABEL_WORDS, Fact.PartyLabel);
  add(["t.a.v", "tav", "attn"], Fact.Attention);
  add(PRECEDING, Fact.Preceding);
  add(PRECEDING_TAILS, Fact.PrecedingTail);
  add(SIGNOFF_TAILS, Fact.SignoffTail);
  add(PARTICLE_TAILS, Fact.ParticleTail);
  add(VERBS_AFTER, Fact.VerbAfter);
  return new WordValues(bits);
})();

/** The context bits of `folded.slice(start, end)`: Title, Salutation, Label, ... VerbAfter (0 for none). */
export function contextFacts(folded: string, start: number, end: number): number {
  return CONTEXT_WORDS.get(folded, start, end);
}
