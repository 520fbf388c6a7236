/**
 * The content of the one-page AI policy, independent of the output format: built from the register
 * (the approved tools) and the owner's choices, in Dutch or English. Markdown, HTML and PDF are
 * renderings of this one structure, so the three never disagree.
 */
import { type Catalogue, categoryLabel, defaultCatalogue } from "../catalogue/index.js";
import type { Lang, PersonRef, PolicyChoices, ToolInUse } from "../model.js";

export interface PolicySection {
  heading: string;
  paragraphs: string[];
  bullets: string[];
}

export interface PolicyDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  sections: PolicySection[];
  footer: string;
}

const TIER_CHOICE = {
  business: {
    nl: "Voor klantwerk gebruiken we alleen zakelijke versies met verwerkersovereenkomst, nooit gratis of consumentenversies.",
    en: "For customer work we only use business plans with a data processing agreement, never free or consumer plans.",
  },
  local: {
    nl: "Klantgegevens verwerken we alleen met AI die op onze eigen computers draait; online AI alleen voor openbare teksten.",
    en: "We process customer data only with AI running on our own computers; online AI only for public texts.",
  },
  "gateway-only": {
    nl: "Al het AI-gebruik loopt via onze officiële AI-route (Poortwachter), die klantgegevens automatisch vervangt.",
    en: "All AI use goes through our official AI route (Poortwachter), which replaces customer data automatically.",
  },
} as const;

const TIER_NAME: Record<Lang, Record<string, string>> = {
  nl: { consumer: "consumentenversie", business: "zakelijk", local: "lokaal", "privacy-service": "privacydienst" },
  en: { consumer: "consumer plan", business: "business", local: "local", "privacy-service": "privacy service" },
};

function person(p: PersonRef): string {
  return [p.name, p.email, p.phone].filter(Boolean).join(", ");
}

function toolName(tool: ToolInUse, catalogue: Catalogue): string {
  const entry = tool.catalogueEntryId ? catalogue.byId(tool.catalogueEntryId) : undefined;
  return entry ? `${entry.product} ${entry.plan}` : (tool.customTool?.name ?? tool.id);
}

/** The tools the policy lists as approved: the chosen ids, or else every approved tool in the register. */
function approvedTools(choices: PolicyChoices, tools: readonly ToolInUse[]): ToolInUse[] {
  const chosen = new Set(choices.approvedToolIds);
  const approved = tools.filter((t) => t.approval.status === "approved");
  return chosen.size > 0 ? approved.filter((t) => chosen.has(t.id)) : approved;
}

