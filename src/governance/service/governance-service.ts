import { z } from "zod";
import { type DocumentRepository, RecordNotFoundError, type Store } from "../../store/index.js";
import {
  type Catalogue,
  checkToolUsage,
  createCatalogue,
  isTierSufficient,
  type UsageVerdict,
} from "../catalogue/index.js";
import { allDisclosureTexts, DisclosureOptions, type DisclosureText } from "../disclosure/index.js";
import { type NotificationCountdown, notificationCountdown } from "../incidents/index.js";
import {
  AiActRegisterEntry,
  type Bilingual,
  CatalogueEntry,
  Contact,
  type GatewayFacts,
  type GovernanceSnapshot,
  Incident,
  type Lang,
  PolicyChoices,
  type ShadowAiRound,
  ToolInUse,
  TrainingSession,
} from "../model.js";
import { generatePolicy, type PolicyFormat, PolicyTooLongError } from "../policy/index.js";
import { type CheckResult, evaluateRules } from "../rules/index.js";
import {
  analyseUsage,
  type GatewayUsageRecord,
  type LogFormat,
  parseLog,
  type ShadowAiFinding,
} from "../shadow-ai/index.js";
import { toCsv } from "./csv.js";
import { InputError, newId, StateError, validate } from "./validation.js";

export const Organisation = z.strictObject({
  name: z.string().trim().min(1, { error: "Vul de bedrijfsnaam in (organisation name is required)" }).max(200),
  employees: z.number().int().positive().optional(),
});
export type Organisation = z.infer<typeof Organisation>;

export const ApprovalDecision = z.strictObject({
  decision: z.enum(["approved", "rejected"], {
    error: "Kies approved of rejected (choose approved or rejected)",
  }),
  by: z.string().trim().min(1, { error: "Vul in wie besluit (who decides is required)" }).max(200),
  reason: z.string().trim().max(4000).optional(),
  on: z.iso.date({ error: "Gebruik een datum als JJJJ-MM-DD (use a date as YYYY-MM-DD)" }).optional(),
});
export type ApprovalDecision = z.infer<typeof ApprovalDecision>;

export interface ToolView {
  tool: ToolInUse;
  /** Catalogue name (product and plan) or the custom tool's name. */
  name: string;
  usage: UsageVerdict;
  /** The problems of every data category, flattened: empty when the tier fits the data. */
  warnings: Bilingual[];
  /**
   * What the catalogue says this plan can do for the tool's data: when it cannot qualify at all,
   * fixing the set-up will not help and another plan is needed.
   */
  catalogueFit: { sufficient: boolean; steps: Bilingual[] } | null;
}

export interface IncidentView {
  incident: Incident;
  countdown: NotificationCountdown;
}

export interface Export {
  contentType: string;
  fileName: string;
  body: string | Uint8Array;
}

export interface ShadowAiImportResult {
  importId: string;
  format: LogFormat;
  linesRead: number;
  /** Lines that did not fit the format. */
  junkLines: number;
  /** Log lines about hosts that are not AI services. */
  ignoredEvents: number;
  findings: ShadowAiFinding[];
  unregistered: ShadowAiFinding[];
}

export interface ShadowAiImportOptions {
  /** What the user called the log, e.g. its file name. */
  source: string;
  /** Forces a format; detected from the content when absent. */
  format?: LogFormat;
  /** Usage the gateway's own audit records show, counted with the log. */
  gateway?: readonly GatewayUsageRecord[];
}

/** The largest log accepted in one import; bigger logs should be split or pre-filtered. */
export const MAX_LOG_BYTES = 50 * 1024 * 1024;

const ORGANISATION_KEY = "organisation";
const POLICY_KEY = "policy-choices";
const GATEWAY_FACTS_KEY = "gateway-facts";

export interface GovernanceServiceOptions {
  /** The clock; fixed in tests so deadlines and due dates are reproducible. */
  now?: () => Date;
}

