import type { EntityType } from "../detect/index.js";

export type LabelLanguage = "nl" | "en";

/** Placeholder labels. Dutch is the default because the people reading the model's answer are Dutch. */
export const PLACEHOLDER_LABELS: Readonly<Record<LabelLanguage, Readonly<Record<EntityType, string>>>> = {
  nl: {
    PERSON: "PERSOON",
    ORGANIZATION: "ORGANISATIE",
    EMAIL: "EMAIL",
    PHONE: "TELEFOON",
    ADDRESS: "ADRES",
    POSTCODE: "POSTCODE",
    BSN: "BSN",
    IBAN: "IBAN",
    CREDIT_CARD: "CREDITCARD",
    DATE_OF_BIRTH: "GEBOORTEDATUM",
    KVK: "KVK",
    VAT_ID: "BTW",
    LICENSE_PLATE: "KENTEKEN",
    ID_DOCUMENT: "ID_DOCUMENT",
    IP_ADDRESS: "IP_ADRES",
    SECRET: "GEHEIM",
  },
  en: {
    PERSON: "PERSON",
    ORGANIZATION: "ORGANIZATION",
    EMAIL: "EMAIL",
    PHONE: "PHONE",
    ADDRESS: "ADDRESS",
    POSTCODE: "POSTCODE",
    BSN: "BSN",
    IBAN: "IBAN",
    CREDIT_CARD: "CREDIT_CARD",
    DATE_OF_BIRTH: "DATE_OF_BIRTH",
    KVK: "KVK",
    VAT_ID: "VAT_ID",
    LICENSE_PLATE: "LICENSE_PLATE",
    ID_DOCUMENT: "ID_DOCUMENT",
    IP_ADDRESS: "IP_ADDRESS",
    SECRET: "SECRET",
  },
};

/** The canonical placeholder text, e.g. `[PERSOON_1]`. */
export function formatPlaceholder(type: EntityType, n: number, language: LabelLanguage): string {
  return `[${PLACEHOLDER_LABELS[language][type]}_${n}]`;
}

/** Lookup key for a placeholder however it was written: upper-case label, `_`, the digits as written. */
export function placeholderKey(label: string, digits: string): string {
  return `${label.toUpperCase()}_${digits}`;
}
