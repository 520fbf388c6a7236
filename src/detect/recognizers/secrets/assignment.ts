/**
 * Secrets given a name: `wachtwoord: Zomer2024!`, `DB_PASSWORD=...`, `"api_key": "..."`,
 * `token = '...'`, `Password=...;` in ADO.NET strings, `<password>...</password>`,
 * `Authorization: Bearer ...`, and the same in prose, Dutch and English:
 * `het wachtwoord is Zomer2024!`, `inloggen met wachtwoord Welkom123`,
 * `the password for admin is ...`, `wachtwoord gewijzigd naar ...`.
 * The span is the value only, without quotes.
 *
 * How sure the name makes us decides what the value must look like:
 * - password names (`wachtwoord`, `password`, `pwd`, `DB_PASSWORD`): any concrete value after
 *   `:` or `=`, even a plain word (`wachtwoord: geheim`) or a number; in prose, only a value
 *   that looks chosen (`Welkom123`, `Kaas&Worst88`), so `het wachtwoord is verlopen` is not one;
 * - short names that mean other things too (`ww` is also the Dutch unemployment benefit, `pass`,
 *   `pw`): only credential-like values;
 * - `pin`/`pincode`: four to eight digits (a card PIN is a secret; `PIN: 1234` is reported);
 * - token, secret, API-key names: credential-like values (letters mixed with digits or symbols);
 * - other `*_key` names (`SSH_KEY`, `license_key`): only random-looking values.
 * Placeholders and references (`${OPENAI_API_KEY}`, `process.env.X`, `<your-key>`, `****`,
 * `changeme`) are never reported.
 */

import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { looksRandom } from "./entropy.js";
import { secretCandidate } from "./shared.js";
import { isConcreteValue, looksLikeCode, looksLikeCredential } from "./values.js";

export const ASSIGNMENT_RECOGNIZER = "secret-assignment";

/** Stems of secret names, found in the folded text; the whole identifier around a hit decides. */
export const NAME_STEM =
  /p(?:ass|aswoord|wd|w|in)|w(?:achtw|w)|t(?:oken|oegangscode)|s(?:ecret|leutel)|geheim|key|credential|b(?:earer|eveiligingscode)|a(?:uthorization|larmcode)|inlogcode|verificatiecode/g;

type NameClass = "password" | "weak-password" | "pin" | "code" | "token" | "key";

const PASSWORD_SEGMENTS = new Set([
  "password",
  "passwd",
  "passwort",
  "paswoord",
  "wachtwoord",
  "wachtwoordzin",
  "passphrase",
  "passcode",
  "pwd",
  "dbpass",
  "userpass",
]);
const WEAK_PASSWORD_SEGMENTS = new Set(["pass", "pw", "ww"]);
const PIN_SEGMENTS = new Set(["pin", "pincode"]);
const TOKEN_SEGMENTS = new Set([
  "token",
  "tokens",
  "secret",
  "secrets",
  "geheim",
  "apikey",
  "apisleutel",
  "credential",
  "credentials",
  "bearer",
  "authorization",
]);
/** Access codes: often only digits (`toegangscode: 482913`), sometimes letters and digits. */
const CODE_SEGMENTS = new Set(["toegangscode", "inlogcode", "verificatiecode", "beveiligingscode", "alarmcode"]);
const KEY_SEGMENTS = new Set(["key", "sleutel"]);
/** A key segment that makes the key a secret one (`api_key`, `private_key`, `secret_key`). */
const SECRET_KEY_QUALIFIERS = new Set(["api", "private", "secret", "access", "client", "auth", "signing", "master"]);
/**
 * Segments that make the name about the secret rather than the secret: `password_hint`,
 * `token_expiry`, `api_key_header`, `public_key`, `wachtwoordbeleid`.
 */
