/**
 * Money amounts in Dutch business text (`€ 47.696,17`, `EUR 1.250,-`, `1250 euro`). They are not
 * personal data, so the detector does not report them; a policy may still want them coarsened
 * (`EUR 1.000-5.000`) because a salary or a debt next to a name says a lot about that person.
 */

export interface AmountSpan {
  start: number;
  end: number;
  /** The amount in euros. */
  value: number;
}

// Dutch grouping (1.250,50 / 1.250,- / 1250) or English grouping with decimals (1,250.50).
const NUMBER = String.raw`(?:\d{1,3}(?:\.\d{3})+(?:,(?:\d{1,2}|-{1,2}))?|\d{1,3}(?:,\d{3})+\.\d{2}|\d+(?:,(?:\d{1,2}|-{1,2}))?)`;
const AMOUNT = new RegExp(
  String.raw`(?:€|\bEUR\b|\beuro\b)[ \u00a0]?(${NUMBER})(?![\d.,]*\d)|(?<![\d.,])(${NUMBER})[ \u00a0]?(?:€|\bEUR\b|\beuro(?:'s)?\b)`,
  "gi",
);

function parseAmount(raw: string): number {
  if (/^\d{1,3}(?:,\d{3})+\.\d{2}$/.test(raw)) return Number(raw.replace(/,/g, ""));
  const [whole, fraction] = raw.split(",");
  const cents = fraction && /^\d+$/.test(fraction) ? Number(`0.${fraction}`) : 0;
  return Number((whole ?? "0").replace(/\./g, "")) + cents;
}

export function findAmounts(text: string): AmountSpan[] {
  const spans: AmountSpan[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const raw = (m[1] ?? m[2]) as string;
    spans.push({ start: m.index, end: m.index + m[0].length, value: parseAmount(raw) });
  }
  return spans;
}

const BANDS = [0, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000];

function euros(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** The band an amount falls in, e.g. `EUR 1.000-5.000`. */
export function amountRange(value: number): string {
  for (let i = 1; i < BANDS.length; i++) {
    const upper = BANDS[i] as number;
    if (value < upper) return `EUR ${euros(BANDS[i - 1] as number)}-${euros(upper)}`;
  }
  return `EUR > ${euros(BANDS[BANDS.length - 1] as number)}`;
}
