import type { Message } from "../../policy/index.js";

export type Language = "nl" | "en";

/**
 * The language of user-facing messages from Accept-Language: English only when the client
 * prefers it over Dutch; Dutch otherwise (also when the header is absent or names neither).
 */
export function messageLanguage(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return "nl";
  let nl = -1;
  let en = -1;
  for (const item of acceptLanguage.split(",")) {
    const [tag = "", ...params] = item.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (!Number.isFinite(weight)) continue;
    const primary = tag.split("-")[0];
    if (primary === "nl") nl = Math.max(nl, weight);
    else if (primary === "en") en = Math.max(en, weight);
  }
  return en > 0 && en > nl ? "en" : "nl";
}

export function pick(message: Message, language: Language): string {
  return message[language];
}