const NOT_A_VALUE_SEGMENTS = new Set([
  "hint",
  "hints",
  "policy",
  "beleid",
  "reset",
  "forgot",
  "vergeten",
  "length",
  "lengte",
  "expiry",
  "expires",
  "expiration",
  "ttl",
  "lifetime",
  "field",
  "veld",
  "label",
  "type",
  "name",
  "naam",
  "url",
  "uri",
  "endpoint",
  "file",
  "path",
  "pad",
  "id",
  "count",
  "max",
  "min",
  "required",
  "enabled",
  "strength",
  "sterkte",
  "manager",
  "public",
  "publishable",
  "header",
  "prefix",
  "vault",
  "ref",
  "env",
  "regex",
  "pattern",
  "format",
  "validation",
  "store",
  "rotation",
  "limit",
  "usage",
]);

/** Compound words that end in a password word: `beheerderswachtwoord`, `dbpassword`, `adminpasswd`. */
const PASSWORD_SUFFIX = /(?:wachtwoord|password|passwd)$/;
const TOKEN_SUFFIX = /(?:token|secret|apikey)$/;

/** Split an identifier into lower-case segments on `_ - .`, camelCase and letter/digit boundaries. */
export function nameSegments(identifier: string): string[] {
  return identifier
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .toLowerCase()
    .split(/[\s_.-]+/)
    .filter((s) => s.length > 0);
}

export function classifyName(identifier: string): NameClass | null {
  const segs = nameSegments(identifier);
  if (segs.length === 0 || segs.length > 6) return null;
  if (segs.some((s) => NOT_A_VALUE_SEGMENTS.has(s))) return null;
  if (segs.some((s) => PASSWORD_SEGMENTS.has(s) || PASSWORD_SUFFIX.test(s))) return "password";
  if (segs.some((s) => PIN_SEGMENTS.has(s))) return "pin";
  if (segs.some((s) => CODE_SEGMENTS.has(s))) return "code";
  if (segs.some((s) => TOKEN_SEGMENTS.has(s) || TOKEN_SUFFIX.test(s))) return "token";
  const keyAt = segs.findIndex((s) => KEY_SEGMENTS.has(s));
  if (keyAt >= 0) {
    const qualifier = keyAt > 0 ? (segs[keyAt - 1] as string) : "";
    return SECRET_KEY_QUALIFIERS.has(qualifier) ? "token" : "key";
  }
  if (segs.some((s) => WEAK_PASSWORD_SEGMENTS.has(s))) {
    // In a code-style name (`SMTP_PASS`, `dbPw`) the short word is surely a password; alone or in
    // a Dutch compound (`WW-uitkering`) it may mean something else.
    return segs.length > 1 && /_|[a-z][A-Z]/.test(identifier) ? "password" : "weak-password";
  }
  return null;
}

/** Names repeat (`wachtwoord`, `key`, `tokens`): remember their class, within a bounded cache. */
const nameClassCache = new Map<string, NameClass | null>();
const NAME_CACHE_LIMIT = 4096;

function classifyNameCached(identifier: string): NameClass | null {
  let cls = nameClassCache.get(identifier);
  if (cls === undefined) {
    cls = classifyName(identifier);
    if (nameClassCache.size >= NAME_CACHE_LIMIT) nameClassCache.clear();
    nameClassCache.set(identifier, cls);
  }
  return cls;
}

/** Identifier characters: a name like `DB_PASSWORD`, `smtp.pass`, `api-key`, `apiKey`. */
function isNameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45 ||
    code === 46
  );
}

/*
 * What may stand between a name and its value, read piece by piece: a closing quote or bracket,
 * a bracketed remark (`wachtwoord (tijdelijk):`), a qualifier (`voor de wifi`, `for admin`),
 * one word before a colon (`Token used:`), then the separator proper. A separator made of
 * punctuation (`:`, `=`, `=>`) is "explicit"; a verb (`is`, `luidt`, `gewijzigd naar`) is prose.
 */
