/**
 * Domain model of the governance workbench. Every input that reaches the store, the API or the
 * rule check passes one of these schemas first, so the rest of the module can trust its data.
 * Domain-specific messages are bilingual ("Nederlands (English)") because the owner reads them in
 * the dashboard; generic type messages follow zod's locale (`z.config(z.locales.nl())`).
 */
import { z } from "zod";

const msg = (nl: string, en: string): string => `${nl} (${en})`;

const requiredText = (nl: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { error: msg(nl, en) })
    .max(4000);
const optionalText = z.string().trim().max(4000).optional();
const personName = (nl: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { error: msg(nl, en) })
    .max(200);

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date({ error: msg("Gebruik een datum als JJJJ-MM-DD", "use a date as YYYY-MM-DD") });
/** A moment with its UTC offset, e.g. `2026-11-03T09:30:00+01:00`. */
export const IsoDateTime = z.iso.datetime({
  offset: true,
  error: msg(
    "Gebruik een tijdstip als 2026-11-03T09:30:00+01:00",
    "use a timestamp with offset like 2026-11-03T09:30:00+01:00",
  ),
});
const Id = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, {
    error: msg(
      "Een id bestaat uit kleine letters, cijfers, punt, streepje of liggend streepje",
      "an id consists of lower-case letters, digits, dot, dash or underscore",
    ),
  });
const HttpUrl = z.url({ protocol: /^https?$/, error: msg("Geef een geldige http(s)-URL", "give a valid http(s) URL") });

/** The four rows of the Layer-2 table in DESIGN.md: which kind of data a kind of work touches. */
export const DataCategory = z.enum(["public", "customer", "sensitive", "special"], {
  error: msg(
    "Kies een gegevenssoort: public, customer, sensitive of special",
    "choose a data category: public, customer, sensitive or special",
  ),
});
export type DataCategory = z.infer<typeof DataCategory>;

/** How a tool is offered; decides which data it may see. */
export const Tier = z.enum(["consumer", "business", "local", "privacy-service"], {
  error: msg(
    "Kies een niveau: consumer, business, local of privacy-service",
    "choose a tier: consumer, business, local or privacy-service",
  ),
});
export type Tier = z.infer<typeof Tier>;

export const Lang = z.enum(["nl", "en"]);
export type Lang = z.infer<typeof Lang>;

/** A text in both languages the workbench speaks. */
export const Bilingual = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof Bilingual>;

export const Confidence = z.enum(["high", "medium", "low"]);
export type Confidence = z.infer<typeof Confidence>;

/** yes / no / not applicable (e.g. 2FA for a model that runs on your own laptop). */
export const YesNoNa = z.enum(["yes", "no", "n/a"]);
export type YesNoNa = z.infer<typeof YesNoNa>;

// ---------------------------------------------------------------------------------------------
// Tool catalogue
// ---------------------------------------------------------------------------------------------

