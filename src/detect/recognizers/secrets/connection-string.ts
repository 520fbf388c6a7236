/**
 * Passwords inside connection strings and URLs: `postgres://app:PASSWORD@db:5432/shop`,
 * `mongodb+srv://u:PASSWORD@cluster/`, `redis://:PASSWORD@cache`, `amqp://u:PASSWORD@mq`,
 * `https://u:PASSWORD@host`; Azure storage and Service Bus keys (`AccountKey=...;`,
 * `SharedAccessKey=...`) and signed-URL signatures (`&sig=...`, `X-Amz-Signature=...`).
 *
 * Following the labelling convention, the secret is the password or key itself, not the whole
 * URL: the user name and host are not secret. `Password=...;` in ADO.NET and ODBC strings is an
 * assignment and is handled by the assignment recognizer.
 */

import type { Candidate, Recognizer, ScanInput } from "../../types.js";
import { secretCandidate } from "./shared.js";
import { isConcreteValue } from "./values.js";

export const CONNECTION_STRING_RECOGNIZER = "secret-connection-string";

/** The scheme right before `://`, read backwards from it. */
const SCHEME_BEFORE = /(?:^|[^A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30})$/;
const DATABASE_SCHEMES =
  /^(?:postgres(?:ql)?|postgis|psql|mysql|mysqlx|mariadb|mongodb(?:\+srv)?|rediss?|redis\+sentinel|valkey|amqps?|mqtts?|mssql|sqlserver|oracle|cockroachdb|clickhouse|cassandra|couchdb|neo4j(?:\+s)?|bolt|nats|kafka|ldaps?|smtps?|imaps?|pop3s?|ftps?|sftp|ssh|snowflake|db2|odbc)$/i;

/** Characters that end the authority part of a URL. */
function endsAuthority(code: number): boolean {
  // whitespace, / ? " ' ` < > ( ) and the backslash; not `#`, which people leave unencoded in passwords
  return (
    code <= 32 ||
    code === 47 ||
    code === 63 ||
    code === 34 ||
    code === 39 ||
    code === 96 ||
    code === 60 ||
    code === 62 ||
    code === 40 ||
    code === 41 ||
    code === 92
  );
}

const SCORE_DATABASE = 0.95;
const SCORE_OTHER_URL = 0.9;
const SCORE_KEY_PARAMETER = 0.95;
const SCORE_SIGNATURE = 0.9;

export function findUrlPasswords(text: string): Candidate[] {
  const out: Candidate[] = [];
  let sep = text.indexOf("://");
  while (sep >= 0) {
    const authorityStart = sep + 3;
    let authorityEnd = authorityStart;
    while (authorityEnd < text.length && !endsAuthority(text.charCodeAt(authorityEnd))) authorityEnd++;
    const authority = text.slice(authorityStart, authorityEnd);
    const at = authority.lastIndexOf("@");
    const colon = at > 0 ? authority.indexOf(":") : -1;
    if (colon >= 0 && colon < at - 1) {
      const password = authority.slice(colon + 1, at);
      const scheme = SCHEME_BEFORE.exec(text.slice(Math.max(0, sep - 32), sep))?.[1] ?? "";
      if (scheme && isConcreteValue(password)) {
        const start = authorityStart + colon + 1;
        const score = DATABASE_SCHEMES.test(scheme) ? SCORE_DATABASE : SCORE_OTHER_URL;
        out.push(secretCandidate(start, start + password.length, score, CONNECTION_STRING_RECOGNIZER));
      }
    }
    sep = text.indexOf("://", Math.max(authorityEnd, authorityStart));
  }
  return out;
}

/** Keys in Azure connection strings and signed URLs; the value runs to `;`, `&`, a quote or a space. */
export const KEY_PARAMETER =
  /(?<![A-Za-z0-9_-])(AccountKey|SharedAccessKey|SharedAccessSignature|sig|X-Amz-Signature|X-Amz-Security-Token|X-Goog-Signature)=/gi;

function endsParameter(code: number): boolean {
  // whitespace ; & " ' ` < > ) ]
  return (
    code <= 32 ||
    code === 59 ||
    code === 38 ||
    code === 34 ||
    code === 39 ||
    code === 96 ||
    code === 60 ||
    code === 62 ||
    code === 41 ||
    code === 93
  );
}

/** KEY_PARAMETER without its `=`, at the end of the text before an `=`. */
const KEY_NAME_BEFORE =
  /(?<![A-Za-z0-9_-])(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig|X-Amz-Signature|X-Amz-Security-Token|X-Goog-Signature)$/i;
/** The longest name (`SharedAccessSignature`) plus the character its lookbehind reads. */
const KEY_NAME_REACH = 22;

/**
 * The matches of KEY_PARAMETER in `text` as [name start, lower-case name] pairs: those of a global
 * scan (`matchAll`), found by reading back from each `=` instead of trying the case-insensitive
 * names at every position. Every match ends in an `=`, and no name contains one, so no two
 * matches overlap and each `=` ends at most one.
 */
export function keyParameterNames(text: string): [number, string][] {
  const found: [number, string][] = [];
  for (let eq = text.indexOf("="); eq >= 0; eq = text.indexOf("=", eq + 1)) {
    const from = Math.max(0, eq - KEY_NAME_REACH);
    const m = KEY_NAME_BEFORE.exec(text.slice(from, eq));
    if (m !== null) found.push([from + m.index, m[0].toLowerCase()]);
  }
  return found;
}

export function findKeyParameters(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const [at, name] of keyParameterNames(text)) {
    const start = at + name.length + 1;
    let end = start;
    while (end < text.length && !endsParameter(text.charCodeAt(end))) end++;
    const value = text.slice(start, end);
    if (value.length < 16 || !isConcreteValue(value)) continue;
    const isKey = name === "accountkey" || name === "sharedaccesskey";
    out.push(secretCandidate(start, end, isKey ? SCORE_KEY_PARAMETER : SCORE_SIGNATURE, CONNECTION_STRING_RECOGNIZER));
  }
  return out;
}

export const connectionStringRecognizer: Recognizer = {
  name: CONNECTION_STRING_RECOGNIZER,
  types: ["SECRET"],
  scan(input: ScanInput): Candidate[] {
    const out = input.text.includes("://") ? findUrlPasswords(input.text) : [];
    if (input.text.includes("=")) out.push(...findKeyParameters(input.text));
    return out;
  },
};
