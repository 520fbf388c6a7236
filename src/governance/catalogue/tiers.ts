/**
 * The Layer-2 table of DESIGN.md as code: which kind of data may go to which tier of AI service.
 * `isTierSufficient` judges what a catalogue entry *can* offer; `checkToolUsage` judges how a tool is
 * actually set up (DPA signed, EU residency switched on, DPIA done), which is what the owner must fix.
 */
import type { Bilingual, CatalogueEntry, DataCategory, Tier, ToolInUse } from "../model.js";

export interface TierRequirement {
  category: DataCategory;
  /** Tiers that can qualify once the other conditions hold. */
  tiers: readonly Tier[];
  paidPlanRequired: boolean;
  euResidencyRequired: boolean;
  euResidencyRecommended: boolean;
  dpaRequired: boolean;
  sectorAuditAndDpiaRequired: boolean;
  summary: Bilingual;
}

const REQUIREMENTS: Record<DataCategory, TierRequirement> = {
  public: {
    category: "public",
    tiers: ["consumer", "business", "local", "privacy-service"],
    paidPlanRequired: true,
    euResidencyRequired: false,
    euResidencyRecommended: false,
    dpaRequired: false,
    sectorAuditAndDpiaRequired: false,
    summary: {
      nl: "Marketingteksten en eigen content zonder klantgegevens: minimaal een betaalde consumentenversie (training uit) of een zakelijke versie.",
      en: "Marketing texts and own content without customer data: at least a paid consumer plan (training off) or a business plan.",
    },
  },
  customer: {
    category: "customer",
    tiers: ["business", "local", "privacy-service"],
    paidPlanRequired: true,
    euResidencyRequired: false,
    euResidencyRecommended: true,
    dpaRequired: true,
    sectorAuditAndDpiaRequired: false,
    summary: {
      nl: "Klantmails, offertes en contracten: een zakelijke versie met verwerkersovereenkomst; dataopslag in de EU aanbevolen.",
      en: "Customer mails, quotes and contracts: a business plan with a DPA; EU data residency recommended.",
    },
  },
  sensitive: {
    category: "sensitive",
    tiers: ["business", "local", "privacy-service"],
    paidPlanRequired: true,
    euResidencyRequired: true,
    euResidencyRecommended: true,
    dpaRequired: true,
    sectorAuditAndDpiaRequired: false,
    summary: {
      nl: "CRM-gegevens, contracten en financiële gegevens: een zakelijke versie met EU-datagrens en verwerkersovereenkomst.",
      en: "CRM data, contracts and financial data: a business plan with an EU data boundary and a DPA.",
    },
  },
  special: {
    category: "special",
    tiers: ["business", "local"],
    paidPlanRequired: true,
    euResidencyRequired: true,
    euResidencyRecommended: true,
    dpaRequired: true,
    sectorAuditAndDpiaRequired: true,
    summary: {
      nl: "Zorg-, financiële en juridische gegevens (bijzondere categorieën): een zakelijke versie met EU-datagrens, verwerkersovereenkomst, sectoraudit en DPIA — of een lokaal model.",
      en: "Healthcare, finance and legal data (special categories): a business plan with EU data boundary, DPA, sector audit and DPIA — or a local model.",
    },
  },
};

export function minimumTierFor(category: DataCategory): TierRequirement {
  return REQUIREMENTS[category];
}

export interface TierVerdict {
  category: DataCategory;
  sufficient: boolean;
  /** Why it is not sufficient (empty when sufficient). */
  problems: Bilingual[];
  /** What still has to be in place for the verdict to hold (for a catalogue entry: steps to take). */
  conditions: Bilingual[];
  /** Recommendations that do not block. */
  advice: Bilingual[];
}

const CATEGORY_LABEL: Record<DataCategory, Bilingual> = {
  public: { nl: "openbare content", en: "public content" },
  customer: { nl: "klantgegevens", en: "customer data" },
  sensitive: { nl: "gevoelige klantgegevens", en: "sensitive customer data" },
  special: { nl: "bijzondere persoonsgegevens", en: "special-category data" },
};

export function categoryLabel(category: DataCategory): Bilingual {
  return CATEGORY_LABEL[category];
}

/** The facts that decide a verdict, whether they come from the catalogue or from the tool's set-up. */
interface Capabilities {
  name: string;
  tier: Tier;
  freePlan: boolean;
  trainsOnDataByDefault: boolean;
  euResidency: boolean;
  dpa: boolean;
  sectorAudit: boolean;
  dpia: boolean;
}

