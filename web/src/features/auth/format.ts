/** Dates as people read them in the chosen language: "23 nov. 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", { dateStyle: "medium" }).format(new Date(iso));
}
