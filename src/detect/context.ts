/** Helpers for context words: the words around a candidate that make it more or less likely. */

/** The folded text in a window before `start`. */
export function before(folded: string, start: number, window = 48): string {
  return folded.slice(Math.max(0, start - window), start);
}

/** The folded text in a window after `end`. */
export function after(folded: string, end: number, window = 32): string {
  return folded.slice(end, end + window);
}

/**
 * Build a matcher for context words (folded, lower case). Words match on word boundaries;
 * a word ending in `*` matches as a prefix.
 */
export function contextMatcher(words: readonly string[]): RegExp {
  const parts = words.map((w) => {
    const prefix = w.endsWith("*");
    const body = (prefix ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return prefix ? `${body}` : `${body}(?![a-z0-9])`;
  });
  return new RegExp(`(?<![a-z0-9])(?:${parts.join("|")})`);
}

/** True when one of the context words appears within the window around [start, end). */
export function hasContext(
  folded: string,
  start: number,
  end: number,
  matcher: RegExp,
  windowBefore = 48,
  windowAfter = 24,
): boolean {
  if (matcher.test(before(folded, start, windowBefore))) return true;
  return windowAfter > 0 && matcher.test(after(folded, end, windowAfter));
}
