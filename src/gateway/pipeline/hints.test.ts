import { describe, expect, it } from "vitest";
import type { Entity } from "../../detect/index.js";
import { applyHints } from "./hints.js";

const e = (type: Entity["type"], start: number, end: number): Entity => ({
  type,
  start,
  end,
  score: 0.9,
  recognizer: "test",
});

describe("detection hints", () => {
  const text = "Bel Piet Bakker over project Zonnebloem, BSN 111222333, sleutel sk-abc.";

  it("drops findings the user marked not personal and counts them", () => {
    const out = applyHints(text, [e("PERSON", 4, 15)], { notPersonal: ["Piet Bakker"] });
    expect(out.entities).toEqual([]);
    expect(out.unmarked).toBe(1);
  });

  it("never drops a BSN or a secret", () => {
    const bsn = e("BSN", 45, 54);
    const secret = e("SECRET", 64, 70);
    const out = applyHints(text, [bsn, secret], { notPersonal: ["111222333", "sk-abc"] });
    expect(out.entities).toEqual([bsn, secret]);
    expect(out.unmarked).toBe(0);
  });

  it("adds every occurrence of a missed value with the user's type", () => {
    const twice = "Zonnebloem belde; Zonnebloem wacht.";
    const out = applyHints(twice, [], { add: [{ value: "Zonnebloem", type: "ORGANIZATION" }] });
    expect(out.entities.map((x) => [x.type, x.start, x.end])).toEqual([
      ["ORGANIZATION", 0, 10],
      ["ORGANIZATION", 18, 28],
    ]);
    expect(out.added).toBe(2);
  });

  it("replaces a smaller overlapping finding, keeps a larger one, and never overrides a locked one", () => {
    const wider = applyHints(text, [e("PERSON", 4, 8)], { add: [{ value: "Piet Bakker", type: "PERSON" }] });
    expect(wider.entities.map((x) => [x.start, x.end])).toEqual([[4, 15]]);
    const inside = applyHints(text, [e("PERSON", 4, 15)], { add: [{ value: "Bakker", type: "ORGANIZATION" }] });
    expect(inside.entities).toEqual([e("PERSON", 4, 15)]);
    const locked = applyHints(text, [e("BSN", 45, 54)], { add: [{ value: "BSN 111222333", type: "PERSON" }] });
    expect(locked.entities).toEqual([e("BSN", 45, 54)]);
  });

  it("ignores empty values", () => {
    const out = applyHints(text, [], { notPersonal: [" "], add: [{ value: "  ", type: "PERSON" }] });
    expect(out).toEqual({ entities: [], unmarked: 0, added: 0 });
  });
});