/** The use cases of the governance workbench, shared by the API and the CLI. */
export class GovernanceService {
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    options: GovernanceServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  // --- catalogue ------------------------------------------------------------------------------

  async catalogue(): Promise<Catalogue> {
    return createCatalogue(await this.store.customCatalogue.list());
  }

  async addCatalogueEntry(input: unknown): Promise<CatalogueEntry> {
    const entry = validate(CatalogueEntry, { ...(input as object), custom: true });
    const catalogue = await this.catalogue();
    if (catalogue.byId(entry.id)) {
      throw InputError.field(
        "id",
        `Catalogus-id "${entry.id}" bestaat al`,
        `catalogue id "${entry.id}" already exists`,
      );
    }
    return this.store.customCatalogue.insert(entry);
  }

  async deleteCatalogueEntry(id: string): Promise<void> {
    await this.store.customCatalogue.delete(id);
  }

  // --- tools in use and the approval flow -----------------------------------------------------

  async listTools(): Promise<ToolView[]> {
    const catalogue = await this.catalogue();
    return (await this.store.tools.list()).map((t) => this.viewTool(t, catalogue));
  }

  async getTool(id: string): Promise<ToolView> {
    return this.viewTool(await this.store.tools.require(id), await this.catalogue());
  }

  /**
   * Registers a tool. With a catalogue entry the tier defaults to the entry's tier and the id to a
   * readable form of the entry id; a new tool starts as "requested" unless the input decides.
   */
  async addTool(input: unknown): Promise<ToolView> {
    const raw = asObject(input);
    const catalogue = await this.catalogue();
    const entryId = typeof raw.catalogueEntryId === "string" ? raw.catalogueEntryId : undefined;
    const entry = entryId ? catalogue.byId(entryId) : undefined;
    if (entryId && !entry) {
      throw InputError.field(
        "catalogueEntryId",
        `"${entryId}" staat niet in de catalogus`,
        `"${entryId}" is not in the catalogue`,
      );
    }
    const label = entry?.id ?? (asObject(raw.customTool).name as string | undefined) ?? "tool";
    const tool = validate(ToolInUse, {
      id: newId(String(label)),
      ...(entry ? { tierInUse: entry.tier } : {}),
      approval: { status: "requested", requestedOn: this.today() },
      ...raw,
    });
    await this.store.tools.insert(tool);
    return this.viewTool(tool, catalogue);
  }

  async updateTool(id: string, input: unknown): Promise<ToolView> {
    const tool = validate(ToolInUse, { ...asObject(input), id });
    const catalogue = await this.catalogue();
    this.requireCatalogueEntry(tool, catalogue);
    await this.store.tools.update(tool);
    return this.viewTool(tool, catalogue);
  }

  async deleteTool(id: string): Promise<void> {
    await this.store.tools.delete(id);
  }

  /** Approve or reject a requested tool, recording who decided and when. */
  async decideTool(id: string, input: unknown): Promise<ToolView> {
    const decision = validate(ApprovalDecision, input);
    const tool = await this.store.tools.require(id);
    if (tool.approval.status !== "requested") {
      throw new StateError({
        nl: `Over "${id}" is al besloten (${tool.approval.status}); vraag het eerst opnieuw aan`,
        en: `"${id}" has already been decided (${tool.approval.status}); request it again first`,
      });
    }
    const updated = validate(ToolInUse, {
      ...tool,
      approval: {
        ...tool.approval,
        status: decision.decision,
        decidedBy: decision.by,
        decidedOn: decision.on ?? this.today(),
        ...(decision.reason ? { reason: decision.reason } : {}),
      },
    });
    await this.store.tools.update(updated);
    return this.viewTool(updated, await this.catalogue());
  }

