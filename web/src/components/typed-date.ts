const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Reads what people type: day first (`2-11-2026`, `02/11/2026`, `2.11.2026`) or ISO (`2026-11-02`),
 * with an optional time (`14:30`). Returns the `YYYY-MM-DD[ HH:mm:00]` value Mantine keeps, or
 * null for something that is not a real date (31-02-2026).
 */
export function parseTypedDate(text: string, withTime: boolean): string | null {
  const match =
    /^\s*(?:(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))(?:[ T]+(\d{1,2})[:.](\d{2}))?\s*$/.exec(
      text,
    );
  if (!match) return null;
  const day = Number(match[1] ?? match[6]);
  const month = Number(match[2] ?? match[5]);
  const year = Number(match[3] ?? match[4]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!withTime) return date;
  const hours = Number(match[7] ?? 0);
  const minutes = Number(match[8] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${date} ${pad(hours)}:${pad(minutes)}:00`;
}
