/**
 * The Dutch supervisory authority as a ready-made entry for the contact sheet of rule 10. The AP
 * accepts breach notifications only through its online form — not by phone, post or e-mail — so the
 * sheet points to the form's instructions rather than to a phone number.
 */
import { Contact } from "../model.js";

export const AP_BREACH_NOTIFICATION_URL =
  "https://www.autoriteitpersoonsgegevens.nl/themas/beveiliging/datalekken/zo-meldt-u-een-datalek";

export const DATA_PROTECTION_AUTHORITY_CONTACT: Contact = Contact.parse({
  id: "autoriteit-persoonsgegevens",
  role: "data-protection-authority",
  name: "Autoriteit Persoonsgegevens",
  organisation: "Autoriteit Persoonsgegevens (AP)",
  url: AP_BREACH_NOTIFICATION_URL,
  notes:
    "Datalek melden binnen 72 uur na ontdekking, alleen via het online Meldformulier datalekken. / Notify a breach within 72 hours of discovery, only through the online breach notification form.",
});
