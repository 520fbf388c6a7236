/**
 * What a person reads when Poortwachter refuses or reroutes a request: why, and what to do now.
 * Dutch first (the team), English alongside (tools and IT suppliers).
 */
import type { EntityType } from "../detect/index.js";
import type { Classification } from "./classify.js";
import type { KeywordCategory } from "./keywords.js";
import type { DataClass, Message } from "./types.js";

export const CLASS_LABELS: Readonly<Record<DataClass, Message>> = {
  public: { nl: "geen klantgegevens", en: "no customer data" },
  customer: { nl: "klantgegevens", en: "customer data" },
  sensitive: { nl: "gevoelige klantgegevens", en: "sensitive customer data" },
  special: { nl: "bijzondere persoonsgegevens", en: "special-category personal data" },
};

export const TIER_REQUIREMENTS: Readonly<Record<DataClass, Message>> = {
  public: { nl: "elk ingesteld model", en: "any configured model" },
  customer: {
    nl: "een zakelijk contract zonder training op uw gegevens",
    en: "a business contract without training on your data",
  },
  sensitive: {
    nl: "een zakelijk contract, opslag binnen de EU en een verwerkersovereenkomst",
    en: "a business contract, EU data residency and a data processing agreement",
  },
  special: {
    nl: "een lokaal model, of een zakelijk contract met EU-opslag, verwerkersovereenkomst, sectoraudit en DPIA",
    en: "a local model, or a business contract with EU residency, a DPA, a sector audit and a DPIA",
  },
};

const CATEGORY_LABELS: Readonly<Record<KeywordCategory, Message>> = {
  health: { nl: "gezondheid", en: "health" },
  religion: { nl: "geloof", en: "religion" },
  ethnicity: { nl: "etnische afkomst", en: "ethnicity" },
  "sexual-orientation": { nl: "seksuele geaardheid", en: "sexual orientation" },
  "trade-union": { nl: "vakbondslidmaatschap", en: "trade-union membership" },
  biometric: { nl: "biometrische gegevens", en: "biometric data" },
  genetic: { nl: "genetische gegevens", en: "genetic data" },
  political: { nl: "politieke voorkeur", en: "political opinions" },
  criminal: { nl: "strafrechtelijke gegevens", en: "criminal records" },
  salary: { nl: "salaris", en: "salary" },
  financial: { nl: "financiële gegevens", en: "financial data" },
  employment: { nl: "arbeidsrelatie", en: "employment" },
};

const ENTITY_LABELS: Readonly<Record<EntityType, Message>> = {
  PERSON: { nl: "namen", en: "names" },
  ORGANIZATION: { nl: "bedrijfsnamen", en: "company names" },
  EMAIL: { nl: "e-mailadressen", en: "email addresses" },
  PHONE: { nl: "telefoonnummers", en: "phone numbers" },
  ADDRESS: { nl: "adressen", en: "addresses" },
  POSTCODE: { nl: "postcodes", en: "postcodes" },
  BSN: { nl: "BSN", en: "BSN" },
  IBAN: { nl: "IBAN", en: "IBAN" },
  CREDIT_CARD: { nl: "creditcardnummers", en: "credit card numbers" },
  DATE_OF_BIRTH: { nl: "geboortedata", en: "dates of birth" },
  KVK: { nl: "KvK-nummers", en: "Chamber of Commerce numbers" },
  VAT_ID: { nl: "btw-nummers", en: "VAT numbers" },
  LICENSE_PLATE: { nl: "kentekens", en: "licence plates" },
  ID_DOCUMENT: { nl: "identiteitsbewijzen", en: "identity documents" },
  IP_ADDRESS: { nl: "IP-adressen", en: "IP addresses" },
  SECRET: { nl: "geheimen", en: "secrets" },
};

/** "gezondheid, namen" — the kinds of data that decided the class, strongest first. */
export function describeFindings(classification: Classification): Message {
  const entries = classification.reasons
    .filter((r) => r.dataClass === classification.dataClass)
    .map((r) =>
      r.source === "entity" ? ENTITY_LABELS[r.entityType] : r.source === "keyword" ? CATEGORY_LABELS[r.category] : null,
    )
    .filter((m): m is Message => m !== null);
  if (entries.length === 0) return CLASS_LABELS[classification.dataClass];
  return { nl: entries.map((e) => e.nl).join(", "), en: entries.map((e) => e.en).join(", ") };
}

