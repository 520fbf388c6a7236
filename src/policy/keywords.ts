/**
 * Words that reveal what a text is about, in Dutch and English: GDPR art. 9/10 special categories
 * (health, religion, ethnicity, sexual orientation, trade union, biometric, genetic, political,
 * criminal) and financial / HR / contract matters that make customer data sensitive.
 *
 * Terms are written folded (lower case, no accents). `prefix` terms also match compounds that
 * start with them (diagnose, diagnoses, diagnosticeren); `word` terms match whole words only,
 * because their stems start unrelated words (`vog` is not `vogel`). Words that usually mean
 * something harmless in business writing (behandeling van uw aanvraag, aangifte btw, kerkstraat)
 * are left out on purpose.
 */
import type { DataClass } from "./types.js";

export const KEYWORD_CATEGORIES = [
  "health",
  "religion",
  "ethnicity",
  "sexual-orientation",
  "trade-union",
  "biometric",
  "genetic",
  "political",
  "criminal",
  "salary",
  "financial",
  "employment",
] as const;
export type KeywordCategory = (typeof KEYWORD_CATEGORIES)[number];

export interface KeywordSet {
  category: KeywordCategory;
  dataClass: Extract<DataClass, "sensitive" | "special">;
  prefix: readonly string[];
  word: readonly string[];
}

export const KEYWORD_SETS: readonly KeywordSet[] = [
  {
    category: "health",
    dataClass: "special",
    prefix: [
      "diagnos",
      "medicatie",
      "medicijn",
      "medisch",
      "patient",
      "huisarts",
      "bedrijfsarts",
      "arbo-arts",
      "arboarts",
      "ziekte",
      "ziekmeld",
      "ziekgemeld",
      "ziekenhuis",
      "ziekteverzuim",
      "psycholo",
      "psychiat",
      "psychisch",
      "therapeut",
      "fysiotherap",
      "depressi",
      "burn-out",
      "burnout",
      "overspannen",
      "kanker",
      "diabet",
      "zwanger",
      "arbeidsongeschikt",
      "re-integratie",
      "reintegratie",
      "verslav",
      "handicap",
      "gehandicapt",
      "chronisch",
      "zorgdossier",
      "allergie",
      "medication",
      "medical",
      "illness",
      "hospital",
      "therap",
      "disease",
      "pregnan",
      "disabilit",
      "psychiatr",
    ],
    word: ["ziek", "hiv", "adhd", "autisme", "sick leave", "mental health"],
  },
  {
    category: "religion",
    dataClass: "special",
    prefix: ["religi", "geloofsovertuiging", "godsdienst", "levensbeschouw", "moslim", "islamitisch"],
    word: ["joods", "joodse", "hindoe", "hindoeistisch", "katholiek", "katholieke", "protestant", "protestantse"],
  },
  {
    category: "ethnicity",
    dataClass: "special",
    prefix: ["etnisch", "etniciteit", "ethnic", "huidskleur", "racial"],
    word: ["afkomst", "ras"],
  },
  {
    category: "sexual-orientation",
    dataClass: "special",
    prefix: ["seksuele geaardheid", "geaardheid", "homoseksu", "biseksu", "lesbi", "transgender", "sexual orientation"],
    word: ["homo", "gay", "lhbti", "lgbt", "lgbtq"],
  },
  {
    category: "trade-union",
    dataClass: "special",
    prefix: ["vakbond", "vakvereniging", "trade union", "union member"],
    word: ["fnv", "cnv"],
  },
  {
    category: "biometric",
    dataClass: "special",
    prefix: ["biometri", "vingerafdruk", "gezichtsherkenning", "irisscan", "fingerprint", "facial recognition"],
    word: [],
  },
  {
    category: "genetic",
    dataClass: "special",
    prefix: ["genetisch", "erfelijk", "genetic", "dna-"],
    word: ["dna"],
  },
  {
    category: "political",
    dataClass: "special",
    prefix: [
      "politieke voorkeur",
      "politieke overtuiging",
      "politieke partij",
      "partijlid",
      "political opinion",
      "political party",
    ],
    word: [],
  },
  {
    category: "criminal",
    dataClass: "special",
    prefix: [
      "strafblad",
      "veroordeeld",
      "veroordeling",
      "verklaring omtrent het gedrag",
      "strafrecht",
      "delict",
      "proces-verbaal",
      "gevangenis",
      "detentie",
      "taakstraf",
      "celstraf",
      "strafzaak",
      "verdachte",
      "criminal record",
      "convicted",
      "conviction",
    ],
    word: ["vog", "justitiele documentatie", "arrested"],
  },
  {
    category: "salary",
    dataClass: "sensitive",
    prefix: [
      "salaris",
      "loonstrook",
      "brutoloon",
      "nettoloon",
      "uurloon",
      "maandloon",
      "jaarsalaris",
      "loonbeslag",
      "jaaropgave",
      "salary",
      "payslip",
      "payroll",
    ],
    word: ["loon", "wage", "wages"],
  },
  {
    category: "financial",
    dataClass: "sensitive",
    prefix: [
      "betalingsachterstand",
      "schuld",
      "incasso",
      "deurwaarder",
      "hypotheek",
      "lening",
      "krediet",
      "faillissement",
      "failliet",
      "beslaglegging",
      "jaarrekening",
      "bankafschrift",
      "rekeningafschrift",
      "belastingaangifte",
      "inkomen",
      "vermogen",
      "mortgage",
      "bankrupt",
      "bank statement",
      "credit score",
      "debt",
    ],
    word: ["bkr", "saldo", "loan", "loans", "income"],
  },
  {
    category: "employment",
    dataClass: "sensitive",
    prefix: [
      "arbeidsovereenkomst",
      "arbeidscontract",
      "ontslag",
      "vaststellingsovereenkomst",
      "functioneringsgesprek",
      "beoordelingsgesprek",
      "getekend contract",
      "ondertekend contract",
      "ondertekende overeenkomst",
      "employment contract",
      "performance review",
      "dismissal",
    ],
    word: [],
  },
];

