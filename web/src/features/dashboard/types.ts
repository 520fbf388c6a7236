/**
 * The shapes the governance API and the dashboard home send, as far as the pages use them.
 * Kept by hand: the server's own types pull in Node-only modules.
 */

export interface Bilingual {
  nl: string;
  en: string;
}

export type RuleStatus = "met" | "partly" | "not";
export type Tier = "consumer" | "business" | "local" | "privacy-service";
export type DataCategory = "public" | "customer" | "sensitive" | "special";
export type ApprovalStatus = "requested" | "approved" | "rejected";

export interface RuleResult {
  rule: number;
  id: string;
  title: Bilingual;
  status: RuleStatus;
  startHere: boolean;
  evidence: Bilingual[];
  nextAction: Bilingual | null;
  dueDate: string | null;
}

export interface CheckResult {
  organisation: string;
  date: string;
  results: RuleResult[];
  score: { points: number; max: number; percent: number; met: number; partly: number; not: number };
  reminders: { task: string; dueDate: string; overdue: boolean; text: Bilingual }[];
}

export interface BudgetLine {
  name: string;
  spentEur: number;
  softEur?: number;
  hardEur?: number;
}

export interface DashboardHome {
  organisation: string;
  date: string;
  score: { points: number; max: number; percent: number; met: number; partly: number; not: number; total: number };
  rules: { rule: number; id: string; title: Bilingual; status: RuleStatus; link: string }[];
  nextActions: {
    rule: number;
    rules: number[];
    ruleId: string;
    title: Bilingual;
    status: RuleStatus;
    text: Bilingual;
    dueDate: string | null;
    link: string;
  }[];
  incidents: {
    id: string;
    title: string;
    kind: "data-breach" | "ai-incident";
    status: "open" | "notified" | "closed";
    discoveredAt: string;
    deadline: string;
    running: boolean;
    overdue: boolean;
    label: Bilingual;
  }[];
  toolsAwaitingApproval: {
    id: string;
    name: string;
    requestedBy: string | null;
    requestedOn: string | null;
    warnings: Bilingual[];
  }[];
  spend:
    | { configured: false; link: string }
    | {
        configured: true;
        month: string;
        totalEur: number;
        requests: number;
        limits: { perKey?: { soft?: number; hard?: number }; perUser?: { soft?: number; hard?: number } };
        users: BudgetLine[];
        teams: BudgetLine[];
      };
  gateway:
    | { configured: false; link: string }
    | { configured: true; providers: string[]; requestsToday: number; blockedToday: number };
}

export interface CatalogueEntry {
  id: string;
  vendor: string;
  product: string;
  plan: string;
  tier: Tier;
  freePlan: boolean;
  trainsOnDataByDefault: boolean;
  trainingOptOut: Bilingual | null;
  contractualTrainingExclusion: boolean;
  euDataResidency: "available" | "unavailable" | "on-premises" | "unknown";
  dpa: { available: boolean; url?: string };
  twoFactorAvailable: "yes" | "no" | "n/a";
  certifications: string[];
  priceIndication: string;
  sources: string[];
  checkedOn: string;
  confidence: "high" | "medium" | "low";
  note?: string;
  custom: boolean;
}

export interface ToolInUse {
  id: string;
  catalogueEntryId?: string;
  customTool?: { name: string; vendor: string; url?: string };
  users: string[];
  teams: string[];
  dataCategories: DataCategory[];
  workDescription?: string;
  tierInUse: Tier;
  euDataResidencyEnabled: boolean;
  dpa: { signed: boolean; signedOn?: string; documentLocation?: string };
  twoFactorEnforced: boolean;
  training: { switchedOff: boolean; verifiedOn?: string };
  dpiaCompletedOn?: string;
  sectorAuditOn?: string;
  lastQuarterlyCheckOn?: string;
  responsiblePerson: string;
  approval: {
    status: ApprovalStatus;
    requestedBy?: string;
    requestedOn?: string;
    decidedBy?: string;
    decidedOn?: string;
    reason?: string;
  };
  notes?: string;
}

export interface ToolView {
  tool: ToolInUse;
  name: string;
  warnings: Bilingual[];
  catalogueFit: { sufficient: boolean; steps: Bilingual[] } | null;
}

export interface IncidentView {
  incident: Record<string, unknown> & {
    id: string;
    title: string;
    kind: "data-breach" | "ai-incident";
    discoveredAt: string;
    facts: string;
    status: "open" | "notified" | "closed";
    notifyDecision: { decision: "undecided" | "notify" | "do-not-notify"; reasoning?: string };
  };
  countdown: { deadline: string; hoursLeft: number; running: boolean; overdue: boolean; label: Bilingual };
}

export interface ShadowAiFinding {
  key: string;
  name: string;
  catalogueIds: string[];
  domains: string[];
  hits: number;
  firstSeen?: string;
  lastSeen?: string;
  users: string[];
  registered: boolean;
  sources: ("log" | "gateway")[];
}

export interface ShadowAiImportResult {
  importId: string;
  format: string;
  linesRead: number;
  junkLines: number;
  ignoredEvents: number;
  findings: ShadowAiFinding[];
  unregistered: ShadowAiFinding[];
}

export interface ShadowAiImport {
  id: string;
  importedAt: string;
  source: string;
  format: string;
  linesRead: number;
  toolsFound: number;
  unregisteredTools: string[];
}

export interface DisclosureText {
  variant: string;
  lang: "nl" | "en";
  text: string;
}