  /** Puts a decided tool back to "requested", e.g. when it will be used for other data. */
  async requestTool(id: string, requestedBy: string, reason?: string): Promise<ToolView> {
    const tool = await this.store.tools.require(id);
    const updated = validate(ToolInUse, {
      ...tool,
      approval: {
        status: "requested",
        requestedBy,
        requestedOn: this.today(),
        ...(reason ? { reason } : {}),
      },
    });
    await this.store.tools.update(updated);
    return this.viewTool(updated, await this.catalogue());
  }

  private requireCatalogueEntry(tool: ToolInUse, catalogue: Catalogue): void {
    if (tool.catalogueEntryId && !catalogue.byId(tool.catalogueEntryId)) {
      throw InputError.field(
        "catalogueEntryId",
        `"${tool.catalogueEntryId}" staat niet in de catalogus`,
        `"${tool.catalogueEntryId}" is not in the catalogue`,
      );
    }
  }

  private viewTool(tool: ToolInUse, catalogue: Catalogue): ToolView {
    const entry = tool.catalogueEntryId ? catalogue.byId(tool.catalogueEntryId) : undefined;
    const usage = checkToolUsage(tool, entry);
    const capability = entry ? tool.dataCategories.map((category) => isTierSufficient(entry, category)) : [];
    const catalogueFit = entry
      ? { sufficient: capability.every((v) => v.sufficient), steps: dedupe(capability.flatMap((v) => v.conditions)) }
      : null;
    return { tool, name: usage.name, usage, warnings: usage.verdicts.flatMap((v) => v.problems), catalogueFit };
  }

  // --- EU AI Act register ---------------------------------------------------------------------

  readonly register = this.crud(
    () => this.store.register,
    AiActRegisterEntry,
    (raw) => String(raw.system ?? "systeem"),
  );

  async exportRegister(format: "csv" | "json"): Promise<Export> {
    const entries = await this.store.register.list();
    const date = this.today();
    if (format === "json") {
      return {
        contentType: "application/json; charset=utf-8",
        fileName: `ai-register-${date}.json`,
        body: `${JSON.stringify({ exportedOn: date, entries }, null, 2)}\n`,
      };
    }
    const columns = REGISTER_COLUMNS;
    return {
      contentType: "text/csv; charset=utf-8",
      fileName: `ai-register-${date}.csv`,
      body: toCsv(
        columns,
        entries.map((e) => columns.map((c) => e[c])),
      ),
    };
  }

  // --- incidents, contacts, training ------------------------------------------------------------

  readonly incidents = this.crud(
    () => this.store.incidents,
    Incident,
    (raw) => String(raw.title ?? "incident"),
  );

  async listIncidents(): Promise<IncidentView[]> {
    const now = this.now();
    return (await this.store.incidents.list()).map((incident) => ({
      incident,
      countdown: notificationCountdown(incident, now),
    }));
  }

  async viewIncident(id: string): Promise<IncidentView> {
    const incident = await this.store.incidents.require(id);
    return { incident, countdown: notificationCountdown(incident, this.now()) };
  }

  readonly contacts = this.crud(
    () => this.store.contacts,
    Contact,
    (raw) => String(raw.name ?? "contact"),
  );

  readonly trainings = this.crud(
    () => this.store.trainings,
    TrainingSession,
    (raw) => `training-${String(raw.date ?? "")}`,
  );

  // --- settings -------------------------------------------------------------------------------

  async getPolicyChoices(): Promise<PolicyChoices | undefined> {
    return this.store.settings.get(POLICY_KEY, PolicyChoices);
  }

  async setPolicyChoices(input: unknown): Promise<PolicyChoices> {
    const choices = validate(PolicyChoices, input);
    await this.store.settings.set(POLICY_KEY, choices);
    return choices;
  }

  /** The organisation's details; falls back to the company name of the policy choices. */
  async getOrganisation(): Promise<Organisation | undefined> {
    const stored = await this.store.settings.get(ORGANISATION_KEY, Organisation);
    if (stored) return stored;
    const policy = await this.getPolicyChoices();
    return policy ? { name: policy.companyName } : undefined;
  }