export interface KeywordHit {
  category: KeywordCategory;
  dataClass: KeywordSet["dataClass"];
  term: string;
  start: number;
  end: number;
}

function termPattern(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
}

/** One regex per set; alternations of literals between letter boundaries run in linear time. */
export const KEYWORD_PATTERNS: ReadonlyMap<KeywordCategory, RegExp> = new Map(
  KEYWORD_SETS.map((set) => {
    const parts: string[] = [];
    if (set.prefix.length > 0) parts.push(`(?:${set.prefix.map(termPattern).join("|")})`);
    if (set.word.length > 0) parts.push(`(?:${set.word.map(termPattern).join("|")})(?![\\p{L}\\p{N}])`);
    return [set.category, new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join("|")})`, "gu")];
  }),
);

/**
 * Every term of every category, without the boundaries around them. The patterns above open with
 * a look-behind, which makes the regex engine try each text position in turn; a bare alternation
 * of literals is searched much faster. Every hit of a category pattern starts where one of these
 * terms starts at a word start, so the first such place is where the category scans can begin,
 * and a text without one (most texts) has no hits at all.
 */
const ANY_TERM = new RegExp(
  KEYWORD_SETS.flatMap((set) => [...set.prefix, ...set.word].map(termPattern)).join("|"),
  "gu",
);
/** The patterns' own word-start test, at one position (sticky). */
const WORD_START = /(?<![\p{L}\p{N}])/uy;

/** Where the first keyword hit could start: the first term at a word start; -1 when there is none. */
function firstCandidate(folded: string): number {
  ANY_TERM.lastIndex = 0;
  for (let match = ANY_TERM.exec(folded); match !== null; match = ANY_TERM.exec(folded)) {
    WORD_START.lastIndex = match.index;
    if (WORD_START.test(folded)) return match.index;
    // Terms are ASCII: the next position never splits a surrogate pair a term could start at.
    ANY_TERM.lastIndex = match.index + 1;
  }
  return -1;
}

/** All keyword hits in folded text (lower case, no accents, offsets as in the original). */
export function findKeywords(folded: string): KeywordHit[] {
  const hits: KeywordHit[] = [];
  const first = firstCandidate(folded);
  if (first < 0) return hits;
  for (const set of KEYWORD_SETS) {
    const pattern = KEYWORD_PATTERNS.get(set.category) as RegExp;
    pattern.lastIndex = first;
    // An exec loop: matchAll would copy the pattern on every call. No term is empty, so it advances.
    for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
      hits.push({
        category: set.category,
        dataClass: set.dataClass,
        term: match[0].replace(/\s+/g, " "),
        start: match.index,
        end: match.index + match[0].length,
      });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
