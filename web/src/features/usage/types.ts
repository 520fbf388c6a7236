/** The usage API's answers (src/server/web-api/usage). */

export type Bucket = "day" | "week" | "month";

export interface SpendRow {
  bucket: string;
  /** Team or model; null for users without a team. */
  key: string | null;
  requests: number;
  tokens: number;
  costEur: number;
}

export interface KeyTotal {
  key: string | null;
  requests: number;
  tokens: number;
  costEur: number;
}

export interface UsageSummary {
  period: { from: string; to: string; bucket: Bucket };
  filters: { team: string | null; model: string | null };
  options: { teams: string[]; models: string[] };
  buckets: string[];
  totals: {
    requests: number;
    forwarded: number;
    rerouted: number;
    blocked: number;
    tokensIn: number;
    tokensOut: number;
    costEur: number;
    entities: number;
    users: number;
  };
  requests: { bucket: string; forward: number; reroute: number; block: number }[];
  spendPerTeam: SpendRow[];
  spendPerModel: SpendRow[];
  teamTotals: KeyTotal[];
  modelTotals: KeyTotal[];
  entities: { type: string; count: number }[];
  topUsers: { user: string; team: string | null; requests: number; blocked: number; tokens: number; costEur: number }[];
}