  async setOrganisation(input: unknown): Promise<Organisation> {
    const organisation = validate(Organisation, input);
    await this.store.settings.set(ORGANISATION_KEY, organisation);
    return organisation;
  }

  /** Facts the gateway reports (keys, budgets, usage); the gateway module writes them. */
  async setGatewayFacts(facts: GatewayFacts): Promise<void> {
    await this.store.settings.set(GATEWAY_FACTS_KEY, facts);
  }

  // --- the 12-rule check ----------------------------------------------------------------------

  async snapshot(): Promise<GovernanceSnapshot> {
    const [organisation, tools, customCatalogue, register, incidents, contacts, trainings, imports, policy, gateway] =
      await Promise.all([
        this.getOrganisation(),
        this.store.tools.list(),
        this.store.customCatalogue.list(),
        this.store.register.list(),
        this.store.incidents.list(),
        this.store.contacts.list(),
        this.store.trainings.list(),
        this.store.shadowAi.listImports(),
        this.getPolicyChoices(),
        this.store.settings.get(GATEWAY_FACTS_KEY, z.unknown()),
      ]);
    const shadowAiRounds: ShadowAiRound[] = imports.map((i) => ({
      date: i.importedAt.slice(0, 10),
      source: i.source.slice(0, 200) || "import",
      toolsFound: i.toolsFound,
      unregisteredTools: i.unregisteredTools,
    }));
    return {
      organisation: organisation ?? { name: "Mijn organisatie" },
      tools,
      customCatalogue,
      register,
      incidents,
      contacts,
      trainings,
      shadowAiRounds,
      ...(policy ? { policy } : {}),
      ...(gateway ? { gateway: gateway as GatewayFacts } : {}),
    };
  }

  async check(): Promise<CheckResult> {
    const snapshot = await this.snapshot();
    return evaluateRules(snapshot, this.now(), createCatalogue(snapshot.customCatalogue));
  }

  // --- shadow AI ------------------------------------------------------------------------------

  /** Parses a DNS/proxy/firewall log or browser-history export and stores what it found. */
  async importShadowAiLog(text: string, options: ShadowAiImportOptions): Promise<ShadowAiImportResult> {
    if (Buffer.byteLength(text, "utf8") > MAX_LOG_BYTES) {
      throw InputError.field(
        "file",
        `Het logbestand is groter dan ${MAX_LOG_BYTES / 1024 / 1024} MB; splits het op`,
        `the log is larger than ${MAX_LOG_BYTES / 1024 / 1024} MB; split it`,
      );
    }
    const parsed = parseLog(text, {
      ...(options.format ? { format: options.format } : {}),
      year: this.now().getUTCFullYear(),
    });
    const report = analyseUsage({
      events: parsed.events,
      ...(options.gateway ? { gateway: options.gateway } : {}),
      registeredTools: await this.store.tools.list(),
    });
    const importId = await this.store.shadowAi.saveImport(
      {
        importedAt: this.now().toISOString(),
        source: options.source.trim().slice(0, 200) || "import",
        format: parsed.format,
        linesRead: parsed.lines,
        toolsFound: report.findings.length,
        unregisteredTools: report.unregistered.map((f) => f.name),
      },
      report.findings.map((f) => ({ serviceId: f.key, hits: f.hits, finding: f })),
    );
    return {
      importId,
      format: parsed.format,
      linesRead: parsed.lines,
      junkLines: parsed.junk,
      ignoredEvents: report.ignoredEvents,
      findings: report.findings,
      unregistered: report.unregistered,
    };
  }

  async listShadowAiImports() {
    return this.store.shadowAi.listImports();
  }