export const MESSAGES = {
  secret: {
    nl: "Dit bericht bevat een wachtwoord, API-sleutel of ander geheim. Geheimen mogen nooit naar een AI-dienst. Haal het geheim weg of gebruik [GEHEIM] als aanduiding. Was het echt? Vervang de sleutel of het wachtwoord dan meteen.",
    en: "This message contains a password, API key or other secret. Secrets must never be sent to an AI service. Remove it or write [SECRET] instead. If it was real, rotate the key or password now.",
  },
  bsn: {
    nl: "Dit bericht bevat een BSN. BSN's mogen nooit naar een AI-dienst. Haal het nummer weg of gebruik [BSN] als aanduiding.",
    en: "This message contains a citizen service number (BSN). BSNs must never be sent to an AI service. Remove the number or write [BSN] instead.",
  },
  injectionRefused: {
    nl: "Een document of toolresultaat in dit verzoek bevat verborgen instructies voor het AI-model (onzichtbare tekens, verborgen tekst of zinnen als 'negeer alle vorige instructies'). Het verzoek is daarom niet doorgestuurd. Controleer de bron of vraag de beheerder om hulp.",
    en: "A document or tool result in this request contains hidden instructions for the AI model (invisible characters, hidden text or phrases such as 'ignore all previous instructions'). The request was not forwarded. Check the source or ask your administrator.",
  },
  approvalRequired: {
    nl: "Dit verzoek laat het AI-model tools gebruiken terwijl er klantgegevens in staan. Volgens het AI-beleid moet een collega dat eerst goedkeuren. Vraag goedkeuring aan de beheerder, of stuur het verzoek zonder tools of zonder klantgegevens.",
    en: "This request lets the AI model call tools while it contains customer data. The AI policy requires a person's approval first. Ask your administrator for approval, or send the request without tools or without customer data.",
  },
  toolsRefused: {
    nl: "Dit verzoek laat het AI-model tools gebruiken terwijl er klantgegevens in staan. Dat staat het AI-beleid niet toe. Stuur het verzoek zonder tools, of haal de klantgegevens weg.",
    en: "This request lets the AI model call tools while it contains customer data. The AI policy does not allow that. Send the request without tools, or remove the customer data.",
  },
  policyError: {
    nl: "Poortwachter kon dit verzoek niet veilig beoordelen en heeft het daarom niet doorgestuurd. Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder.",
    en: "Poortwachter could not assess this request safely, so it was not forwarded. Try again; if it keeps failing, contact your administrator.",
  },
} as const satisfies Record<string, Message>;

export function specialBlockedMessage(found: Message): Message {
  return {
    nl: `Dit bericht bevat bijzondere persoonsgegevens (${found.nl}). Volgens het AI-beleid mogen die niet naar een AI-dienst. Haal die gegevens weg of beschrijf de situatie zonder dat iemand herkenbaar is.`,
    en: `This message contains special-category personal data (${found.en}). The AI policy does not allow sending it to an AI service. Remove that data or describe the situation without anyone being identifiable.`,
  };
}

export function unknownModelMessage(model: string, available: readonly string[]): Message {
  const list = available.length > 0 ? available.join(", ") : null;
  return {
    nl: `Het model "${model}" is niet ingesteld in Poortwachter. ${list ? `Beschikbaar: ${list}.` : "Er is nog geen enkel model ingesteld: vraag de beheerder een provider toe te voegen in poortwachter.yaml."}`,
    en: `The model "${model}" is not configured in Poortwachter. ${list ? `Available: ${list}.` : "No model is configured yet: ask your administrator to add a provider to poortwachter.yaml."}`,
  };
}

export function teamModelMessage(model: string, team: string): Message {
  return {
    nl: `Team "${team}" mag het model "${model}" niet gebruiken, en er is geen toegestaan model dat deze gegevens mag ontvangen. Kies een ander model of vraag de beheerder.`,
    en: `Team "${team}" may not use the model "${model}", and no allowed model may receive this data. Choose another model or ask your administrator.`,
  };
}

export function tierTooLowMessage(model: string, dataClass: DataClass, found: Message, rerouteTried: boolean): Message {
  const needs = TIER_REQUIREMENTS[dataClass];
  return {
    nl: `Dit bericht bevat ${CLASS_LABELS[dataClass].nl} (${found.nl}). Het model "${model}" mag die niet ontvangen${rerouteTried ? " en er is geen ander model ingesteld dat het wel mag" : ""}. Haal de gegevens weg, of laat de beheerder een model instellen met ${needs.nl}.`,
    en: `This message contains ${CLASS_LABELS[dataClass].en} (${found.en}). The model "${model}" may not receive it${rerouteTried ? " and no other configured model may" : ""}. Remove that data, or ask your administrator to configure a model with ${needs.en}.`,
  };
}

export function reroutedMessage(from: string, to: string, dataClass: DataClass): Message {
  return {
    nl: `Dit bericht bevat ${CLASS_LABELS[dataClass].nl}; daarom is het naar "${to}" gestuurd in plaats van "${from}". Persoonsgegevens zijn vervangen door aanduidingen.`,
    en: `This message contains ${CLASS_LABELS[dataClass].en}, so it was sent to "${to}" instead of "${from}". Personal data was replaced by placeholders.`,
  };
}

export function forwardedMessage(model: string): Message {
  return {
    nl: `Doorgestuurd naar "${model}". Persoonsgegevens zijn vervangen door aanduidingen.`,
    en: `Forwarded to "${model}". Personal data was replaced by placeholders.`,
  };
}
