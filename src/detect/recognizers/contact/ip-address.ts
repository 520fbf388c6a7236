import { contextMatcher, hasContext } from "../../context.js";
import { digitRuns, StickyScan, shareDigitRuns, stickyOf } from "../../digit-runs.js";
import type { Candidate, Recognizer, ScanInput } from "../../types.js";

/**
 * IPv4 and IPv6 addresses. A port (`:8080`) or prefix length (`/24`) stays outside the span.
 * Dotted numbers that are part of something longer (versions `1.2.3.4.5`, `v1.2.3.4`) are not IPs.
 */

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
export const IPV4 = new RegExp(`(?<![\\w.-])(?:${OCTET}\\.){3}${OCTET}(?![\\w-]|\\.\\d)`, "g");
/** A run of hex digits and colons (with an optional dotted IPv4 tail), validated in code. */
export const IPV6_CANDIDATE =
  /(?<![\w:.-])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?:\d\.\d{1,3}\.\d{1,3}\.\d{1,3})?(?![\w-]|\.\w)/g;
const IPV4_AT = stickyOf(IPV4);

/**
 * The matches of IPV4 in `text`: those of a global scan, found by trying the pattern only at runs
 * of one to three digits followed by a dot (no digit may precede the first octet).
 */
export function ipv4Matches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const runs = digitRuns(text);
  const scan = new StickyScan(IPV4_AT, text);
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1] as number;
    if (end - (runs[r] as number) > 3 || text.charCodeAt(end) !== 46) continue;
    const m = scan.at(runs[r] as number);
    if (m !== null) found.push(m);
  }
  return found;
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const DOTTED_QUAD = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);

const IP_WORDS = contextMatcher([
  "ip",
  "ip-adres*",
  "ipv4",
  "ipv6",
  "server",
  "host*",
  "adres",
  "address",
  "from",
  "vanaf",
  "via",
  "client",
  "gateway",
  "dns",
  "proxy",
  "login*",
  "ingelogd",
]);
const VERSION_WORDS = contextMatcher([
  "versie",
  "version",
  "v",
  "release",
  "build",
  "artikel",
  "art",
  "hoofdstuk",
  "paragraaf",
  "sectie",
  "section",
  "stap",
]);

/** True when `value` is a complete IPv6 address (full, `::`-compressed, or with an IPv4 tail). */
export function isIPv6(value: string): boolean {
  const halves = value.split("::");
  if (halves.length > 2) return false;
  const parse = (part: string): string[] | null => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0] as string);
  const tail = halves.length === 2 ? parse(halves[1] as string) : [];
  if (head === null || tail === null) return false;
  const groups = [...head, ...tail];
  let width = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as string;
    if (i === groups.length - 1 && g.includes(".")) {
      if (!DOTTED_QUAD.test(g)) return false;
      width += 2;
    } else if (HEX_GROUP.test(g)) width += 1;
    else return false;
  }
  return halves.length === 2 ? width <= 7 : width === 8;
}

function ipv6Candidates(text: string, folded: string): Candidate[] {
  const out: Candidate[] = [];
  IPV6_CANDIDATE.lastIndex = 0;
  for (let m = IPV6_CANDIDATE.exec(text); m !== null; m = IPV6_CANDIDATE.exec(text)) {
    let value = m[0];
    // A colon may end the sentence ("adres fe80::1:"); a single trailing one is not part of it.
    if (value.endsWith(":") && !value.endsWith("::")) value = value.slice(0, -1);
    if (!isIPv6(value)) continue;
    const start = m.index;
    const end = start + value.length;
    const groups = value.split(":").filter((g) => g !== "").length;
    let score = groups >= 3 || value.includes(".") ? 0.85 : 0.45;
    if (hasContext(folded, start, end, IP_WORDS, 32, 0)) score += 0.1;
    out.push({ type: "IP_ADDRESS", start, end, score, recognizer: "ip-address" });
  }
  return out;
}

function ipv4Candidates(text: string, folded: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of ipv4Matches(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Inside an IPv6 address with an IPv4 tail: the IPv6 candidate covers it.
    if (start > 0 && text[start - 1] === ":") continue;
    let score = 0.85;
    if (hasContext(folded, start, end, VERSION_WORDS, 12, 0)) score = 0.3;
    else if (hasContext(folded, start, end, IP_WORDS, 32, 0)) score = 0.95;
    out.push({ type: "IP_ADDRESS", start, end, score, recognizer: "ip-address" });
  }
  return out;
}

/** What every IPv6 candidate contains (its leading lookahead): a cheap test before the full scan. */
export const IPV6_HINT = /:[0-9A-Fa-f]{0,4}:/;

const HEX_DIGIT = new Uint8Array(128);
for (const ch of "0123456789ABCDEFabcdef") HEX_DIGIT[ch.charCodeAt(0)] = 1;

/**
 * `IPV6_HINT.test(text)`, jumping from colon to colon with indexOf: a text has a few colons per
 * line (times, labels), and the regex tries every position of the text.
 */
export function hasIpv6Hint(text: string): boolean {
  for (let colon = text.indexOf(":"); colon >= 0; colon = text.indexOf(":", colon + 1)) {
    // Up to four hex digits, then a second colon.
    const last = Math.min(text.length - 1, colon + 5);
    for (let i = colon + 1; i <= last; i++) {
      const c = text.charCodeAt(i);
      if (c === 58) return true;
      if (c >= 128 || HEX_DIGIT[c] === 0) break;
    }
  }
  return false;
}

export function findIpAddresses(text: string, folded: string): Candidate[] {
  const v4 = ipv4Candidates(text, folded);
  return hasIpv6Hint(text) ? v4.concat(ipv6Candidates(text, folded)) : v4;
}

export const ipAddressRecognizer: Recognizer = {
  name: "ip-address",
  types: ["IP_ADDRESS"],
  scan: (input: ScanInput) => {
    shareDigitRuns(input);
    return findIpAddresses(input.text, input.folded);
  },
};
