/**
 * Periods and buckets of the usage page. Days are calendar days in Europe/Amsterdam (the audit
 * log's `day`), written YYYY-MM-DD; weeks start on Monday (ISO), months are YYYY-MM.
 */
import { amsterdamDay, dayWindow } from "../../../gateway/accounting/windows.js";

export const BUCKETS = ["day", "week", "month"] as const;
export type Bucket = (typeof BUCKETS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
export const MAX_PERIOD_DAYS = 731;

/** A real calendar date in YYYY-MM-DD form. */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** This month so far: from the first of the month to today. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const today = amsterdamDay(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The bucket a day falls in: the day itself, the Monday of its week, or its month. */
export function bucketOf(day: string, bucket: Bucket): string {
  if (bucket === "day") return day;
  if (bucket === "month") return day.slice(0, 7);
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** Every bucket of the period in order, so charts show empty days as zero instead of skipping them. */
export function bucketsOf(from: string, to: string, bucket: Bucket): string[] {
  const out: string[] = [];
  let last = "";
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    const key = bucketOf(new Date(t).toISOString().slice(0, 10), bucket);
    if (key !== last) out.push(key);
    last = key;
  }
  return out;
}

/** The instants that bound the Amsterdam days `from` to `to` (inclusive): for the time-based audit export. */
export function periodInstants(from: string, to: string): { start: string; end: string } {
  // Noon UTC is inside the same calendar day in Amsterdam all year round.
  const start = dayWindow(new Date(`${from}T12:00:00Z`)).start;
  const end = dayWindow(new Date(`${to}T12:00:00Z`)).end;
  return { start: start.toISOString(), end: end.toISOString() };
}