export const CatalogueEntry = z.strictObject({
  id: Id,
  vendor: requiredText("Vul de leverancier in", "vendor is required"),
  product: requiredText("Vul de productnaam in", "product is required"),
  /** The plan name as the vendor sells it, e.g. "Plus" or "Business". */
  plan: requiredText("Vul het abonnement in", "plan is required"),
  tier: Tier,
  /** A free plan: the Layer-2 table allows at least a paid consumer plan even for public content. */
  freePlan: z.boolean().default(false),
  /** Whether your prompts are used for model training unless you switch it off. */
  trainsOnDataByDefault: z.boolean(),
  /** Exact settings path to switch training off; null when there is nothing to switch. */
  trainingOptOut: Bilingual.nullable(),
  /** Training excluded by contract (terms, DPA), not just by a switch the user can flip back. */
  contractualTrainingExclusion: z.boolean(),
  /** "available": the vendor offers EU storage/processing; "on-premises": runs on your own hardware. */
  euDataResidency: z.enum(["available", "unavailable", "on-premises", "unknown"]),
  dpa: z.strictObject({ available: z.boolean(), url: HttpUrl.optional() }),
  twoFactorAvailable: YesNoNa,
  /** Certifications relevant to a sector audit (ISO 27001, SOC 2, NEN 7510, HDS ...). */
  certifications: z.array(z.string().min(1)).default([]),
  priceIndication: requiredText("Geef een prijsindicatie", "price indication is required"),
  /** Vendor pages the facts come from. */
  sources: z.array(HttpUrl).min(1, { error: msg("Geef minstens één bron", "give at least one source") }),
  /** Month or day the facts were last checked, e.g. 2026-11. */
  checkedOn: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, {
    error: msg("Controledatum als JJJJ-MM of JJJJ-MM-DD", "checked date as YYYY-MM or YYYY-MM-DD"),
  }),
  confidence: Confidence,
  note: z.string().optional(),
  /** Entries added by the business itself rather than shipped with Poortwachter. */
  custom: z.boolean().default(false),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;
export type CatalogueEntryInput = z.input<typeof CatalogueEntry>;

// ---------------------------------------------------------------------------------------------
// Inventory and register of tools in use
// ---------------------------------------------------------------------------------------------

export const ApprovalStatus = z.enum(["requested", "approved", "rejected"], {
  error: msg("Kies een status: requested, approved of rejected", "choose a status: requested, approved or rejected"),
});
export type ApprovalStatus = z.infer<typeof ApprovalStatus>;

export const Approval = z
  .strictObject({
    status: ApprovalStatus,
    requestedBy: personName("Vul in wie de aanvraag deed", "requestedBy is required").optional(),
    requestedOn: IsoDate.optional(),
    decidedBy: personName("Vul in wie besloot", "decidedBy is required").optional(),
    decidedOn: IsoDate.optional(),
    reason: optionalText,
  })
  .superRefine((a, ctx) => {
    if (a.status !== "requested" && (!a.decidedBy || !a.decidedOn)) {
      ctx.addIssue({
        code: "custom",
        path: ["decidedBy"],
        message: msg(
          "Bij goedkeuren of afwijzen horen wie besloot en wanneer",
          "an approval or rejection needs who decided and when",
        ),
      });
    }
  });
export type Approval = z.infer<typeof Approval>;

/** A tool the business does not find in the catalogue. */
export const CustomTool = z.strictObject({
  name: requiredText("Vul de naam van het hulpmiddel in", "tool name is required"),
  vendor: requiredText("Vul de leverancier in", "vendor is required"),
  url: HttpUrl.optional(),
});
export type CustomTool = z.infer<typeof CustomTool>;

export const ToolInUse = z
  .strictObject({
    id: Id,
    catalogueEntryId: Id.optional(),
    customTool: CustomTool.optional(),
    users: z.array(personName("Lege gebruikersnaam", "empty user name")).default([]),
    teams: z.array(personName("Lege teamnaam", "empty team name")).default([]),
    /** Which rows of the Layer-2 table this tool is used for. */
    dataCategories: z
      .array(DataCategory)
      .min(1, { error: msg("Kies minstens één soort gegevens", "choose at least one data category") }),
    /** Free description of the work, e.g. "offertes en klantmails". */
    workDescription: optionalText,
    tierInUse: Tier,
    /** The EU data boundary / residency option is switched on for this account. */
    euDataResidencyEnabled: z.boolean().default(false),
    dpa: z
      .strictObject({
        signed: z.boolean(),
        signedOn: IsoDate.optional(),
        documentLocation: optionalText,
      })
      .default({ signed: false }),
    twoFactorEnforced: z.boolean().default(false),
    training: z
      .strictObject({ switchedOff: z.boolean(), verifiedOn: IsoDate.optional() })
      .default({ switchedOff: false }),
    /** A DPIA (data protection impact assessment) for special-category use. */
    dpiaCompletedOn: IsoDate.optional(),
    /** A sector audit or certification check (e.g. NEN 7510 for healthcare) done for this tool. */
    sectorAuditOn: IsoDate.optional(),
    lastQuarterlyCheckOn: IsoDate.optional(),
    responsiblePerson: personName("Vul een verantwoordelijke in", "responsible person is required"),
    approval: Approval,
    notes: optionalText,
  })
  .superRefine((t, ctx) => {
    if (Boolean(t.catalogueEntryId) === Boolean(t.customTool)) {
      ctx.addIssue({
        code: "custom",
        path: ["catalogueEntryId"],
        message: msg(
          "Kies óf een hulpmiddel uit de catalogus óf beschrijf een eigen hulpmiddel",
          "give either a catalogue entry or a custom tool, not both or neither",
        ),
      });
    }
    if (t.dpa.signed && !t.dpa.signedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["dpa", "signedOn"],
        message: msg("Vul de datum van de verwerkersovereenkomst in", "give the date the DPA was signed"),
      });
    }
    if (t.training.switchedOff && !t.training.verifiedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["training", "verifiedOn"],
        message: msg(
          "Vul in wanneer is gecontroleerd dat training uit staat",
          "give the date training was verified as switched off",
        ),
      });
    }
  });
