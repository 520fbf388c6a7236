import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTypedDate } from "./typed-date";

describe("parseTypedDate", () => {
  it("reads day-first dates with any of the usual separators, and ISO dates", () => {
    expect(parseTypedDate("2-11-2026", false)).toBe("2026-11-02");
    expect(parseTypedDate("02/11/2026", false)).toBe("2026-11-02");
    expect(parseTypedDate(" 2.11.2026 ", false)).toBe("2026-11-02");
    expect(parseTypedDate("2026-11-02", false)).toBe("2026-11-02");
  });

  it("keeps the time when the field has one, midnight when none was typed", () => {
    expect(parseTypedDate("23-11-2026 14:30", true)).toBe("2026-11-23 14:30:00");
    expect(parseTypedDate("23-11-2026 9.05", true)).toBe("2026-11-23 09:05:00");
    expect(parseTypedDate("23-11-2026", true)).toBe("2026-11-23 00:00:00");
  });

  it("refuses what is not a real date or time", () => {
    for (const text of [
      "31-02-2026",
      "29-02-2025",
      "0-1-2026",
      "1-13-2026",
      "11/2026",
      "morgen",
      "",
      "2026-11-02 24:00",
    ]) {
      expect(parseTypedDate(text, text.includes(":"))).toBeNull();
    }
    expect(parseTypedDate("29-02-2028", false)).toBe("2028-02-29");
  });

  it("reads back every real date written day first", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split("-");
        expect(parseTypedDate(`${Number(day)}-${Number(m)}-${y}`, false)).toBe(iso);
        expect(parseTypedDate(`${day}/${m}/${y}`, false)).toBe(iso);
      }),
    );
  });
});