function judge(c: Capabilities, category: DataCategory, mode: "capability" | "usage"): TierVerdict {
  const req = REQUIREMENTS[category];
  const label = CATEGORY_LABEL[category];
  const problems: Bilingual[] = [];
  const conditions: Bilingual[] = [];
  const advice: Bilingual[] = [];
  const verdict = (): TierVerdict => ({ category, sufficient: problems.length === 0, problems, conditions, advice });

  // Data that never leaves your own machines needs no contract with a vendor.
  if (c.tier === "local") return verdict();

  if (!req.tiers.includes(c.tier)) {
    problems.push(
      c.tier === "consumer"
        ? {
            nl: `${c.name} is een consumentenversie: gebruik die nooit voor ${label.nl}. Kies een zakelijke versie of een lokaal model.`,
            en: `${c.name} is a consumer plan: never use it for ${label.en}. Choose a business plan or a local model.`,
          }
        : {
            nl: `${c.name} (${c.tier}) is niet geschikt voor ${label.nl}. Kies een zakelijke versie of een lokaal model.`,
            en: `${c.name} (${c.tier}) is not suitable for ${label.en}. Choose a business plan or a local model.`,
          },
    );
    return verdict();
  }
  if (req.paidPlanRequired && c.freePlan && c.tier === "consumer") {
    problems.push({
      nl: `${c.name} is een gratis versie: gebruik minimaal een betaalde versie met training uit, ook voor ${label.nl}.`,
      en: `${c.name} is a free plan: use at least a paid plan with training switched off, even for ${label.en}.`,
    });
  }
  if (c.trainsOnDataByDefault && c.tier === "consumer") {
    advice.push({
      nl: `Zet training op jullie gegevens uit in ${c.name}.`,
      en: `Switch off training on your data in ${c.name}.`,
    });
  }
  const missing = (what: Bilingual, step: Bilingual): void => {
    if (mode === "usage") problems.push(what);
    else conditions.push(step);
  };
  if (req.dpaRequired && !c.dpa) {
    if (mode === "capability") {
      problems.push({
        nl: `${c.name} biedt geen verwerkersovereenkomst; die is nodig voor ${label.nl} (AVG art. 28).`,
        en: `${c.name} offers no data processing agreement; one is required for ${label.en} (GDPR art. 28).`,
      });
    } else {
      problems.push({
        nl: `Er is geen verwerkersovereenkomst getekend voor ${c.name}; die is nodig voor ${label.nl} (AVG art. 28).`,
        en: `No data processing agreement is signed for ${c.name}; one is required for ${label.en} (GDPR art. 28).`,
      });
    }
  } else if (req.dpaRequired && mode === "capability") {
    conditions.push({ nl: "Teken de verwerkersovereenkomst.", en: "Sign the data processing agreement." });
  }
  if (req.euResidencyRequired) {
    if (!c.euResidency) {
      if (mode === "capability") {
        problems.push({
          nl: `${c.name} biedt geen (bevestigde) dataopslag in de EU; die is nodig voor ${label.nl}.`,
          en: `${c.name} offers no (confirmed) EU data residency; it is required for ${label.en}.`,
        });
      } else {
        problems.push({
          nl: `Dataopslag in de EU staat niet aan voor ${c.name}; die is nodig voor ${label.nl}.`,
          en: `EU data residency is not switched on for ${c.name}; it is required for ${label.en}.`,
        });
      }
    } else if (mode === "capability") {
      conditions.push({
        nl: "Zet de EU-datagrens / EU-opslag aan.",
        en: "Switch on the EU data boundary / EU residency.",
      });
    }
  } else if (req.euResidencyRecommended && !c.euResidency) {
    advice.push({
      nl: `Kies bij voorkeur een dienst met dataopslag in de EU voor ${label.nl}.`,
      en: `Prefer a service with EU data residency for ${label.en}.`,
    });
  }
  if (req.sectorAuditAndDpiaRequired) {
    if (!c.sectorAudit) {
      missing(
        {
          nl: `Er is geen sectoraudit (bijv. NEN 7510, ISO 27001) vastgelegd voor ${c.name}.`,
          en: `No sector audit (e.g. NEN 7510, ISO 27001) is recorded for ${c.name}.`,
        },
        {
          nl: "Laat een sectoraudit uitvoeren of controleer de certificering.",
          en: "Run a sector audit or check the certification.",
        },
      );
    }
    if (!c.dpia) {
      missing(
        {
          nl: `Er is geen DPIA uitgevoerd voor ${c.name} met ${label.nl}.`,
          en: `No DPIA has been carried out for ${c.name} with ${label.en}.`,
        },
        { nl: "Voer een DPIA uit (AVG art. 35).", en: "Carry out a DPIA (GDPR art. 35)." },
      );
    }
  }
  return verdict();
}

const entryName = (e: CatalogueEntry): string => `${e.product} ${e.plan}`;

/** Can this catalogue entry, set up properly, be used for this kind of data? */
export function isTierSufficient(entry: CatalogueEntry, category: DataCategory): TierVerdict {
  return judge(
    {
      name: entryName(entry),
      tier: entry.tier,
      freePlan: entry.freePlan,
      trainsOnDataByDefault: entry.trainsOnDataByDefault,
      euResidency: entry.euDataResidency === "available" || entry.euDataResidency === "on-premises",
      dpa: entry.dpa.available,
      // A recorded certification makes an audit feasible; the audit itself is a step for the business.
      sectorAudit: false,
      dpia: false,
    },
    category,
    "capability",
  );
}

export interface UsageVerdict {
  toolId: string;
  name: string;
  sufficient: boolean;
  verdicts: TierVerdict[];
}

/** Is this tool, as the business has set it up, good enough for every kind of data it is used for? */
export function checkToolUsage(tool: ToolInUse, entry: CatalogueEntry | undefined): UsageVerdict {
  const name = entry ? entryName(entry) : (tool.customTool?.name ?? tool.id);
  const capabilities: Capabilities = {
    name,
    tier: tool.tierInUse,
    freePlan: entry?.freePlan === true && tool.tierInUse === entry.tier,
    trainsOnDataByDefault: entry?.trainsOnDataByDefault === true && !tool.training.switchedOff,
    euResidency: tool.euDataResidencyEnabled || entry?.euDataResidency === "on-premises",
    dpa: tool.dpa.signed,
    sectorAudit: tool.sectorAuditOn !== undefined,
    dpia: tool.dpiaCompletedOn !== undefined,
  };
  const verdicts = tool.dataCategories.map((category) => judge(capabilities, category, "usage"));
  return { toolId: tool.id, name, sufficient: verdicts.every((v) => v.sufficient), verdicts };
}
