/**
 * Budget windows: the calendar day and calendar month in Europe/Amsterdam, whatever the server's
 * time zone. A day is 23 or 25 hours on the DST switch days, so ends are computed, not added.
 */

export const BUDGET_TIME_ZONE = "Europe/Amsterdam";

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: BUDGET_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(date: Date): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(date)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Milliseconds Amsterdam is ahead of UTC at `date` (3 600 000 in winter, 7 200 000 in summer). */
function offsetAt(date: Date): number {
  const p = localParts(date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant of local midnight starting the given local date (month/day may overflow). */
function localMidnight(year: number, month: number, day: number): Date {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - offsetAt(new Date(guess));
  // The offset at the result may differ from the offset at the guess around a DST switch.
  return new Date(guess - offsetAt(new Date(first)));
}

const pad = (n: number): string => String(n).padStart(2, "0");

export interface BudgetWindow {
  kind: "day" | "month";
  /** `2026-03-29` or `2026-03`: part of the counter key. */
  id: string;
  start: Date;
  end: Date;
}

/**
 * Every request asks for its windows, and the Intl formatting behind them is not cheap. Amsterdam's
 * offsets are whole hours, so a window can only begin or end on a whole minute: the window of the
 * current minute is the window of every instant in it. One entry per kind is enough (time moves on).
 */
const MINUTE_MS = 60_000;
const cache = {
  day: { minute: Number.NaN, window: undefined as BudgetWindow | undefined },
  month: { minute: Number.NaN, window: undefined as BudgetWindow | undefined },
};

function cached(kind: "day" | "month", now: Date, compute: (now: Date) => BudgetWindow): BudgetWindow {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  const entry = cache[kind];
  if (entry.minute === minute && entry.window) return entry.window;
  const window = compute(now);
  entry.minute = minute;
  entry.window = window;
  return window;
}

/** The calendar day in Amsterdam around `now`. The result is shared: do not change its dates. */
export function dayWindow(now: Date): BudgetWindow {
  return cached("day", now, (at) => {
    const p = localParts(at);
    return {
      kind: "day",
      id: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
      start: localMidnight(p.year, p.month, p.day),
      end: localMidnight(p.year, p.month, p.day + 1),
    };
  });
}

/** The calendar month in Amsterdam around `now`. The result is shared: do not change its dates. */
export function monthWindow(now: Date): BudgetWindow {
  return cached("month", now, (at) => {
    const p = localParts(at);
    return {
      kind: "month",
      id: `${p.year}-${pad(p.month)}`,
      start: localMidnight(p.year, p.month, 1),
      end: localMidnight(p.year, p.month + 1, 1),
    };
  });
}

/** The Amsterdam calendar day of an instant, `YYYY-MM-DD`. */
export function amsterdamDay(date: Date): string {
  return dayWindow(date).id;
}
