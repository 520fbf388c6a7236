import type {
  AiActRegisterEntryInput,
  ContactInput,
  IncidentInput,
  ToolInUseInput,
  TrainingSessionInput,
} from "../../governance/model.js";

/** Made-up governance records for tests; names and numbers are invented. */

export function sampleTool(overrides: Partial<ToolInUseInput> = {}): ToolInUseInput {
  return {
    id: "chatgpt-team",
    catalogueEntryId: "openai-chatgpt-business",
    users: ["Fenna Wiersma", "Ruud Kamphuis"],
    teams: ["Verkoop"],
    dataCategories: ["customer"],
    tierInUse: "business",
    responsiblePerson: "Fenna Wiersma",
    approval: { status: "requested", requestedBy: "Ruud Kamphuis", requestedOn: "2026-10-01" },
    ...overrides,
  };
}

export function sampleRegisterEntry(overrides: Partial<AiActRegisterEntryInput> = {}): AiActRegisterEntryInput {
  return {
    id: "klantenservice-bot",
    system: "Klantenservice-chatbot",
    purpose: "Beantwoordt vragen over levertijden op de website",
    provider: "OpenAI",
    riskClass: "limited",
    interactsWithPeople: true,
    obligations: ["transparency-art50", "ai-literacy-art4"],
    responsiblePerson: "Fenna Wiersma",
    ...overrides,
  };
}

export function sampleIncident(overrides: Partial<IncidentInput> = {}): IncidentInput {
  return {
    id: "lek-offertes",
    title: "Offertelijst in gratis chatbot geplakt",
    kind: "data-breach",
    discoveredAt: "2026-11-02T10:00:00+01:00",
    facts: "Een medewerker plakte een lijst met klantnamen in een gratis AI-dienst.",
    ...overrides,
  };
}

export function sampleContact(overrides: Partial<ContactInput> = {}): ContactInput {
  return {
    id: "it-leverancier",
    role: "it-supplier",
    name: "Bram Oosterhuis",
    organisation: "Kantoorsystemen Noord",
    phone: "050 123 4567",
    ...overrides,
  };
}

export function sampleTraining(overrides: Partial<TrainingSessionInput> = {}): TrainingSessionInput {
  return {
    id: "training-q4",
    date: "2026-10-15",
    title: "AI-geletterdheid en terugbellen",
    topics: ["ai-literacy", "call-back"],
    attendees: ["Fenna Wiersma", "Ruud Kamphuis"],
    callBackExercise: true,
    ...overrides,
  };
}
