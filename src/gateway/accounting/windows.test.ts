import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amsterdamDay, dayWindow, monthWindow } from "./windows.js";

describe("budget windows in Europe/Amsterdam", () => {
  it("puts 00:30 Amsterdam time on the new day, whatever UTC says", () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam.
    const w = dayWindow(new Date("2026-12-31T23:30:00Z"));
    expect(w.id).toBe("2027-01-01");
    expect(w.start.toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(monthWindow(new Date("2026-12-31T23:30:00Z")).id).toBe("2027-01");
  });

  it("has a 23-hour day when summer time starts and a 25-hour day when it ends", () => {
    const spring = dayWindow(new Date("2026-03-29T12:00:00Z"));
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = dayWindow(new Date("2026-10-25T12:00:00Z"));
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it("ends a month at local midnight of the first of the next month", () => {
    const m = monthWindow(new Date("2026-07-15T10:00:00Z"));
    expect(m).toMatchObject({ id: "2026-07" });
    expect(m.start.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(m.end.toISOString()).toBe("2026-07-31T22:00:00.000Z");
    expect(amsterdamDay(new Date("2026-07-31T21:59:59Z"))).toBe("2026-07-31");
    expect(amsterdamDay(new Date("2026-07-31T22:00:00Z"))).toBe("2026-08-01");
  });

  it("answers from the minute's cache exactly as it would compute afresh, also around midnight and DST", () => {
    const far = new Date("2001-01-01T12:00:00Z");
    const fresh = (at: Date) => {
      // Another minute first, so the next call computes.
      dayWindow(far);
      monthWindow(far);
      return { day: dayWindow(at), month: monthWindow(at) };
    };
    // Instants near local midnights (22:00/23:00 UTC) and the DST switches, and anywhere.
    const nearBoundary = fc
      .record({
        day: fc.date({
          min: new Date("2025-01-01T00:00:00Z"),
          max: new Date("2028-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        hour: fc.constantFrom(0, 1, 21, 22, 23),
        ms: fc.integer({ min: -180_000, max: 180_000 }),
      })
      .map(
        ({ day, hour, ms }) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour) + ms),
      );
    fc.assert(
      fc.property(nearBoundary, fc.integer({ min: 0, max: 59_999 }), (first, offset) => {
        const minuteStart = Math.floor(first.getTime() / 60_000) * 60_000;
        const second = new Date(minuteStart + offset);
        const expected = fresh(second);
        dayWindow(first);
        monthWindow(first);
        expect(dayWindow(second)).toEqual(expected.day);
        expect(monthWindow(second)).toEqual(expected.month);
        expect(second.getTime()).toBeGreaterThanOrEqual(expected.day.start.getTime());
        expect(second.getTime()).toBeLessThan(expected.day.end.getTime());
      }),
      { numRuns: 500 },
    );
  });
});