export const SEPARATOR_LEAD = /["'`]?\]?[ \t]{0,3}/y;
export const SEPARATOR_REMARK = /\([^()\n]{0,30}\)[ \t]{0,3}/y;
export const SEPARATOR_QUALIFIER =
  /(?:voor|van|for|of|bij|op|from) (?:(?:de|het|the|een|a|onze|our|mijn|my|uw|your) )?[a-z0-9._@-]+[ \t]{0,3}/y;
export const SEPARATOR_LABEL_WORD = /[a-z]{2,12}[ \t]{0,2}(?=[:=])/y;
export const SEPARATOR_PROPER =
  /:=|=>|==|[:=|]|(?:is|was|luidt|wordt|blijft|are|zijn)(?: (?:nu|now|voortaan|tijdelijk|temporarily|gewijzigd|veranderd|aangepast|changed|set))?(?: (?:in|naar|to|into))?(?: ?:)?(?![a-z0-9])|(?:gewijzigd|veranderd|aangepast|gereset|changed|set|reset|updated) (?:in|naar|to|into)(?![a-z0-9])/y;

/** Length of the match of sticky `re` at `at` in `folded`, or 0. */
function stickyLength(re: RegExp, folded: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(folded);
  return m ? m[0].length : 0;
}

interface Separator {
  /** Where the separator ends. */
  end: number;
  explicit: boolean;
  /** A colon may put the value on the next line. */
  colon: boolean;
}

/** The separator after a name ending at `at`, trying the optional pieces before it. */
export function readSeparator(folded: string, at: number): Separator | null {
  let i = at + stickyLength(SEPARATOR_LEAD, folded, at);
  i += stickyLength(SEPARATOR_REMARK, folded, i);
  for (const skip of [SEPARATOR_QUALIFIER, SEPARATOR_LABEL_WORD]) {
    const n = stickyLength(skip, folded, i);
    if (n > 0 && stickyLength(SEPARATOR_PROPER, folded, i + n) > 0) {
      i += n;
      break;
    }
  }
  SEPARATOR_PROPER.lastIndex = i;
  const sep = SEPARATOR_PROPER.exec(folded);
  if (!sep) return null;
  const token = sep[0];
  const explicit = token[0] === ":" || token[0] === "=" || token[0] === "|";
  return { end: i + token.length, explicit, colon: token === ":" };
}

/** Words after a separator that say something about the secret instead of giving it. */
const NOT_VALUES = new Set(
  (
    "verlopen gewijzigd gereset onbekend vergeten kwijt ingesteld aangepast veranderd correct incorrect fout " +
    "onjuist juist geldig ongeldig nodig vereist verplicht verstuurd gestuurd opgestuurd gemaild ontvangen " +
    "required optional invalid valid expired wrong changed reset set sent missing unknown revoked ingetrokken " +
    "true false yes no ja nee aan uit on off de het een the a an niet not nog al wel ook in op via zie see " +
    "bij per met van voor naar te to is was en and of or mijn jouw uw your my our onze hetzelfde same dezelfde " +
    "verkeerd kapot geblokkeerd blocked locked vergrendeld hieronder below bijgevoegd attached apart separately"
  ).split(" "),
);

const OPEN_QUOTES = "\"'`“‘";
const CLOSING_QUOTE: Record<string, string> = { '"': '"', "'": "'", "`": "`", "“": "”", "‘": "’" };
const MAX_VALUE = 200;
/** Trailing characters that end a sentence or a structure rather than the value. */
const TRAILING = new Set([...".,;:?)]}>\"'`”’"]);

function trimTrailing(value: string): string {
  let end = value.length;
  while (end > 0 && TRAILING.has(value[end - 1] as string)) end--;
  return value.slice(0, end);
}
const BRACKET_PAIRS: Record<string, string> = { "[": "]", "<": ">", "{": "}", "(": ")" };
const SCHEME_WORDS = new Set(["bearer", "basic", "token", "bot", "digest"]);

interface Value {
  start: number;
  end: number;
  quoted: boolean;
  /** Where the unquoted field ends before trailing punctuation was trimmed. */
  fieldEnd: number;
}

/** Read the value at `from`: quoted to its closing quote on the line, or up to whitespace. */
function readValue(text: string, from: number, queryString: boolean): Value | null {
  const open = text[from];
  if (open !== undefined && OPEN_QUOTES.includes(open)) {
    const close = CLOSING_QUOTE[open] as string;
    const end = text.indexOf(close, from + 1);
    const newline = text.indexOf("\n", from + 1);
    if (end > from + 1 && end - from <= MAX_VALUE && (newline < 0 || end < newline)) {
      return { start: from + 1, end, quoted: true, fieldEnd: end };
    }
    return null;
  }
  let end = from;
  while (end < text.length && end - from < MAX_VALUE) {
    const c = text.charCodeAt(end);
    // whitespace, `;` (ADO.NET and ODBC strings), `<` (XML), and `&` in a query string
    if (c <= 32 || c === 59 || c === 60 || (queryString && c === 38)) break;
    end++;
  }
  const raw = text.slice(from, end);
  // A bracketed value (`[WACHTWOORD_1]`, `<your-key>`) keeps its closing bracket, so the
  // placeholder test sees it whole.
  const closer = BRACKET_PAIRS[raw[0] as string];
  const closeAt = closer ? raw.indexOf(closer) : -1;
  if (closeAt > 0) return { start: from, end: from + closeAt + 1, quoted: false, fieldEnd: end };
  const trimmed = trimTrailing(raw);
  if (trimmed.length === 0) return null;
  return { start: from, end: from + trimmed.length, quoted: false, fieldEnd: end };
}

const SCORES: Record<NameClass, { explicit: number; prose: number }> = {
  password: { explicit: 0.92, prose: 0.85 },
  "weak-password": { explicit: 0.8, prose: 0.75 },
  pin: { explicit: 0.85, prose: 0.8 },
  code: { explicit: 0.85, prose: 0.8 },
  token: { explicit: 0.9, prose: 0.82 },
  key: { explicit: 0.8, prose: 0.75 },
};

const DIGITS = /^\d+$/;
const LETTERS = /^[\p{L}]+$/u;

/** Is `value` a secret for a name of this class, given how it was introduced? */
export function acceptsValue(
  cls: NameClass,
  value: string,
  explicit: boolean,
  quoted: boolean,
  followedByWords: boolean,
): boolean {
  if (!isConcreteValue(value) || NOT_VALUES.has(value.toLowerCase())) return false;
  if (cls === "pin") return /^\d{4,8}$/.test(value);
  if (cls === "code") return /^\d{4,8}$/.test(value) || looksLikeCredential(value, 6);
  if (cls === "key") return explicit && looksRandom(value, 16);
  if (cls === "token") return looksLikeCredential(value, 8, quoted) || (quoted && looksLikeCredential(value, 6));
  // `ww Welkom01` in a chat is a password; `WW aangevraagd` is the benefit.
  if (cls === "weak-password") return looksLikeCredential(value, 6) && (explicit || /\d/.test(value));
  // password names
  if (looksLikeCredential(value, 6)) return true;
  if (DIGITS.test(value)) return value.length >= (explicit || quoted ? 4 : 6);
  if (!explicit && !quoted) return false;
  if (quoted) return value.length >= 3;
  // `wachtwoord: geheim` is a password; `wachtwoord: staat in de kluis` is a sentence.
  return value.length >= 4 && !/\s/.test(value) && !(LETTERS.test(value) && followedByWords);
}

export function findAssignedSecrets(input: ScanInput): Candidate[] {
  const { text, folded } = input;
  const out: Candidate[] = [];
  // A literal alternation, factored by first letter: V8 scans for it faster than a loop in
  // JavaScript could.
  NAME_STEM.lastIndex = 0;
  let m = NAME_STEM.exec(folded);
  while (m !== null) {
    const found = assignmentAt(text, folded, m.index);
    let next = Math.max(m.index + 1, identifierEnd(text, m.index));
    if (found) {
      out.push(found);
      next = Math.max(next, found.end);
    }
    NAME_STEM.lastIndex = next;
    m = NAME_STEM.exec(folded);
  }
  return out;
}

function identifierEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  // A trailing dot or dash ends the sentence (`...het wachtwoord.`), not the name.
  while (end > from && (text[end - 1] === "." || text[end - 1] === "-")) end--;
  return end;
}

