import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_HELD_BACK, restore, restoreByteStream, restoreStream, StreamingRestorer } from "./restore.js";
import { Session } from "./session.js";

function sessionWith(values: [Parameters<Session["placeholderFor"]>[0], string][]): Session {
  const session = new Session({ id: "test" });
  for (const [type, value] of values) session.placeholderFor(type, value);
  return session;
}

const session = sessionWith([
  ["PERSON", "Jan de Vries"], // PERSOON_1
  ["EMAIL", "jan@voorbeeld.nl"], // EMAIL_1
  ["PERSON", "Émilie Dubois"], // PERSOON_2
]);

describe("restore", () => {
  it.each([
    ["[PERSOON_1]", "Jan de Vries"],
    ["PERSOON_1", "Jan de Vries"],
    ["[Persoon_1]", "Jan de Vries"],
    ["[persoon_1]", "Jan de Vries"],
    ["[ PERSOON_1 ]", "Jan de Vries"],
    ["[PERSOON 1]", "Jan de Vries"],
    ["[PERSOON-1]", "Jan de Vries"],
    ["[PERSOON1]", "Jan de Vries"],
    ["PERSOON_1]", "Jan de Vries"],
    ["[PERSOON_1", "Jan de Vries"],
    ["[PERSOON_1]'s auto", "Jan de Vries's auto"],
    ["[PERSOON_1]s", "Jan de Vriess"],
    ["**[PERSOON_1]**", "**Jan de Vries**"],
    ["`[PERSOON_1]`", "`Jan de Vries`"],
    ["_[PERSOON_1]_", "_Jan de Vries_"],
    ["mailto:[EMAIL_1]", "mailto:jan@voorbeeld.nl"],
    ["https://x.nl/?naam=[PERSOON_2]&a=1", "https://x.nl/?naam=Émilie Dubois&a=1"],
    ["https://x.nl/?naam=%5BPERSOON_1%5D", "https://x.nl/?naam=Jan de Vries"],
    ["(%5bpersoon_1%5d)", "(Jan de Vries)"],
  ])("restores %s", (input, expected) => {
    expect(restore(input, session)).toBe(expected);
  });

  it.each([
    "[PERSOON_10]",
    "[PERSOON_01]",
    "PERSOON_10",
    "[PERSOON_3]",
    "[EMAIL_2]",
    "XPERSOON_1",
    "PERSOON_1_OUD",
    "[PERSOON_1234567]",
    "persoon 1",
    "de persoon 1 en persoon 2",
    "[KLANT_A]",
    "[PERSON_1]",
  ])("leaves %s as it is", (input) => {
    expect(restore(input, session)).toBe(input);
  });

  it("never restores placeholders issued by another session", () => {
    const other = sessionWith([["PERSON", "Piet Jansen"]]);
    expect(restore("[PERSOON_1] en [PERSOON_2]", other)).toBe("Piet Jansen en [PERSOON_2]");
    expect(restore("[PERSOON_1]", session)).toBe("Jan de Vries");
  });

  it("restores English labels for an English session", () => {
    const en = new Session({ language: "en" });
    expect(en.placeholderFor("PHONE", "06-12345678")).toBe("[PHONE_1]");
    expect(restore("Call [phone_1] or [TELEFOON_1].", en)).toBe("Call 06-12345678 or [TELEFOON_1].");
  });
});

// Texts built from pieces that stress the matcher: placeholders in every form, near-misses,
// multi-byte characters, brackets and percent signs.
const piece = fc.constantFrom(
  "[PERSOON_1]",
  "PERSOON_1",
  "[ Persoon 2 ]",
  "%5BEMAIL_1%5D",
  "[PERSOON_10]",
  "PERSOON_1_x",
  "[PERSOON_1234567]",
  "[PERSOON_",
  "%5",
  "%",
  "[",
  "]",
  " ",
  "_",
  "1",
  "P",
  "persoon",
  "EMAIL",
  "é",
  "😀",
  "€ 12,50",
  "Beste ",
  "\n",
);
const pieces = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 25 }).map((a) => a.join(""));

/** Cut `text` at the given positions (any integers, normalised into range). */
function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => (text.length === 0 ? 0 : c % (text.length + 1))))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let prev = 0;
  for (const p of points) {
    chunks.push(text.slice(prev, p));
    prev = p;
  }
  chunks.push(text.slice(prev));
  return chunks;
}

describe("StreamingRestorer", () => {
  it("equals restore() of the whole text for every split, and holds back little", () => {
    fc.assert(
      fc.property(pieces, fc.array(fc.nat(), { maxLength: 30 }), (text, cuts) => {
        const restorer = new StreamingRestorer(session);
        let out = "";
        for (const chunk of splitAt(text, cuts)) {
          out += restorer.push(chunk);
          expect(restorer.heldLength).toBeLessThan(MAX_HELD_BACK);
        }
        out += restorer.flush();
        expect(out).toBe(restore(text, session));
      }),
      { numRuns: 400 },
    );
  });

  it("equals restore() with one character per chunk", () => {
    fc.assert(
      fc.property(pieces, (text) => {
        const restorer = new StreamingRestorer(session);
        let out = "";
        for (const ch of text) out += restorer.push(ch);
        out += restorer.flush();
        expect(out).toBe(restore(text, session));
      }),
      { numRuns: 300 },
    );
  });

  it("passes text on at once when it cannot be a placeholder", () => {
    const restorer = new StreamingRestorer(session);
    expect(restorer.push("Goedemorgen, hoe gaat het?")).toBe("Goedemorgen, hoe gaat het?");
    expect(restorer.push(" Groet [PERS")).toBe(" Groet ");
    expect(restorer.heldLength).toBe(5);
    expect(restorer.push("OON_1] daar")).toBe("Jan de Vries daar");
    expect(restorer.flush()).toBe("");
  });

  it("waits for the next digit before deciding", () => {
    const restorer = new StreamingRestorer(session);
    expect(restorer.push("[PERSOON_1")).toBe("");
    expect(restorer.push("0] ok")).toBe("[PERSOON_10] ok");
  });
});

async function collect<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

function fromChunks<T>(chunks: T[]): ReadableStream<T> {
  return new ReadableStream<T>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

describe("restoreStream", () => {
  it("restores across chunk boundaries as a TransformStream", async () => {
    const out = await collect(
      fromChunks(["Dag [PER", "SOON", "_1]", ", mail ", "EMAIL_1."]).pipeThrough(restoreStream(session)),
    );
    expect(out.join("")).toBe("Dag Jan de Vries, mail jan@voorbeeld.nl.");
  });

  it("restores UTF-8 bytes split inside multi-byte characters, for every split", async () => {
    await fc.assert(
      fc.asyncProperty(pieces, fc.array(fc.nat(), { maxLength: 12 }), async (text, cuts) => {
        const bytes = new TextEncoder().encode(text);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let prev = 0;
        for (const p of [...points, bytes.length]) {
          chunks.push(bytes.slice(prev, p));
          prev = p;
        }
        const out = await collect(fromChunks(chunks).pipeThrough(restoreByteStream(session)));
        const joined = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of out) {
          joined.set(c, at);
          at += c.length;
        }
        expect(new TextDecoder().decode(joined)).toBe(restore(text, session));
      }),
      { numRuns: 150 },
    );
  });
});