export type ToolInUse = z.infer<typeof ToolInUse>;
export type ToolInUseInput = z.input<typeof ToolInUse>;

// ---------------------------------------------------------------------------------------------
// EU AI Act register (fields mirror the Algoritmeregister publication standard where sensible)
// ---------------------------------------------------------------------------------------------

export const AiActObligation = z.enum(["ai-literacy-art4", "transparency-art50", "high-risk-deployer-art26"]);
export type AiActObligation = z.infer<typeof AiActObligation>;

export const AiActRiskClass = z.enum(["prohibited", "high", "limited", "minimal"], {
  error: msg(
    "Kies een risicoklasse: prohibited, high, limited of minimal",
    "choose a risk class: prohibited, high, limited or minimal",
  ),
});
export type AiActRiskClass = z.infer<typeof AiActRiskClass>;

export const AiActRegisterEntry = z
  .strictObject({
    id: Id,
    /** Algoritmeregister "naam". */
    system: requiredText("Vul de naam van het AI-systeem in", "system name is required"),
    /** Algoritmeregister "doel en impact". */
    purpose: requiredText("Beschrijf het doel", "purpose is required"),
    description: optionalText,
    provider: requiredText("Vul de aanbieder in", "provider is required"),
    /** Link to the ToolInUse this system runs on, if any. */
    toolId: Id.optional(),
    /** A business that builds its own chatbot on a model API is likely the provider of that system. */
    role: z.enum(["deployer", "provider"]).default("deployer"),
    riskClass: AiActRiskClass,
    /** The system talks with people (chatbot, mail handler): art. 50(1). */
    interactsWithPeople: z.boolean().default(false),
    /** The system generates text, images or audio that is published: art. 50(2)/(4). */
    generatesContent: z.boolean().default(false),
    /** People are told they deal with AI (disclosure text in place). */
    disclosureInPlace: z.boolean().default(false),
    obligations: z.array(AiActObligation).default([]),
    /** Algoritmeregister "menselijke tussenkomst". */
    humanOversight: optionalText,
    /** Algoritmeregister "gebruikte data". */
    dataUsed: optionalText,
    /** Algoritmeregister "risicobeheer". */
    riskManagement: optionalText,
    /** Algoritmeregister "wettelijke basis". */
    legalBasis: optionalText,
    /** Where the DPIA or impact assessment lives. */
    impactAssessmentLocation: optionalText,
    status: z.enum(["in-development", "in-use", "retired"]).default("in-use"),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    responsiblePerson: personName("Vul een verantwoordelijke in", "responsible person is required"),
    contact: optionalText,
  })
  .superRefine((e, ctx) => {
    if (e.riskClass === "high" && !e.obligations.includes("high-risk-deployer-art26") && e.role === "deployer") {
      ctx.addIssue({
        code: "custom",
        path: ["obligations"],
        message: msg(
          "Een hoog-risicosysteem brengt de plichten van art. 26 AI-verordening mee",
          "a high-risk system carries the deployer duties of AI Act art. 26",
        ),
      });
    }
    if (e.interactsWithPeople && !e.obligations.includes("transparency-art50")) {
      ctx.addIssue({
        code: "custom",
        path: ["obligations"],
        message: msg(
          "Een systeem dat met mensen praat valt onder de transparantieplicht van art. 50",
          "a system that talks with people falls under the transparency duty of art. 50",
        ),
      });
    }
    if (e.startDate && e.endDate && e.endDate < e.startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: msg("De einddatum ligt vóór de begindatum", "the end date is before the start date"),
      });
    }
  });
export type AiActRegisterEntry = z.infer<typeof AiActRegisterEntry>;
export type AiActRegisterEntryInput = z.input<typeof AiActRegisterEntry>;

// ---------------------------------------------------------------------------------------------
// Incidents (GDPR art. 33(5): facts, effects, measures — for every breach, notified or not)
// ---------------------------------------------------------------------------------------------

export const DEFAULT_NOTIFICATION_HOURS = 72;

export const NotifyDecision = z
  .strictObject({
    decision: z.enum(["undecided", "notify", "do-not-notify"]),
    reasoning: optionalText,
    decidedBy: optionalText,
    decidedAt: IsoDateTime.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.decision !== "undecided" && !d.reasoning) {
      ctx.addIssue({
        code: "custom",
        path: ["reasoning"],
        message: msg(
          "Leg uit waarom wel of niet gemeld wordt (AVG art. 33 lid 5)",
          "explain why the breach is or is not notified (GDPR art. 33(5))",
        ),
      });
    }
  });