function assignmentAt(text: string, folded: string, hit: number): Candidate | null {
  let start = hit;
  while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
  while (start < hit && (text[start] === "-" || text[start] === ".")) start++;
  const end = identifierEnd(text, hit);
  if (end <= hit) return null;
  const cls = classifyNameCached(text.slice(start, end));
  if (cls === null) return null;

  const sep = readSeparator(folded, end);
  let valueFrom: number;
  let explicit: boolean;
  if (sep) {
    explicit = sep.explicit;
    valueFrom = skipSpace(text, sep.end, sep.colon);
  } else if (text[start - 1] === "<" && text[end] === ">") {
    // <password>value</password>
    explicit = true;
    valueFrom = end + 1;
  } else if (
    (cls === "password" || cls === "weak-password" || cls === "pin" || cls === "code" || isBearer(text, start, end)) &&
    /^[ \t]{1,2}\S/.test(text.slice(end, end + 3))
  ) {
    // `inloggen met wachtwoord Welkom123`, `pincode 4821`, `Bearer eyJ...`
    explicit = false;
    valueFrom = skipSpace(text, end, false);
  } else {
    return null;
  }

  const queryString = text[start - 1] === "?" || text[start - 1] === "&";
  let value = readValue(text, valueFrom, queryString);
  if (!value) return null;
  let raw = text.slice(value.start, value.end);
  // `Authorization: Bearer <token>`: the scheme word is not the secret, the token after it is.
  if (!value.quoted && SCHEME_WORDS.has(raw.toLowerCase()) && text[value.end] === " ") {
    value = readValue(text, value.end + 1, queryString);
    if (!value) return null;
    raw = text.slice(value.start, value.end);
  }
  if (!value.quoted && (declaresVariable(text, start) || looksLikeCode(raw, text.slice(value.start, value.fieldEnd)))) {
    return null;
  }
  const followedByWords = /^[ \t]+\p{L}/u.test(text.slice(value.end, value.end + 3));
  if (!acceptsValue(cls, raw, explicit || isBearer(text, start, end), value.quoted, followedByWords)) return null;
  const score = explicit ? SCORES[cls].explicit : SCORES[cls].prose;
  return secretCandidate(value.start, value.end, score, ASSIGNMENT_RECOGNIZER);
}