export function buildPolicy(
  choices: PolicyChoices,
  tools: readonly ToolInUse[],
  lang: Lang,
  catalogue: Catalogue = defaultCatalogue(),
): PolicyDocument {
  const nl = lang === "nl";
  const approved = approvedTools(choices, tools);
  const toolLines = approved.map((t) => {
    const data = t.dataCategories.map((c) => categoryLabel(c)[lang]).join(", ");
    return nl
      ? `${toolName(t, catalogue)} (${TIER_NAME.nl[t.tierInUse]}) — voor ${data}`
      : `${toolName(t, catalogue)} (${TIER_NAME.en[t.tierInUse]}) — for ${data}`;
  });
  if (toolLines.length === 0) {
    toolLines.push(
      nl
        ? "Nog geen hulpmiddel goedgekeurd: gebruik geen AI voor werk tot er een is goedgekeurd."
        : "No tool approved yet: do not use AI for work until one is approved.",
    );
  }
  const route = choices.officialRouteUrl
    ? [
        nl
          ? `Onze officiële AI-route is ${choices.officialRouteUrl}: gebruik die voor alles met klantgegevens.`
          : `Our official AI route is ${choices.officialRouteUrl}: use it for anything with customer data.`,
      ]
    : [];

  const allowed = nl
    ? [
        "AI gebruiken voor teksten, samenvattingen, vertalingen en ideeën — met de goedgekeurde hulpmiddelen hierboven.",
        "Klantgegevens alleen in hulpmiddelen die daarvoor zijn goedgekeurd, en pas nadat namen en nummers zijn vervangen (pseudonimiseren).",
        "Elk AI-resultaat zelf controleren voordat het naar een klant gaat: jij blijft verantwoordelijk.",
        ...choices.extraAllowed,
      ]
    : [
        "Using AI for texts, summaries, translations and ideas — with the approved tools above.",
        "Customer data only in tools approved for it, and only after names and numbers are replaced (pseudonymised).",
        "Checking every AI result yourself before it goes to a customer: you remain responsible.",
        ...choices.extraAllowed,
      ];

  const notAllowed = nl
    ? [
        "Nooit in een niet-goedgekeurd hulpmiddel plakken: BSN, loonstroken, getekende contracten, klantlijsten, wachtwoorden, API-sleutels, medische of financiële gegevens.",
        "Geen klantgegevens in gratis AI-tools of consumentenversies, ook niet 'even snel'.",
        "Geen nieuwe AI-hulpmiddelen, plug-ins of browserextensies gebruiken zonder goedkeuring.",
        "AI niet zelfstandig laten beslissen over mensen (sollicitanten, klanten, krediet) zonder menselijke controle.",
        ...choices.extraNotAllowed,
      ]
    : [
        "Never paste into a non-approved tool: BSNs (citizen service numbers), salary slips, signed contracts, customer lists, passwords, API keys, medical or financial data.",
        "No customer data in free AI tools or consumer plans, not even 'just quickly'.",
        "No new AI tools, plug-ins or browser extensions without approval.",
        "Do not let AI decide about people (applicants, customers, credit) without human review.",
        ...choices.extraNotAllowed,
      ];

  const always = nl
    ? [
        "Tweestapsverificatie (2FA) aan op elk AI-account.",
        "Vraagt iemand om geld, wachtwoorden of gegevens — ook met een bekende stem? Bel terug op een bekend nummer.",
        "Elk kwartaal doe je mee aan de korte AI-training.",
      ]
    : [
        "Two-factor authentication (2FA) on every AI account.",
        "Someone asks for money, passwords or data — even in a familiar voice? Call back on a known number.",
        "Join the short AI training every quarter.",
      ];

  const approval =
    choices.approvalProcess ??
    (nl
      ? `Vraag een nieuw hulpmiddel aan bij ${choices.responsible.name}: welk hulpmiddel, welke versie, voor welk werk en welke gegevens. Wij controleren de versie, of training uit staat, 2FA en de verwerkersovereenkomst, en zetten het in het AI-register. Pas na goedkeuring gebruiken.`
      : `Request a new tool from ${choices.responsible.name}: which tool, which plan, for which work and which data. We check the plan, whether training is off, 2FA and the data processing agreement, and add it to the AI register. Use it only after approval.`);

  const sections: PolicySection[] = nl
    ? [
        { heading: "Onze keuze", paragraphs: [TIER_CHOICE[choices.tierChoice].nl, ...route], bullets: [] },
        { heading: "Goedgekeurde AI-hulpmiddelen", paragraphs: [], bullets: toolLines },
        { heading: "Dit mag", paragraphs: [], bullets: allowed },
        { heading: "Dit mag niet", paragraphs: [], bullets: notAllowed },
        { heading: "Altijd", paragraphs: [], bullets: always },
        {
          heading: "Twijfel je?",
          paragraphs: [
            `Niet plakken, eerst vragen: ${person(choices.doubtContact)}.`,
            `Toch iets gedeeld of een datalek? Meld het meteen bij ${person(choices.responsible)}: we hebben 72 uur om de Autoriteit Persoonsgegevens te informeren.`,
          ],
          bullets: [],
        },
        {
          heading: "Verantwoordelijk en register",
          paragraphs: [
            `Verantwoordelijk voor dit beleid: ${person(choices.responsible)}.`,
            `Het AI-register (welke tools, wie, welke gegevens, welke versie) staat op: ${choices.registerLocation}.`,
          ],
          bullets: [],
        },
        { heading: "Nieuwe hulpmiddelen", paragraphs: [approval], bullets: [] },
      ]
    : [
        { heading: "Our choice", paragraphs: [TIER_CHOICE[choices.tierChoice].en, ...route], bullets: [] },
        { heading: "Approved AI tools", paragraphs: [], bullets: toolLines },
        { heading: "Allowed", paragraphs: [], bullets: allowed },
        { heading: "Not allowed", paragraphs: [], bullets: notAllowed },
        { heading: "Always", paragraphs: [], bullets: always },
        {
          heading: "In doubt?",
          paragraphs: [
            `Do not paste, ask first: ${person(choices.doubtContact)}.`,
            `Shared something anyway, or a data leak? Report it at once to ${person(choices.responsible)}: we have 72 hours to notify the Dutch Data Protection Authority.`,
          ],
          bullets: [],
        },
        {
          heading: "Responsibility and register",
          paragraphs: [
            `Responsible for this policy: ${person(choices.responsible)}.`,
            `The AI register (which tools, who, which data, which plan) is at: ${choices.registerLocation}.`,
          ],
          bullets: [],
        },
        { heading: "New tools", paragraphs: [approval], bullets: [] },
      ];

  // People read this page, so dates are written out ("23 november 2026"), not ISO.
  const effective = writtenDate(choices.effectiveDate, lang);
  const review = choices.reviewDate ? writtenDate(choices.reviewDate, lang) : undefined;
  return {
    lang,
    title: nl ? `AI-beleid van ${choices.companyName}` : `AI policy of ${choices.companyName}`,
    subtitle: nl
      ? `Geldig vanaf ${effective}${review ? `, herzien uiterlijk ${review}` : ""}. Eén pagina: lees het, houd je eraan, vraag bij twijfel.`
      : `Effective ${effective}${review ? `, review by ${review}` : ""}. One page: read it, follow it, ask when in doubt.`,
    sections,
    footer: nl
      ? "Gemaakt met Poortwachter. AI-verordening: AI-geletterdheid (art. 4) geldt sinds 2 februari 2025; AI-melding aan klanten (art. 50) vanaf 2 augustus 2026."
      : "Made with Poortwachter. EU AI Act: AI literacy (art. 4) applies since 2 February 2025; telling customers about AI (art. 50) from 2 August 2026.",
  };
}

/** `2026-11-23` as "23 november 2026" / "23 November 2026"; anything else unchanged. */
export function writtenDate(isoDate: string, lang: "nl" | "en"): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}
