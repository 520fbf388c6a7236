import { useTranslation } from "react-i18next";

/**
 * Numbers, euros and dates as a Dutch reader expects them (`nl-NL`: € 1.234,56 and 3 nov.), or
 * in English when the app is switched to English. Shared by the usage and settings pages.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "nl-NL";
  const number = new Intl.NumberFormat(locale);
  const euro = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", minimumFractionDigits: 2 });
  // Small amounts (a few requests) would all show as € 0,00: show up to four decimals below one euro.
  const smallEuro = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });
  const tinyEuro = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", maximumSignificantDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const fullDay = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  return {
    locale,
    number: (n: number) => number.format(n),
    euro: (n: number) => (n !== 0 && Math.abs(n) < 1 ? smallEuro.format(n) : euro.format(n)),
    /** Axis ticks: two significant digits below one euro, so small steps stay distinct. */
    euroTick: (n: number) => (n !== 0 && Math.abs(n) < 1 ? tinyEuro.format(n) : euro.format(n)),
    /** A bucket key (YYYY-MM-DD, or YYYY-MM for a month) as a short label. */
    bucket: (key: string) =>
      key.length === 7 ? month.format(new Date(`${key}-01T00:00:00Z`)) : day.format(new Date(`${key}T00:00:00Z`)),
    date: (key: string) => fullDay.format(new Date(`${key.slice(0, 10)}T00:00:00Z`)),
  };
}
