/** The settings API's answers (src/server/web-api/settings). */

export type DataClass = "public" | "customer" | "sensitive" | "special";

export interface TierFacts {
  contract: "consumer" | "business";
  trainsOnData: boolean;
  euResidency: boolean;
  dpaSigned: boolean;
  zeroRetention: boolean;
  sectorAudit: boolean;
  dpia: boolean;
  local: boolean;
}

export interface ProvidersView {
  configured: boolean;
  providers: {
    id: string;
    type: string;
    host: string;
    apiKeySet: boolean;
    models: {
      name: string;
      upstreamModel: string;
      facts: TierFacts;
      tier: DataClass;
      tierLabel: string;
      nextTier: DataClass | null;
      missingForNext: string[];
      pricePerMTok: { inputPerMTok: number; outputPerMTok: number } | null;
    }[];
  }[];
}

export interface TeamRules {
  minimumClass?: DataClass;
  defaultAction?: "reroute" | "block";
  specialCategories?: "reroute" | "block";
  toolCalls?: "allow" | "flag" | "refuse" | "require-approval";
  promptInjection?: "flag" | "strip" | "refuse";
  allowedModels?: string[];
}

export interface PolicyView {
  classes: { dataClass: DataClass; label: string; requires: string; models: string[] }[];
  defaults: Required<Omit<TeamRules, "allowedModels">> & { allowedModels: string[] | null };
  configTeams: Record<string, TeamRules>;
  storedTeams: Record<string, TeamRules>;
  effectiveTeams: Record<string, TeamRules>;
  teams: string[];
  models: { name: string; tier: DataClass }[];
}

export interface Limit {
  soft?: number;
  hard?: number;
}

export type BudgetScope = "team" | "user" | "key";

export interface BudgetEntry {
  scope: BudgetScope;
  owner: string;
  daily?: Limit;
  monthly?: Limit;
  spent?: { dailyEur: number; monthlyEur: number } | null;
}

export interface BudgetsView {
  defaults: {
    perKey?: { daily?: Limit; monthly?: Limit };
    perUser?: { daily?: Limit; monthly?: Limit };
    perTeam?: { daily?: Limit; monthly?: Limit };
  };
  entries: BudgetEntry[];
  owners: { teams: string[]; users: string[]; keys: { id: string; label: string | null; user: string }[] };
}

export interface DictionaryInfo {
  entries: number;
  byType: Record<string, number>;
  fileName: string | null;
  updatedAt: string | null;
}

export interface Retention {
  chatDays: number;
  auditDays: number;
}
