import i18n from "i18next";
import { initReactI18next } from "react-i18next";

/**
 * Dutch first, English available. Every feature keeps its texts in its own namespace file
 * (`locales/<lang>/<feature>.json`), loaded here eagerly: the whole set is a few kilobytes.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>("./locales/*/*.json", { eager: true });

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  resources[lang] ??= {};
  resources[lang][ns] = module.default;
}

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
/**
 * The last language shown in this browser: the login page opens in it. Once someone is logged in,
 * the account's own language wins (see useAccountLanguage in account.tsx).
 */
const STORAGE_KEY = "pw.language";

export function isLanguage(value: unknown): value is Language {
  return value === "nl" || value === "en";
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : "nl";
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: "nl",
  defaultNS: "common",
  ns: Object.keys(resources.nl ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;
i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem(STORAGE_KEY, lng);
});

export default i18n;
