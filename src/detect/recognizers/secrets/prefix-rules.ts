/**
 * The machinery behind prefixed tokens (provider keys, JWTs): a table of rules, each with the
 * literal prefixes it starts with and a sticky pattern for the whole token, scanned with one
 * combined anchor regex. Keys are rare in ordinary text, so the text is walked once looking for
 * any prefix at the start of a token, and only there are the rules' full patterns tried.
 */

import type { Candidate, ScanInput } from "../../types.js";
import { secretCandidate } from "./shared.js";
import { isPlaceholder } from "./values.js";

export interface PrefixRule {
  /** Short id, reported as `secret-<id>`. */
  readonly id: string;
  /** Literal prefixes the token starts with; used to build the anchor regex. */
  readonly prefixes: readonly string[];
  /** Extra anchor (regex source) for tokens without a literal prefix, e.g. Telegram's `123456789:AA`. */
  readonly anchor?: string;
  /** The whole token, sticky (`y`), tried at the anchor position. */
  readonly pattern: RegExp;
  readonly score: number;
  /** Extra check on the matched token (checksum, decoded header, character mix). */
  readonly validate?: (token: string) => boolean;
  /** Score to use instead when `validate` fails; dropped when absent. */
  readonly scoreIfInvalid?: number;
}

/** Where a token may not start: right after another token character. */
const TOKEN_START = "(?<![A-Za-z0-9_-])";

function escapeLiteral(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * One regex matching any rule's prefix at a token start. Longer prefixes come first so that the
 * alternation does not stop at a shorter one; the match is only an anchor, the rules decide.
 */
export function buildAnchor(rules: readonly PrefixRule[]): RegExp {
  const literals = [...new Set(rules.flatMap((r) => r.prefixes))].sort((a, b) => b.length - a.length);
  const parts = [...literals.map(escapeLiteral), ...rules.flatMap((r) => (r.anchor ? [r.anchor] : []))];
  return new RegExp(`${TOKEN_START}(?:${parts.join("|")})`, "g");
}

/** A trailing dot ends the sentence, not the token. */
function trimTrailingDots(token: string): string {
  let end = token.length;
  while (end > 0 && token[end - 1] === ".") end--;
  return token.slice(0, end);
}

function bodyAfterPrefix(rule: PrefixRule, token: string): string {
  const prefix = rule.prefixes.find((p) => token.startsWith(p));
  return prefix ? token.slice(prefix.length) : token;
}

/**
 * Scan `input.text` with the anchor and try the rules whose prefix (or own anchor) fits there,
 * in table order; the first rule that matches wins.
 */
export function scanPrefixRules(
  input: ScanInput,
  rules: readonly PrefixRule[],
  anchor: RegExp,
  recognizerPrefix: string,
): Candidate[] {
  const { text } = input;
  const out: Candidate[] = [];
  anchor.lastIndex = 0;
  let m: RegExpExecArray | null = anchor.exec(text);
  while (m !== null) {
    const at = m.index;
    let next = at + 1;
    for (const rule of rules) {
      if (!rule.anchor && !rule.prefixes.some((p) => text.startsWith(p, at))) continue;
      rule.pattern.lastIndex = at;
      const found = rule.pattern.exec(text);
      if (!found) continue;
      const token = trimTrailingDots(found[0]);
      if (isPlaceholder(bodyAfterPrefix(rule, token))) break;
      let score = rule.score;
      if (rule.validate && !rule.validate(token)) {
        if (rule.scoreIfInvalid === undefined) continue;
        score = rule.scoreIfInvalid;
      }
      out.push(secretCandidate(at, at + token.length, score, `${recognizerPrefix}${rule.id}`));
      next = at + token.length;
      break;
    }
    anchor.lastIndex = next;
    m = anchor.exec(text);
  }
  return out;
}

/** At least one digit and one letter: random keys have both, identifiers and words rarely. */
export function hasDigitAndLetter(token: string): boolean {
  return /\d/.test(token) && /[A-Za-z]/.test(token);
}