/** Code declaring a variable (`const token = ...`): its unquoted value is an expression, not a literal. */
const DECLARATION_BEFORE = /(?:^|[^\w$])(?:const|let|var|val|final|readonly|private|public|protected|static)[ \t]+\$?$/;

function declaresVariable(text: string, nameStart: number): boolean {
  return DECLARATION_BEFORE.test(text.slice(Math.max(0, nameStart - 12), nameStart));
}

function isBearer(text: string, start: number, end: number): boolean {
  return text.slice(start, end).toLowerCase() === "bearer";
}

/** Skip blanks after a separator; after a colon the value may also stand on the next line. */
function skipSpace(text: string, from: number, allowNewline: boolean): number {
  let i = from;
  // The closing `**` or `__` of a Markdown label: `**Wachtwoord:** Zomer2024`.
  if ((text[i] === "*" || text[i] === "_") && text[i + 1] === text[i] && /[ \t]/.test(text[i + 2] ?? "")) i += 2;
  while (text[i] === " " || text[i] === "\t") i++;
  if (allowNewline && (text[i] === "\n" || (text[i] === "\r" && text[i + 1] === "\n"))) {
    const next = i + (text[i] === "\r" ? 2 : 1);
    let j = next;
    while (text[j] === " " || text[j] === "\t") j++;
    const line = text.slice(j, text.indexOf("\n", j) < 0 ? text.length : text.indexOf("\n", j));
    // The next line must be a bare value, not another `key: value` or a list item.
    if (line.length > 0 && !/[:=]/.test(line) && !line.startsWith("-") && !/\s/.test(line.trim())) return j;
    return i;
  }
  return i;
}

export const assignmentRecognizer: Recognizer = {
  name: ASSIGNMENT_RECOGNIZER,
  types: ["SECRET"],
  scan: findAssignedSecrets,
};
