/**
 * The EU AI Act duties a small business meets as a deployer (or as the provider of its own chatbot),
 * with the dates they apply from and where they come from. Dates follow Regulation (EU) 2024/1689,
 * art. 113, and the later postponement of the high-risk duties as recorded in facts.md (2 Dec 2027).
 */
import type { AiActObligation, AiActRegisterEntry, Bilingual } from "../model.js";

export interface ObligationInfo {
  id: AiActObligation;
  article: string;
  title: Bilingual;
  /** First day the duty applies. */
  appliesFrom: string;
  summary: Bilingual;
  sources: readonly string[];
}

const EUR_LEX = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj";

export const AI_ACT_OBLIGATIONS: Record<AiActObligation, ObligationInfo> = {
  "ai-literacy-art4": {
    id: "ai-literacy-art4",
    article: "art. 4",
    title: { nl: "AI-geletterdheid", en: "AI literacy" },
    appliesFrom: "2025-02-02",
    summary: {
      nl: "Zorg dat iedereen die met AI werkt genoeg weet over de kansen en risico's; leg trainingen vast. Toezicht vanaf 3 augustus 2026.",
      en: "Make sure everyone working with AI knows enough about its opportunities and risks; record trainings. Supervised from 3 August 2026.",
    },
    sources: [
      EUR_LEX,
      "https://www.autoriteitpersoonsgegevens.nl/themas/algoritmes-ai/ai-verordening/ai-geletterdheid",
    ],
  },
  "transparency-art50": {
    id: "transparency-art50",
    article: "art. 50",
    title: { nl: "Transparantie: vertel dat het AI is", en: "Transparency: say it is AI" },
    appliesFrom: "2026-08-02",
    summary: {
      nl: "Mensen die met een AI-systeem praten (chatbot, mailafhandeling) moeten dat weten, tenzij het overduidelijk is; door AI gemaakte of bewerkte inhoud moet herkenbaar zijn.",
      en: "People talking to an AI system (chatbot, mail handler) must be told so unless it is obvious; AI-generated or manipulated content must be recognisable.",
    },
    sources: [EUR_LEX],
  },
  "high-risk-deployer-art26": {
    id: "high-risk-deployer-art26",
    article: "art. 26",
    title: { nl: "Plichten bij hoog-risico-AI", en: "Duties for high-risk AI" },
    appliesFrom: "2027-12-02",
    summary: {
      nl: "Gebruik volgens de instructies, menselijk toezicht door bevoegde mensen, logbestanden bewaren, werknemers informeren (bijv. bij AI voor werving en selectie).",
      en: "Use according to the instructions, human oversight by competent people, keep the logs, inform workers (e.g. for AI in recruitment).",
    },
    sources: [EUR_LEX, "https://digital-strategy.ec.europa.eu/en/policies/regulatory-framework-ai"],
  },
};

/** The duties that follow from what the register entry says about the system. */
export function applicableObligations(
  entry: Pick<AiActRegisterEntry, "riskClass" | "interactsWithPeople" | "generatesContent">,
): AiActObligation[] {
  // Art. 4 applies to every deployer of any AI system, whatever its risk class.
  const duties: AiActObligation[] = ["ai-literacy-art4"];
  if (entry.interactsWithPeople || entry.generatesContent) duties.push("transparency-art50");
  if (entry.riskClass === "high") duties.push("high-risk-deployer-art26");
  return duties;
}

/** Duties the entry should list but does not, with the date each applies from. */
export function missingObligations(entry: AiActRegisterEntry): ObligationInfo[] {
  return applicableObligations(entry)
    .filter((id) => !entry.obligations.includes(id))
    .map((id) => AI_ACT_OBLIGATIONS[id]);
}