  /** Findings of one import, by default the latest; empty when nothing was imported yet. */
  async shadowAiFindings(importId?: string): Promise<{ importId: string | null; findings: ShadowAiFinding[] }> {
    const id = importId ?? (await this.store.shadowAi.listImports())[0]?.id;
    if (!id) return { importId: null, findings: [] };
    const stored = await this.store.shadowAi.findings(id);
    if (importId && stored.length === 0 && !(await this.store.shadowAi.listImports()).some((i) => i.id === id)) {
      throw new RecordNotFoundError("shadow-AI import", id);
    }
    return { importId: id, findings: stored.map((f) => f.finding as ShadowAiFinding) };
  }

  // --- policy one-pager and disclosure texts --------------------------------------------------

  async policyDocument(format: PolicyFormat, lang: Lang): Promise<Export> {
    const choices = await this.getPolicyChoices();
    if (!choices) {
      throw new StateError({
        nl: "Leg eerst de beleidskeuzes vast (bedrijfsnaam, verantwoordelijke, aanspreekpunt, plek van het register)",
        en: "Record the policy choices first (company name, responsible person, contact, register location)",
      });
    }
    const [tools, catalogue] = await Promise.all([this.store.tools.list(), this.catalogue()]);
    let body: string | Buffer;
    try {
      body = await generatePolicy(choices, tools, { format, lang, catalogue });
    } catch (err) {
      if (err instanceof PolicyTooLongError) {
        throw new StateError({
          nl: "Het beleid past niet op één A4; maak de extra regels korter",
          en: "The policy does not fit on one A4 page; shorten the extra lines",
        });
      }
      throw err;
    }
    const name = lang === "nl" ? "ai-beleid" : "ai-policy";
    const contentType = {
      md: "text/markdown; charset=utf-8",
      html: "text/html; charset=utf-8",
      pdf: "application/pdf",
    }[format];
    return { contentType, fileName: `${name}.${format}`, body: typeof body === "string" ? body : new Uint8Array(body) };
  }

  /** Every disclosure text in both languages; the company name defaults to the organisation's. */
  async disclosureTexts(input: unknown): Promise<DisclosureText[]> {
    const raw = asObject(input);
    const companyName = raw.companyName ?? (await this.getOrganisation())?.name;
    return allDisclosureTexts(validate(DisclosureOptions, { ...raw, ...(companyName ? { companyName } : {}) }));
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Create/read/update/delete for an aggregate whose id may be generated from a label. */
  private crud<T extends { id: string }>(
    repository: () => DocumentRepository<T>,
    schema: z.ZodType<T, unknown>,
    label: (raw: Record<string, unknown>) => string,
  ) {
    return {
      list: (): Promise<T[]> => repository().list(),
      get: (id: string): Promise<T> => repository().require(id),
      add: async (input: unknown): Promise<T> => {
        const raw = asObject(input);
        return repository().insert(validate(schema, { id: newId(label(raw)), ...raw }));
      },
      update: async (id: string, input: unknown): Promise<T> =>
        repository().update(validate(schema, { ...asObject(input), id })),
      delete: (id: string): Promise<void> => repository().delete(id),
    };
  }
}

const REGISTER_COLUMNS = [
  "id",
  "system",
  "purpose",
  "description",
  "provider",
  "toolId",
  "role",
  "riskClass",
  "interactsWithPeople",
  "generatesContent",
  "disclosureInPlace",
  "obligations",
  "humanOversight",
  "dataUsed",
  "riskManagement",
  "legalBasis",
  "impactAssessmentLocation",
  "status",
  "startDate",
  "endDate",
  "responsiblePerson",
  "contact",
] as const satisfies readonly (keyof AiActRegisterEntry)[];

function dedupe(texts: Bilingual[]): Bilingual[] {
  const byDutch = new Map<string, Bilingual>();
  for (const t of texts) if (!byDutch.has(t.nl)) byDutch.set(t.nl, t);
  return [...byDutch.values()];
}

function asObject(input: unknown): Record<string, unknown> {
  if (typeof input === "object" && input !== null && !Array.isArray(input)) return input as Record<string, unknown>;
  if (input === undefined) return {};
  throw InputError.field("", "Verwacht een JSON-object", "expected a JSON object");
}
