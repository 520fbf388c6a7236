import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conversationId, vaultSessionId } from "../src/gateway/pipeline/conversation.js";
import { messageLanguage } from "../src/gateway/pipeline/language.js";
import { anthropicTexts, openAIChatTexts } from "../src/gateway/pipeline/text-parts.js";

describe("messageLanguage", () => {
  it("defaults to Dutch and picks English only when preferred over Dutch", () => {
    expect(messageLanguage(undefined)).toBe("nl");
    expect(messageLanguage("de-DE")).toBe("nl");
    expect(messageLanguage("en-US")).toBe("en");
    expect(messageLanguage("nl-NL,en;q=0.8")).toBe("nl");
    expect(messageLanguage("en;q=0.9,nl;q=0.4")).toBe("en");
    expect(messageLanguage("en;q=0")).toBe("nl");
  });

  it("never throws and always answers nl or en", () => {
    fc.assert(fc.property(fc.string(), (header) => ["nl", "en"].includes(messageLanguage(header))));
  });
});

describe("conversation ids", () => {
  it("accepts plain ids, rejects others, and derives a stable id from the first prompt", () => {
    expect(conversationId("gesprek-1", [])).toBe("gesprek-1");
    expect(conversationId("met spatie", [])).toBeNull();
    const parts = [{ kind: "prompt" as const, text: "Eerste vraag", set: () => {} }];
    expect(conversationId(null, parts)).toBe(conversationId(undefined, parts));
    expect(conversationId(null, parts)).not.toBe(
      conversationId(null, [{ kind: "prompt", text: "Andere vraag", set: () => {} }]),
    );
  });

  it("derives the id from the first user message, not from a system prompt every conversation shares", () => {
    const system = { kind: "prompt" as const, text: "Je bent de assistent van Bakkerij Zonneveld.", set: () => {} };
    const a = conversationId(null, [system], "Mail aan Jan de Vries");
    const b = conversationId(null, [system], "Offerte voor Fatima el Amrani");
    expect(a).not.toBe(b);
    const otherSystem = { kind: "prompt" as const, text: "Andere instructies.", set: () => {} };
    expect(conversationId(null, [otherSystem], "Mail aan Jan de Vries")).toBe(a);
  });

  it("gives two users with the same conversation id different vault sessions", () => {
    expect(vaultSessionId("anna", "c1")).not.toBe(vaultSessionId("bram", "c1"));
    expect(vaultSessionId("anna", "c1")).toBe(vaultSessionId("anna", "c1"));
  });
});

describe("text parts", () => {
  it("finds every text the model reads in an OpenAI request and writes back without touching the original", () => {
    const request = {
      model: "m",
      messages: [
        { role: "system" as const, content: "systeem" },
        {
          role: "user" as const,
          content: [
            { type: "text" as const, text: "vraag" },
            { type: "image_url" as const, image_url: { url: "data:x" } },
          ],
        },
        {
          role: "assistant" as const,
          content: "antwoord",
          tool_calls: [
            {
              id: "1",
              type: "function" as const,
              function: { name: "f", arguments: '{"naam":"Jan \\"J\\" Smit","n":3}' },
            },
          ],
        },
        { role: "tool" as const, tool_call_id: "1", content: "resultaat" },
      ],
    };
    const texts = openAIChatTexts(request);
    expect(texts.parts.map((p) => [p.kind, p.text])).toEqual([
      ["prompt", "systeem"],
      ["prompt", "vraag"],
      ["history", "antwoord"],
      ["history", 'Jan "J" Smit'],
      ["tool_result", "resultaat"],
    ]);
    for (const part of texts.parts) part.set(`<${part.text}>`);
    texts.commit();
    expect(
      JSON.parse(
        texts.body.messages[2]?.role === "assistant"
          ? (texts.body.messages[2].tool_calls?.[0]?.function.arguments ?? "")
          : "",
      ),
    ).toEqual({
      naam: '<Jan "J" Smit>',
      n: 3,
    });
    expect(request.messages[0]?.content).toBe("systeem");
  });

  it("covers Anthropic system blocks, tool results and tool inputs, and leaves thinking alone", () => {
    const texts = anthropicTexts({
      model: "m",
      max_tokens: 10,
      system: [{ type: "text", text: "sys" }],
      messages: [
        { role: "user", content: "hoi" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "geheim denkwerk", signature: "s" },
            { type: "tool_use", id: "t", name: "f", input: { wie: "Jan" } },
          ],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "t", content: "uitkomst" }] },
      ],
    });
    expect(texts.parts.map((p) => [p.kind, p.text])).toEqual([
      ["prompt", "sys"],
      ["prompt", "hoi"],
      ["history", "Jan"],
      ["tool_result", "uitkomst"],
    ]);
  });
});