export type NotifyDecision = z.infer<typeof NotifyDecision>;

export const Incident = z
  .strictObject({
    id: Id,
    title: requiredText("Geef het incident een titel", "title is required"),
    kind: z.enum(["data-breach", "ai-incident"]),
    discoveredAt: IsoDateTime,
    occurredAt: IsoDateTime.optional(),
    facts: requiredText("Beschrijf wat er gebeurd is", "describe the facts"),
    effects: optionalText,
    measures: optionalText,
    dataSubjectCategories: z.array(z.string().trim().min(1)).default([]),
    approxDataSubjects: z.number().int().nonnegative().optional(),
    recordCategories: z.array(z.string().trim().min(1)).default([]),
    approxRecords: z.number().int().nonnegative().optional(),
    /** 72 hours under GDPR art. 33; configurable because the law may change. */
    notificationDeadlineHours: z.number().int().positive().max(720).default(DEFAULT_NOTIFICATION_HOURS),
    notifyDecision: NotifyDecision.default({ decision: "undecided" }),
    notifiedAt: IsoDateTime.optional(),
    /** Reference number the Autoriteit Persoonsgegevens returns. */
    reference: optionalText,
    dataSubjectsInformedAt: IsoDateTime.optional(),
    status: z.enum(["open", "notified", "closed"]).default("open"),
    handledBy: optionalText,
  })
  .superRefine((i, ctx) => {
    if (i.notifiedAt && i.notifyDecision.decision !== "notify") {
      ctx.addIssue({
        code: "custom",
        path: ["notifyDecision"],
        message: msg(
          "Er is gemeld, maar het besluit staat niet op 'notify'",
          "notifiedAt is set but the decision is not 'notify'",
        ),
      });
    }
    if (i.status === "notified" && !i.notifiedAt) {
      ctx.addIssue({
        code: "custom",
        path: ["notifiedAt"],
        message: msg("Vul in wanneer er gemeld is", "give the time of notification"),
      });
    }
    if (i.status === "closed" && (!i.measures || i.notifyDecision.decision === "undecided")) {
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: msg(
          "Sluit een incident pas af met maatregelen en een meldbesluit",
          "close an incident only with measures and a notification decision",
        ),
      });
    }
  });
export type Incident = z.infer<typeof Incident>;
export type IncidentInput = z.input<typeof Incident>;

// ---------------------------------------------------------------------------------------------
// Contacts (rule 10) and training (rules 11 and 12)
// ---------------------------------------------------------------------------------------------

export const ContactRole = z.enum(
  ["privacy-contact", "it-supplier", "legal-adviser", "ai-vendor-support", "data-protection-authority", "other"],
  {
    error: msg(
      "Kies een rol: privacy-contact, it-supplier, legal-adviser, ai-vendor-support, data-protection-authority of other",
      "choose a role: privacy-contact, it-supplier, legal-adviser, ai-vendor-support, data-protection-authority or other",
    ),
  },
);
export type ContactRole = z.infer<typeof ContactRole>;

export const Contact = z
  .strictObject({
    id: Id,
    role: ContactRole,
    name: requiredText("Vul een naam in", "name is required"),
    organisation: optionalText,
    phone: z.string().trim().max(40).optional(),
    email: z.email({ error: msg("Geef een geldig e-mailadres", "give a valid e-mail address") }).optional(),
    url: HttpUrl.optional(),
    /** For AI vendor support: the ToolInUse or catalogue id it belongs to. */
    toolId: Id.optional(),
    notes: optionalText,
  })
  .superRefine((c, ctx) => {
    if (!c.phone && !c.email && !c.url) {
      ctx.addIssue({
        code: "custom",
        path: ["phone"],
        message: msg(
          "Geef minstens een telefoonnummer, e-mailadres of website",
          "give at least a phone number, e-mail address or website",
        ),
      });
    }
  });
export type Contact = z.infer<typeof Contact>;
export type ContactInput = z.input<typeof Contact>;

export const TrainingTopic = z.enum([
  "ai-literacy",
  "privacy-settings",
  "pseudonymisation",
  "ai-policy",
  "phishing",
  "call-back",
  "incident-response",
  "other",
]);
export type TrainingTopic = z.infer<typeof TrainingTopic>;

