/**
 * Put the values back into a model's answer, whole or while it streams. Only placeholders the
 * session issued are restored; anything else that looks like one stays exactly as written.
 * Isomorphic: Web Streams and TextDecoder only, so it runs in Node and in the browser.
 */
import { MAX_PLACEHOLDER_FORM, matchPlaceholderAt, mayStartPlaceholder, NEED_MORE } from "./placeholder-matcher.js";

/** Where restore looks values up; a Session is one. */
export interface PlaceholderResolver {
  resolve(label: string, digits: string): string | undefined;
}

/**
 * Restore `text[from..]`, stopping early when `final` is false and a placeholder might continue
 * past the end. `text[from - 1]`, when present, is the character before (needed to tell
 * `PERSOON_1` from `XPERSOON_1`). Returns the restored text and where it stopped.
 */
function restoreFrom(
  text: string,
  from: number,
  resolver: PlaceholderResolver,
  final: boolean,
): { output: string; stop: number } {
  let output = "";
  let copied = from;
  for (let i = from; i < text.length; i++) {
    if (!mayStartPlaceholder(text, i)) continue;
    const m = matchPlaceholderAt(text, i, final);
    if (m === NEED_MORE) {
      return { output: output + text.slice(copied, i), stop: i };
    }
    if (m === null) continue;
    const value = resolver.resolve(m.label, m.digits);
    if (value !== undefined) {
      output += text.slice(copied, i) + value;
      copied = m.end;
    }
    i = m.end - 1;
  }
  return { output: output + text.slice(copied), stop: text.length };
}

/** Restore every placeholder the session issued in `text`. */
export function restore(text: string, resolver: PlaceholderResolver): string {
  return restoreFrom(text, 0, resolver, true).output;
}

/**
 * Incremental restore for text that arrives in pieces. Each push returns at once everything
 * that can no longer be part of a placeholder; only a possible placeholder prefix at the end is
 * held back (fewer than MAX_PLACEHOLDER_FORM characters).
 */
export class StreamingRestorer {
  private held = "";
  /** The last character already passed on, as context for the next match. */
  private before = "";

  constructor(private readonly resolver: PlaceholderResolver) {}

  /** Characters currently held back. */
  get heldLength(): number {
    return this.held.length;
  }

  push(chunk: string): string {
    if (chunk.length === 0) return "";
    const text = this.before + this.held + chunk;
    const from = this.before.length;
    const { output, stop } = restoreFrom(text, from, this.resolver, false);
    this.held = text.slice(stop);
    if (stop > from) this.before = text[stop - 1] as string;
    return output;
  }

  flush(): string {
    if (this.held.length === 0) return "";
    const text = this.before + this.held;
    const { output } = restoreFrom(text, this.before.length, this.resolver, true);
    this.held = "";
    this.before = text[text.length - 1] as string;
    return output;
  }
}

/** Upper bound on what a streaming restorer holds back. */
export const MAX_HELD_BACK = MAX_PLACEHOLDER_FORM;

/** A TransformStream that restores placeholders in streamed text. */
export function restoreStream(resolver: PlaceholderResolver): TransformStream<string, string> {
  const restorer = new StreamingRestorer(resolver);
  return new TransformStream<string, string>({
    transform(chunk, controller) {
      const out = restorer.push(chunk);
      if (out.length > 0) controller.enqueue(out);
    },
    flush(controller) {
      const out = restorer.flush();
      if (out.length > 0) controller.enqueue(out);
    },
  });
}

/**
 * The same for UTF-8 bytes (an HTTP body): multi-byte characters split across chunks are
 * decoded correctly; the output is UTF-8 again.
 */
export function restoreByteStream(resolver: PlaceholderResolver): TransformStream<Uint8Array, Uint8Array> {
  const restorer = new StreamingRestorer(resolver);
  const decoder = new TextDecoder("utf-8");
  const encoder = new TextEncoder();
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      const out = restorer.push(decoder.decode(chunk, { stream: true }));
      if (out.length > 0) controller.enqueue(encoder.encode(out));
    },
    flush(controller) {
      const out = restorer.push(decoder.decode()) + restorer.flush();
      if (out.length > 0) controller.enqueue(encoder.encode(out));
    },
  });
}
