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
});