export const TrainingSession = z.strictObject({
  id: Id,
  date: IsoDate,
  title: requiredText("Geef de training een titel", "title is required"),
  topics: z.array(TrainingTopic).min(1, { error: msg("Kies minstens één onderwerp", "choose at least one topic") }),
  attendees: z
    .array(personName("Lege naam deelnemer", "empty attendee name"))
    .min(1, { error: msg("Vul minstens één deelnemer in", "give at least one attendee") }),
  trainer: optionalText,
  /** A phishing or CEO-fraud exercise was part of the session (rule 11). */
  phishingExercise: z.boolean().default(false),
  /** People practised calling back on a known number (rule 11). */
  callBackExercise: z.boolean().default(false),
  materialsLocation: optionalText,
  notes: optionalText,
});
export type TrainingSession = z.infer<typeof TrainingSession>;
export type TrainingSessionInput = z.input<typeof TrainingSession>;

// ---------------------------------------------------------------------------------------------
// Policy choices (input of the one-page policy)
// ---------------------------------------------------------------------------------------------

const PersonRef = z.strictObject({
  name: personName("Vul een naam in", "name is required"),
  email: z.email({ error: msg("Geef een geldig e-mailadres", "give a valid e-mail address") }).optional(),
  phone: z.string().trim().max(40).optional(),
});
export type PersonRef = z.infer<typeof PersonRef>;

export const PolicyChoices = z.strictObject({
  companyName: requiredText("Vul de bedrijfsnaam in", "company name is required"),
  /** ToolInUse ids that are approved for work. */
  approvedToolIds: z.array(Id).default([]),
  /** The one tier choice for customer work. */
  tierChoice: z.enum(["business", "local", "gateway-only"]).default("business"),
  /** The official AI route (the gateway's chat URL), if the business runs Poortwachter. */
  officialRouteUrl: HttpUrl.optional(),
  extraAllowed: z.array(z.string().trim().min(1).max(300)).default([]),
  extraNotAllowed: z.array(z.string().trim().min(1).max(300)).default([]),
  responsible: PersonRef,
  doubtContact: PersonRef,
  /** Free text replacing the default approval process. */
  approvalProcess: optionalText,
  registerLocation: requiredText("Vul in waar het AI-register staat", "register location is required"),
  effectiveDate: IsoDate,
  reviewDate: IsoDate.optional(),
});
export type PolicyChoices = z.infer<typeof PolicyChoices>;
export type PolicyChoicesInput = z.input<typeof PolicyChoices>;

// ---------------------------------------------------------------------------------------------
// Facts from the gateway and shadow-AI rounds
// ---------------------------------------------------------------------------------------------

export const GatewayFacts = z.strictObject({
  /** The gateway is running and is the official route. */
  inUse: z.boolean(),
  /** Pseudonymisation of customer data is switched on in the policy. */
  pseudonymisationEnabled: z.boolean().default(false),
  keys: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        owner: z.string().optional(),
        dailyBudget: z.number().positive().optional(),
        monthlyBudget: z.number().positive().optional(),
      }),
    )
    .default([]),
  /** Requests routed through the gateway in the last 30 days. */
  requestsLast30Days: z.number().int().nonnegative().default(0),
});
export type GatewayFacts = z.infer<typeof GatewayFacts>;

export const ShadowAiRound = z.strictObject({
  date: IsoDate,
  source: z.string().trim().min(1).max(200),
  toolsFound: z.number().int().nonnegative(),
  unregisteredTools: z.array(z.string().min(1)).default([]),
});
export type ShadowAiRound = z.infer<typeof ShadowAiRound>;

/** Everything the 12-rule check looks at, in one value. */
export const GovernanceSnapshot = z.strictObject({
  organisation: z.strictObject({
    name: requiredText("Vul de bedrijfsnaam in", "organisation name is required"),
    employees: z.number().int().positive().optional(),
  }),
  tools: z.array(ToolInUse).default([]),
  /** Entries the business added itself, next to the shipped catalogue. */
  customCatalogue: z.array(CatalogueEntry).default([]),
  register: z.array(AiActRegisterEntry).default([]),
  incidents: z.array(Incident).default([]),
  contacts: z.array(Contact).default([]),
  trainings: z.array(TrainingSession).default([]),
  shadowAiRounds: z.array(ShadowAiRound).default([]),
  policy: PolicyChoices.optional(),
  gateway: GatewayFacts.optional(),
});
export type GovernanceSnapshot = z.infer<typeof GovernanceSnapshot>;
export type GovernanceSnapshotInput = z.input<typeof GovernanceSnapshot>;

/** Flattens a zod error into "path: message" lines for a CLI or API error body. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
