import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Cue, cueBefore } from "./context.js";
import { Fact } from "./facts.js";
import { atSentenceStart, capitalisedTokens, LineStarts, lineStart, sharedTokens } from "./tokens.js";

describe("LineStarts", () => {
  it("gives the same line start as a backwards search, for every position (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", " ", "\n", "\r", "."), { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        const lines = new LineStarts(text);
        for (let i = 0; i <= text.length; i++) expect(lines.lineStart(i)).toBe(lineStart(text, i));
      }),
    );
  });

  it("also for positions asked in any order, back and forth (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", " ", "\n", "\n", "."), { maxLength: 40 }),
        fc.array(fc.nat(41), { maxLength: 30 }),
        (chars, positions) => {
          const text = chars.join("");
          const lines = new LineStarts(text);
          for (const p of positions) {
            const i = Math.min(p, text.length);
            expect(lines.lineStart(i)).toBe(lineStart(text, i));
          }
        },
      ),
    );
  });
});

describe("cue before a name on a long line", () => {
  const filler = "we hebben de offerte besproken en alles is in orde ".repeat(12);

  it("still sees a sign-off right before the name", () => {
    const text = `${filler}. Met vriendelijke groet, Sanne`;
    expect(cueBefore(text, text.toLowerCase(), text.indexOf("Sanne"))).toBe(Cue.Strong);
  });

  it("does not read a long clause ending in sign-off words as a sign-off", () => {
    const text = `${filler}en met vriendelijke groet, Sanne`;
    expect(cueBefore(text, text.toLowerCase(), text.indexOf("Sanne"))).not.toBe(Cue.Strong);
  });

  it("reads a name after a sentence end on a long line like one on a short line", () => {
    const long = `${filler}. Sanne`;
    const short = "Het is in orde. Sanne";
    expect(cueBefore(long, long.toLowerCase(), long.indexOf("Sanne"))).toBe(
      cueBefore(short, short.toLowerCase(), short.indexOf("Sanne")),
    );
  });
});

describe("capitalisedTokens", () => {
  it("finds capitalised words, also with accents, and skips words that start inside a word", () => {
    const text = "Bel Émile de Vries of mailNaar Øystein";
    const tokens = capitalisedTokens(text, text.toLowerCase());
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(["Bel", "Émile", "Vries", "Øystein"]);
  });
});

describe("sharedTokens", () => {
  it("tokenises an input once, and again when the same object carries another text", () => {
    const input = { text: "Bel Jan de Vries", folded: "bel jan de vries" };
    const first = sharedTokens(input);
    expect(sharedTokens(input)).toBe(first);
    const reused = input as { text: string; folded: string };
    reused.text = "Mail Piet";
    reused.folded = "mail piet";
    expect(sharedTokens(reused).map((t) => t.key)).toEqual(["mail", "piet"]);
  });

  it("works on a frozen input", () => {
    const input = Object.freeze({ text: "Bel Jan", folded: "bel jan" });
    expect(sharedTokens(input).map((t) => t.key)).toEqual(["bel", "jan"]);
  });

  it("gives every token the facts of its word, the same for every spelling", () => {
    const text = "JAN en Jan en Bakkerij";
    const [upper, lower, shop] = capitalisedTokens(text, text.toLowerCase());
    expect(upper?.facts).toBe(lower?.facts);
    expect((lower?.facts ?? 0) & Fact.FirstName).not.toBe(0);
    expect((shop?.facts ?? 0) & Fact.SectorHead).not.toBe(0);
  });
});

describe("atSentenceStart", () => {
  // The regex version it replaces, as the reference.
  function reference(text: string, index: number): boolean {
    let i = index - 1;
    while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
    if (i < 0) return true;
    const c = text[i];
    if (c === "\n" || c === "\r" || c === "!" || c === "?" || c === "•" || c === "*" || c === '"') return true;
    if (c === ".") {
      const prev = text[i - 1];
      const prev2 = text[i - 2];
      return !(prev !== undefined && /\p{Lu}/u.test(prev) && (prev2 === undefined || !/\p{L}/u.test(prev2)));
    }
    return c === "-" && (i === 0 || text[i - 1] === "\n");
  }

  it("agrees with the regex version at every position (property)", () => {
    const chars = fc.constantFrom(...'aZ. \t\n\r!?•*"-Éé\ud83d\ude00ж.Ж1');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 7 }), (list) => {
        const text = list.join("");
        for (let i = 0; i <= text.length; i++) expect(atSentenceStart(text, i)).toBe(reference(text, i));
      }),
      { numRuns: 2000 },
    );
  });
});
