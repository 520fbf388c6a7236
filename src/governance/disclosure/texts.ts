/**
 * Ready-to-paste AI disclosure texts. EU AI Act art. 50(1): people must be told they are interacting
 * with an AI system unless that is obvious; it applies from 2 August 2026. A business that builds its
 * own chatbot on a model API is likely the provider of that system, so the duty is its own.
 */
import { z } from "zod";
import type { Lang } from "../model.js";

export const DisclosureVariant = z.enum([
  "chat-greeting",
  "chat-handover",
  "email-footer",
  "email-footer-reviewed",
  "website-notice",
  "generated-content-label",
]);
export type DisclosureVariant = z.infer<typeof DisclosureVariant>;

export const DisclosureOptions = z.strictObject({
  companyName: z
    .string()
    .trim()
    .min(1, { error: "Vul de bedrijfsnaam in (company name is required)" })
    .max(120, { error: "De bedrijfsnaam is te lang (company name is too long)" }),
  /** Name of the assistant, e.g. "Sam". */
  assistantName: z.string().trim().min(1).max(60).optional(),
  /** How to reach a person: e-mail address, phone number or web page. */
  humanContact: z.string().trim().min(1).max(200).optional(),
  /** Page where the privacy statement lives. */
  privacyUrl: z.url({ error: "Geef een geldige URL (give a valid URL)" }).optional(),
});
export type DisclosureOptions = z.infer<typeof DisclosureOptions>;

type Builder = (o: DisclosureOptions) => string;

const reach = (o: DisclosureOptions, lang: Lang): string => {
  if (lang === "nl") {
    return o.humanContact
      ? `Liever een mens? Typ 'medewerker' of neem contact op via ${o.humanContact}.`
      : "Liever een mens? Typ 'medewerker', dan zetten we je door.";
  }
  return o.humanContact
    ? `Prefer a person? Type 'agent' or contact us at ${o.humanContact}.`
    : "Prefer a person? Type 'agent' and we will put you through.";
};

const privacy = (o: DisclosureOptions, lang: Lang): string =>
  o.privacyUrl
    ? lang === "nl"
      ? ` Lees hoe we met je gegevens omgaan: ${o.privacyUrl}`
      : ` Read how we handle your data: ${o.privacyUrl}`
    : "";

const TEXTS: Record<DisclosureVariant, Record<Lang, Builder>> = {
  "chat-greeting": {
    nl: (o) =>
      `Hallo! Ik ben ${o.assistantName ? `${o.assistantName}, ` : ""}de digitale assistent van ${o.companyName}. Ik ben een AI-systeem, geen mens. Ik kan fouten maken: controleer belangrijke informatie. Deel geen BSN, wachtwoorden of medische gegevens in deze chat. ${reach(o, "nl")}${privacy(o, "nl")}`,
    en: (o) =>
      `Hello! I am ${o.assistantName ? `${o.assistantName}, ` : ""}the digital assistant of ${o.companyName}. I am an AI system, not a person. I can make mistakes: please check important information. Do not share passwords, ID numbers or medical details in this chat. ${reach(o, "en")}${privacy(o, "en")}`,
  },
  "chat-handover": {
    nl: (o) =>
      `Je praat nu met een AI-assistent van ${o.companyName}. Zodra een medewerker het gesprek overneemt, melden we dat hier.`,
    en: (o) =>
      `You are now talking to an AI assistant of ${o.companyName}. As soon as a member of staff takes over, we will say so here.`,
  },
  "email-footer": {
    nl: (o) =>
      `Dit bericht is opgesteld en verstuurd door een AI-systeem namens ${o.companyName}. ${o.humanContact ? `Wil je een medewerker spreken? Mail of bel ${o.humanContact}.` : "Wil je een medewerker spreken? Antwoord dan met 'medewerker'."}${privacy(o, "nl")}`,
    en: (o) =>
      `This message was written and sent by an AI system on behalf of ${o.companyName}. ${o.humanContact ? `Want to talk to a person? Mail or call ${o.humanContact}.` : "Want to talk to a person? Reply with 'person'."}${privacy(o, "en")}`,
  },
  "email-footer-reviewed": {
    nl: (o) => `Dit bericht is opgesteld met hulp van AI en gecontroleerd door een medewerker van ${o.companyName}.`,
    en: (o) => `This message was drafted with the help of AI and checked by a member of staff at ${o.companyName}.`,
  },
  "website-notice": {
    nl: (o) =>
      `${o.companyName} gebruikt AI in de klantenservice: de chat op deze website en de eerste beantwoording van e-mails worden gedaan door een AI-systeem. Je kunt altijd vragen om een medewerker${o.humanContact ? ` (${o.humanContact})` : ""}. We gebruiken alleen AI-diensten die jouw gegevens niet gebruiken om hun modellen te trainen, en we vervangen persoonsgegevens waar dat kan.${privacy(o, "nl")}`,
    en: (o) =>
      `${o.companyName} uses AI in customer service: the chat on this website and first replies to e-mails are handled by an AI system. You can always ask for a member of staff${o.humanContact ? ` (${o.humanContact})` : ""}. We only use AI services that do not train their models on your data, and we replace personal data where we can.${privacy(o, "en")}`,
  },
  "generated-content-label": {
    nl: (o) => `Deze inhoud is gemaakt met behulp van AI en gecontroleerd door ${o.companyName}.`,
    en: (o) => `This content was created with the help of AI and reviewed by ${o.companyName}.`,
  },
};

export interface DisclosureText {
  variant: DisclosureVariant;
  lang: Lang;
  text: string;
}

/** One disclosure text; options are validated so a missing company name is a clear error, not "undefined". */
export function disclosureText(
  variant: DisclosureVariant,
  lang: Lang,
  options: z.input<typeof DisclosureOptions>,
): string {
  const o = DisclosureOptions.parse(options);
  return TEXTS[DisclosureVariant.parse(variant)][lang](o);
}

/** Every variant in both languages, for the dashboard's copy-paste page. */
export function allDisclosureTexts(options: z.input<typeof DisclosureOptions>): DisclosureText[] {
  const o = DisclosureOptions.parse(options);
  return DisclosureVariant.options.flatMap((variant) =>
    (["nl", "en"] as const).map((lang) => ({ variant, lang, text: TEXTS[variant][lang](o) })),
  );
}
