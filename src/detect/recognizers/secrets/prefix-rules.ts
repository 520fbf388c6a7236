/**
 * The machinery behind prefixed tokens (provider keys, JWTs): a table of rules, each with the
 * literal prefixes it starts with and a sticky pattern for the whole token. Keys only occur in
 * long runs of key characters (`tokenRuns`); inside those, every token start is checked for a
 * prefix (`LiteralScanner`), and only there are the rules' full patterns tried.
 */

import { hasContext } from "../../context.js";
import type { Candidate, ScanInput } from "../../types.js";
import { LiteralScanner } from "./literal-scan.js";
import { secretCandidate } from "./shared.js";
import { tokenRuns } from "./token-runs.js";
import { isPlaceholderKey } from "./values.js";

export interface PrefixRule {
  /** Short id, reported as `secret-<id>`. */
  readonly id: string;
  /** Literal prefixes the token starts with (two characters or more). */
  readonly prefixes: readonly string[];
  /** The whole token, sticky (`y`), tried where a prefix starts a token. */
  readonly pattern: RegExp;
  /**
   * For tokens without a literal prefix (Telegram's `123456789:AA...`): a global search pattern,
   * run inside the token runs that contain the `needs` literal.
   */
  readonly search?: RegExp;
  readonly needs?: string;
  /** The shortest token `search` can match: shorter runs are not searched. */
  readonly minLength?: number;
  /** Words (folded) that must stand shortly before a searched token: a shape alone is too weak. */
  readonly context?: RegExp;
  readonly score: number;
  /** Extra check on the matched token (checksum, decoded header, character mix). */
  readonly validate?: (token: string) => boolean;
  /** Score to use instead when `validate` fails; dropped when absent. */
  readonly scoreIfInvalid?: number;
}

/** A compiled rule table: the prefix scanner and the rules without a prefix. */
export interface RuleSet {
  readonly scanner: LiteralScanner;
  /** For each literal the scanner can report: the rules that may start there, in table order. */
  readonly byLiteral: ReadonlyMap<string, readonly PrefixRule[]>;
  readonly searched: readonly PrefixRule[];
  /** The least `minLength` of the searched rules: no search needs a shorter run. */
  readonly shortestSearched: number;
}

export function compileRules(rules: readonly PrefixRule[]): RuleSet {
  const literals = [...new Set(rules.flatMap((r) => r.prefixes))];
  const byLiteral = new Map<string, PrefixRule[]>();
  // A rule applies where the longest literal found starts with one of its prefixes
  // (`sk-proj-...` is also tried as a plain `sk-` key if the project-key rule fails).
  for (const literal of literals) {
    byLiteral.set(
      literal,
      rules.filter((r) => r.prefixes.some((p) => literal.startsWith(p))),
    );
  }
  const searched = rules.filter((r) => r.search !== undefined);
  return {
    scanner: new LiteralScanner(literals),
    byLiteral,
    searched,
    shortestSearched: Math.min(...searched.map((r) => r.minLength ?? 0)),
  };
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
 * Find every prefix at a token start and try the rules with that prefix, in table order; the
 * first rule that matches wins. Then run the searched rules inside the runs.
 */
export function scanPrefixRules(input: ScanInput, set: RuleSet, recognizerPrefix: string): Candidate[] {
  const { text } = input;
  const out: Candidate[] = [];
  const runs = tokenRuns(text);
  for (let r = 0; r < runs.length; r += 2) {
    scanRun(text, runs[r] as number, runs[r + 1] as number, set, recognizerPrefix, out);
  }
  for (let r = 0; r < runs.length; r += 2) {
    const runStart = runs[r] as number;
    const runEnd = runs[r + 1] as number;
    // Most runs are long words, shorter than any searched token.
    if (runEnd - runStart < set.shortestSearched) continue;
    const run = text.slice(runStart, runEnd);
    for (const rule of set.searched) {
      if (run.length < (rule.minLength ?? 0)) continue;
      if (rule.needs !== undefined && !run.includes(rule.needs)) continue;
      // An exec loop rather than matchAll, which copies the pattern for every run.
      const search = rule.search as RegExp;
      search.lastIndex = 0;
      for (let m = search.exec(run); m !== null; m = search.exec(run)) {
        const at = runStart + m.index;
        if (rule.context && !hasContext(input.folded, at, at + m[0].length, rule.context, 64, 0)) continue;
        const candidate = accept(rule, m[0], at, recognizerPrefix);
        if (candidate !== null && candidate !== "placeholder") out.push(candidate);
      }
    }
  }
  return out;
}

function scanRun(
  text: string,
  runStart: number,
  runEnd: number,
  set: RuleSet,
  recognizerPrefix: string,
  out: Candidate[],
): void {
  let at = set.scanner.next(text, runStart, true, runEnd);
  while (at >= 0) {
    let next = at + 1;
    const literal = set.scanner.literalAt(text, at) as string;
    for (const rule of set.byLiteral.get(literal) ?? []) {
      rule.pattern.lastIndex = at;
      const found = rule.pattern.exec(text);
      if (!found) continue;
      const candidate = accept(rule, found[0], at, recognizerPrefix);
      if (candidate === "placeholder") break;
      if (candidate === null) continue;
      out.push(candidate);
      next = candidate.end;
      break;
    }
    at = set.scanner.next(text, next, true, runEnd);
  }
}

function accept(
  rule: PrefixRule,
  match: string,
  at: number,
  recognizerPrefix: string,
): Candidate | "placeholder" | null {
  const token = trimTrailingDots(match);
  if (isPlaceholderKey(bodyAfterPrefix(rule, token))) return "placeholder";
  let score = rule.score;
  if (rule.validate && !rule.validate(token)) {
    if (rule.scoreIfInvalid === undefined) return null;
    score = rule.scoreIfInvalid;
  }
  return secretCandidate(at, at + token.length, score, `${recognizerPrefix}${rule.id}`);
}

/** At least one digit and one letter: random keys have both, identifiers and words rarely. */
export function hasDigitAndLetter(token: string): boolean {
  return /\d/.test(token) && /[A-Za-z]/.test(token);
}
