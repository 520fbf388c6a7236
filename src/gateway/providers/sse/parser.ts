/** One dispatched server-sent event. */
export interface SseMessage {
  /** The `event:` field; absent means the default event type ("message"). */
  event?: string;
  /** All `data:` lines joined with "\n". */
  data: string;
  id?: string;
  retry?: number;
}

/**
 * Incremental SSE parser following the WHATWG event-stream rules: LF, CRLF and lone CR end
 * a line (also when a CRLF is split across chunks), `:` lines are comments, one leading space
 * after the colon is dropped, several `data:` lines join with "\n", a blank line dispatches.
 * Text is fed already decoded; use `parseSse` for bytes.
 */
export class SseParser {
  private buffer = "";
  /** A chunk ended in CR: a LF at the start of the next chunk belongs to it. */
  private pendingCr = false;
  private started = false;
  private data: string[] = [];
  private event: string | undefined;
  private id: string | undefined;
  private retry: number | undefined;

  push(text: string): SseMessage[] {
    let input = text;
    if (!this.started && input.length > 0) {
      this.started = true;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    if (this.pendingCr && input.startsWith("\n")) input = input.slice(1);
    this.pendingCr = false;
    this.buffer += input;
    const out: SseMessage[] = [];
    let start = 0;
    const buffer = this.buffer;
    for (let i = 0; i < buffer.length; i++) {
      const code = buffer.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      this.line(buffer.slice(start, i), out);
      if (code === 13) {
        if (i + 1 < buffer.length) {
          if (buffer.charCodeAt(i + 1) === 10) i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
    }
    this.buffer = buffer.slice(start);
    return out;
  }

  /**
   * End of stream. Unlike a browser, a final event without its blank line is still delivered:
   * upstreams that close right after `data: [DONE]` are common.
   */
  end(): SseMessage[] {
    const out: SseMessage[] = [];
    if (this.buffer.length > 0) this.line(this.buffer, out);
    this.buffer = "";
    this.dispatch(out);
    return out;
  }

  private line(line: string, out: SseMessage[]): void {
    if (line.length === 0) {
      this.dispatch(out);
      return;
    }
    if (line.charCodeAt(0) === 58) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data":
        this.data.push(value);
        break;
      case "event":
        this.event = value;
        break;
      case "id":
        if (!value.includes("\0")) this.id = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
  }

  private dispatch(out: SseMessage[]): void {
    if (this.data.length > 0) {
      const message: SseMessage = { data: this.data.join("\n") };
      if (this.event !== undefined && this.event !== "") message.event = this.event;
      if (this.id !== undefined) message.id = this.id;
      if (this.retry !== undefined) message.retry = this.retry;
      out.push(message);
    }
    this.data = [];
    this.event = undefined;
    this.retry = undefined;
  }
}

/** Parse a byte stream (an HTTP body) into SSE messages; UTF-8 split across chunks is decoded correctly. */
export async function* parseSse(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseMessage> {
  const parser = new SseParser();
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of body) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    yield* parser.push(text);
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield* parser.push(rest);
  yield* parser.end();
}
