import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSse, type SseMessage, SseParser } from "./parser.js";
import { formatSse, formatStreamEvent, streamTerminator } from "./writer.js";

async function collect(chunks: Array<string | Uint8Array>): Promise<SseMessage[]> {
  async function* source() {
    yield* chunks;
  }
  const out: SseMessage[] = [];
  for await (const message of parseSse(source())) out.push(message);
  return out;
}

describe("SseParser", () => {
  it("parses events, names, ids, comments and multi-line data", () => {
    const parser = new SseParser();
    const messages = parser.push(
      ": a comment\nevent: greeting\nid: 7\ndata: eerste regel\ndata: tweede regel\n\ndata:zonder spatie\n\n",
    );
    expect(messages).toEqual([
      { event: "greeting", id: "7", data: "eerste regel\ntweede regel" },
      { id: "7", data: "zonder spatie" },
    ]);
  });

  it("handles CRLF and lone CR line endings, also with the CRLF split across chunks", () => {
    const parser = new SseParser();
    const first = parser.push("data: a\r");
    const second = parser.push("\n\r\ndata: b\r\r");
    expect([...first, ...second]).toEqual([{ data: "a" }, { data: "b" }]);
  });

  it("ignores events without data and a leading byte-order mark", () => {
    const parser = new SseParser();
    expect(parser.push("\uFEFFevent: leeg\n\ndata: x\n\n")).toEqual([{ data: "x" }]);
  });

  it("delivers a last event that lacks its blank line at the end of the stream", () => {
    const parser = new SseParser();
    expect(parser.push("data: [DONE]")).toEqual([]);
    expect(parser.end()).toEqual([{ data: "[DONE]" }]);
  });

  it("decodes UTF-8 characters split across byte chunks", async () => {
    const bytes = new TextEncoder().encode("data: café €\n\n");
    const pieces = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(await collect(pieces)).toEqual([{ data: "café €" }]);
  });

  it("gives the same messages however the byte stream is cut (property)", async () => {
    const event = fc.record({
      event: fc.option(fc.stringMatching(/^[a-z_]{1,12}$/), { nil: undefined }),
      data: fc.array(
        fc.string({ unit: "grapheme" }).map((s) => s.replace(/[\r\n]/g, "")),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 5 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (events, eol, cuts) => {
          const text = events
            .map(
              (e) =>
                `${e.event ? `event: ${e.event}${eol}` : ""}${e.data.map((d) => `data: ${d}${eol}`).join("")}${eol}`,
            )
            .join("");
          const bytes = new TextEncoder().encode(text);
          const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces: Uint8Array[] = [];
          let previous = 0;
          for (const point of [...points, bytes.length]) {
            pieces.push(bytes.subarray(previous, point));
            previous = point;
          }
          const expected = events.map((e) =>
            e.event ? { event: e.event, data: e.data.join("\n") } : { data: e.data.join("\n") },
          );
          expect(await collect(pieces)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("SSE writer", () => {
  it("writes multi-line data as several data lines that parse back to the same message", () => {
    const text = formatSse({ event: "x", data: "een\ntwee" });
    expect(text).toBe("event: x\ndata: een\ndata: twee\n\n");
    expect(new SseParser().push(text)).toEqual([{ event: "x", data: "een\ntwee" }]);
  });

  it("frames each protocol its own way", () => {
    expect(formatStreamEvent({ protocol: "anthropic", data: { type: "ping" } })).toBe(
      'event: ping\ndata: {"type":"ping"}\n\n',
    );
    expect(
      formatStreamEvent({
        protocol: "openai",
        data: { id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [] },
      }),
    ).toBe('data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}\n\n');
    expect(streamTerminator("openai")).toBe("data: [DONE]\n\n");
    expect(streamTerminator("anthropic")).toBe("");
  });
});
